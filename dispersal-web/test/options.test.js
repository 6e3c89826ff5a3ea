import { describe, expect, it } from 'vitest';
import { FLOW_LABEL_LINE, MONTH_LABEL_SLOT, comparisonOption, flowOption, mapOption, monthLabelInterval, panelLayout } from '../src/charts/options.js';

describe('panel layout', () => {
  it('puts as many columns as fit and rows below, with gaps', () => {
    const layout = panelLayout(5, 570, { minWidth: 180, height: 100, gap: 15 });
    expect(layout.cells.map((c) => [c.x, c.y])).toEqual([
      [0, 0],
      [195, 0],
      [390, 0],
      [0, 115],
      [195, 115],
    ]);
    expect(layout.cells[0].width).toBe(180);
    expect(layout.height).toBe(215);
  });

  it('keeps one column when the width is narrow, and no more columns than panels', () => {
    expect(panelLayout(3, 100).cells.map((c) => c.x)).toEqual([0, 0, 0]);
    expect(panelLayout(2, 2000).cells.map((c) => c.width)).toEqual([995, 995]);
  });
});

describe('flow and map options', () => {
  it('draws the flow nodes and links as given, names every node on one line, in the given colours', () => {
    const flow = {
      nodes: [
        { name: 'Maghreb', kind: 'region', value: 97, colour: '#4a5a6a' },
        { name: 'Oceania', kind: 'region', value: 3, colour: '#4a5a6a' },
        { name: 'Killed', kind: 'state', value: 100, colour: '#3b3b3b' },
      ],
      links: [
        { source: 'Maghreb', target: 'Killed', value: 97 },
        { source: 'Oceania', target: 'Killed', value: 3 },
      ],
    };
    const series = flowOption(flow).series[0];
    expect(series.type).toBe('sankey');
    expect(series.data.map((d) => [d.name, d.label.show, d.label.position, d.itemStyle.color])).toEqual([
      ['Maghreb', true, 'left', '#4a5a6a'],
      ['Oceania', true, 'left', '#4a5a6a'],
      ['Killed', true, 'right', '#3b3b3b'],
    ]);
    // One line per label, cut to its margin, and nodes at least one line apart: no overlaps.
    for (const d of series.data) {
      expect(d.label.overflow).toBe('truncate');
      expect(d.label.width).toBeLessThan(d.label.position === 'left' ? series.left : series.right);
    }
    expect(series.nodeGap).toBeGreaterThanOrEqual(FLOW_LABEL_LINE);
    expect(series.lineStyle.color).toBe('target');
    expect(series.links).toEqual(flow.links);
  });

  it('colours countries by their median on a scale from zero to the largest', () => {
    const values = [
      { iso3: 'TUN', p05: 20, p50: 80, p95: 150, mean: 85 },
      { iso3: 'FRA', p05: 10, p50: 40, p95: 90, mean: 45 },
    ];
    const option = mapOption(values, (code) => (code === 'FRA' ? 'France' : code), 'Returned home, median');
    expect(option.visualMap.min).toBe(0);
    expect(option.visualMap.max).toBe(80);
    expect(option.series[0].map).toBe('world');
    expect(option.series[0].data).toEqual([
      { name: 'TUN', value: 80 },
      { name: 'FRA', value: 40 },
    ]);
    expect(option.tooltip.formatter({ name: 'FRA' })).toBe('France: 40 (10–90)');
    expect(option.tooltip.formatter({ name: 'ESP' })).toBe('ESP: no data');
  });
});

describe('comparison option', () => {
  const rows = [
    { state: 'killed', a: { p05: 10, p50: 20, p95: 40 }, b: { p05: 5, p50: 15, p95: 30 } },
    { state: 'disengaged', a: { p05: 1, p50: 2, p95: 3 }, b: { p05: 2, p50: 4, p95: 8 } },
  ];
  const option = comparisonOption(rows, (s) => s.toUpperCase(), 'A: #1', 'B: #2');

  it("draws each run's median as a bar and its 90% range from p05 to p95 over it", () => {
    const [medA, medB, fromA, rangeA, fromB, rangeB] = option.series;
    expect(medA.data).toEqual([20, 2]);
    expect(medB.data).toEqual([15, 4]);
    expect(fromA.data).toEqual([10, 1]);
    expect(rangeA.data).toEqual([30, 2]);
    expect(fromB.data).toEqual([5, 2]);
    expect(rangeB.data).toEqual([25, 6]);
    expect(fromA.stack).toBe(rangeA.stack);
    expect(fromA.itemStyle.color).toBe('transparent');
    expect(option.yAxis[0].data).toEqual(['KILLED', 'DISENGAGED']);
  });

  it('centres the range lines on the median bars', () => {
    const [medA, , , rangeA] = option.series;
    // Two bars of width W with no gap have their middles W apart; two of width w with a gap of
    // g*w have them w(1+g) apart: the same when g = W/w - 1.
    const gap = Number.parseFloat(rangeA.barGap) / 100;
    expect(rangeA.barWidth * (1 + gap)).toBe(medA.barWidth);
  });

  it('states both runs with their intervals in the tooltip', () => {
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toBe('KILLED\nA: #1: 20 (10–40)\nB: #2: 15 (5–30)');
  });
});

describe('month labels of a fan chart', () => {
  it('shows at most one label per slot and as many as fit', () => {
    for (let count = 1; count <= 121; count += 4) {
      for (let width = 40; width <= 1400; width += 37) {
        const step = monthLabelInterval(count, width) + 1;
        const shown = Math.ceil(count / step);
        const fit = Math.max(1, Math.floor(width / MONTH_LABEL_SLOT));
        expect(shown, `${count} months in ${width} px`).toBeLessThanOrEqual(fit);
        // one step less would show more labels than fit, unless every label is already shown
        if (step > 1) expect(Math.ceil(count / (step - 1))).toBeGreaterThan(fit);
      }
    }
  });

  it('gives a 37-month axis in 300 pixels every tenth label', () => {
    expect(monthLabelInterval(37, 300)).toBe(9);
  });
});
