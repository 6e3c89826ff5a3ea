import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLOUR,
  FAN_STYLE,
  bandPolygon,
  drawFanGrid,
  drawPointer,
  fanTooltip,
  medianLine,
  monthAt,
  niceStep,
  plotArea,
  truncate,
  valueScale,
} from '../src/charts/fanCanvas.js';
import { monthLabelInterval, panelLayout } from '../src/charts/options.js';

const fan = {
  state: 'disengaged',
  months: [0, 1, 2],
  dates: ['2017-02', '2017-03', '2017-04'],
  p05: [0, 10, 20],
  p25: [0, 15, 30],
  p50: [0, 20, 40],
  p75: [0, 25, 50],
  p95: [0, 40, 80],
};
const other = { ...fan, state: 'killed', p05: [5, 5, 5], p25: [6, 6, 6], p50: [7, 7, 7], p75: [8, 8, 8], p95: [9, 9, 9] };

/**
 * A 2D context that records what is drawn: each path (its points, and whether it was filled or
 * stroked, with the fill or stroke style and opacity at that moment) and each text. Text is 7 pixels
 * a character wide.
 */
class Recorder {
  constructor() {
    this.fillStyle = '#000';
    this.strokeStyle = '#000';
    this.globalAlpha = 1;
    this.lineWidth = 1;
    this.font = '';
    this.paths = [];
    this.texts = [];
    this.path = [];
  }
  measureText(text) {
    return { width: 7 * text.length };
  }
  beginPath() {
    this.path = [];
  }
  moveTo(x, y) {
    this.path.push(['M', x, y]);
  }
  lineTo(x, y) {
    this.path.push(['L', x, y]);
  }
  arcTo(...args) {
    this.path.push(['A', ...args]);
  }
  arc(...args) {
    this.path.push(['C', ...args]);
  }
  closePath() {
    this.path.push(['Z']);
  }
  fill() {
    this.paths.push({ op: 'fill', style: this.fillStyle, alpha: this.globalAlpha, points: this.path });
  }
  stroke() {
    this.paths.push({ op: 'stroke', style: this.strokeStyle, alpha: this.globalAlpha, width: this.lineWidth, points: this.path });
  }
  fillText(text, x, y) {
    this.texts.push({ text, x, y, font: this.font, align: this.textAlign });
  }
  setTransform() {}
  clearRect() {}
}

const xy = (points) => points.filter((p) => p[0] === 'M' || p[0] === 'L').map(([, x, y]) => [x, y]);

describe('value axis of a fan panel', () => {
  it('steps by 1, 2, 3 or 5 times a power of ten, as ECharts rounds its intervals', () => {
    expect([0.6, 1.4, 1.6, 2.6, 4.5, 8, 180, 260, 660, 1800].map(niceStep)).toEqual([0.5, 1, 2, 3, 5, 10, 200, 300, 500, 2000]);
  });

  it('goes from zero to a whole step at or above the largest value, in two to seven steps', () => {
    expect(valueScale(9000)).toEqual({ step: 2000, max: 10000, ticks: [0, 2000, 4000, 6000, 8000, 10000] });
    expect(valueScale(1300).ticks).toEqual([0, 300, 600, 900, 1200, 1500]);
    expect(valueScale(3300)).toMatchObject({ step: 500, max: 3500 });
    // ECharts would step by 1,000 to 8,000 (eight steps); seven at most are drawn
    expect(valueScale(7200).ticks).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(valueScale(1499).ticks).toEqual([0, 300, 600, 900, 1200, 1500]);
    for (let largest = 1; largest < 200000; largest = Math.ceil(largest * 1.37)) {
      const scale = valueScale(largest);
      expect(scale.max, String(largest)).toBeGreaterThanOrEqual(largest);
      expect(scale.max - scale.step, String(largest)).toBeLessThan(largest);
      expect(Number.isInteger(scale.step), String(largest)).toBe(true);
      expect(scale.ticks.length, String(largest)).toBeGreaterThanOrEqual(2);
      expect(scale.ticks.length, String(largest)).toBeLessThanOrEqual(8);
      expect(scale.ticks.at(-1)).toBe(scale.max);
    }
  });

  it('never puts a tick between two whole people, and draws an axis for a fan of zeros', () => {
    expect(valueScale(3).ticks).toEqual([0, 1, 2, 3]);
    expect(valueScale(0)).toEqual({ step: 1, max: 1, ticks: [0, 1] });
  });
});

describe('the shapes of a fan panel', () => {
  const plot = { x: 0, y: 0, width: 100, height: 100 };

  it('closes each band along its upper percentile forward and its lower one back', () => {
    expect(bandPolygon(plot, fan.p95, fan.p05, 100)).toEqual([
      [0, 100],
      [50, 60],
      [100, 20],
      [100, 80],
      [50, 90],
      [0, 100],
    ]);
  });

  it('draws the median through every month', () => {
    expect(medianLine(plot, fan.p50, 80)).toEqual([
      [0, 100],
      [50, 75],
      [100, 50],
    ]);
  });
});

describe('a grid of fan panels drawn on a canvas', () => {
  const layout = panelLayout(2, 600);
  const panels = [
    { fan, label: 'Returned home', colour: '#009e73' },
    { fan: other, label: 'Killed' },
  ];
  const g = new Recorder();
  drawFanGrid(g, panels, layout.cells);
  const fills = g.paths.filter((p) => p.op === 'fill');

  it("fills the 90% band, then the 50% band over it, in the outcome's colour, blue when none is given", () => {
    const bands = fills.filter((p) => p.alpha < 1);
    expect(bands.map((b) => [b.style, b.alpha])).toEqual([
      ['#009e73', FAN_STYLE.outerOpacity],
      ['#009e73', FAN_STYLE.innerOpacity],
      [DEFAULT_COLOUR, FAN_STYLE.outerOpacity],
      [DEFAULT_COLOUR, FAN_STYLE.innerOpacity],
    ]);
    const plot = plotArea(layout.cells[0]);
    expect(xy(bands[0].points)).toEqual(bandPolygon(plot, fan.p95, fan.p05, 80));
    expect(xy(bands[1].points)).toEqual(bandPolygon(plot, fan.p75, fan.p25, 80));
    const second = plotArea(layout.cells[1]);
    expect(xy(bands[3].points)).toEqual(bandPolygon(second, other.p75, other.p25, 10));
  });

  it('strokes the median over the bands, opaque, two pixels wide', () => {
    const medians = g.paths.filter((p) => p.op === 'stroke' && p.width === FAN_STYLE.medianWidth);
    expect(medians.map((m) => [m.style, m.alpha])).toEqual([
      ['#009e73', 1],
      [DEFAULT_COLOUR, 1],
    ]);
    expect(xy(medians[0].points)).toEqual(medianLine(plotArea(layout.cells[0]), fan.p50, 80));
    const firstBand = g.paths.findIndex((p) => p.alpha < 1);
    expect(g.paths.indexOf(medians[0])).toBeGreaterThan(firstBand + 1);
  });

  it('names each panel and labels its value ticks and shown months', () => {
    const texts = g.texts.map((t) => t.text);
    expect(texts).toContain('Returned home');
    expect(texts).toContain('Killed');
    // 80 people at most: ticks 0, 20, ..., 80 in the first panel; 9 at most: 0, 2, ..., 10.
    expect(texts.filter((t) => /^\d+$/.test(t))).toEqual(['0', '20', '40', '60', '80', '0', '2', '4', '6', '8', '10']);
    const shown = fan.dates.filter((_, i) => i % (monthLabelInterval(3, plotArea(layout.cells[0]).width) + 1) === 0);
    expect(texts.filter((t) => /^2017-/.test(t))).toEqual([...shown, ...shown]);
  });

  it('keeps a long name inside its panel with an ellipsis', () => {
    const narrow = new Recorder();
    const cell = { x: 0, y: 0, width: 120, height: 200 };
    drawFanGrid(narrow, [{ fan, label: 'Dispatched operatives at large' }], [cell]);
    const title = narrow.texts[0];
    expect(title.text.endsWith('…')).toBe(true);
    expect(narrow.measureText(title.text).width).toBeLessThanOrEqual(cell.width - 16);
    expect(truncate(narrow, 'Killed', 100)).toBe('Killed');
  });
});

describe('pointing at a month', () => {
  const layout = panelLayout(2, 600);
  const panels = [
    { fan, label: 'Returned home' },
    { fan: other, label: 'Killed' },
  ];
  const plot = plotArea(layout.cells[1]);

  it('finds the panel and the nearest month under the mouse, nothing outside the plots', () => {
    const middle = plot.y + plot.height / 2;
    expect(monthAt(panels, layout.cells, plot.x + plot.width * 0.49, middle)).toEqual({ panel: 1, index: 1 });
    expect(monthAt(panels, layout.cells, plot.x + plot.width * 0.2, middle)).toEqual({ panel: 1, index: 0 });
    expect(monthAt(panels, layout.cells, plot.x + plot.width + 3, middle)).toEqual({ panel: 1, index: 2 });
    const first = plotArea(layout.cells[0]);
    expect(monthAt(panels, layout.cells, first.x + first.width, first.y + 1)).toEqual({ panel: 0, index: 2 });
    // the title above the plot, the gap between panels, past the last month by more than half
    expect(monthAt(panels, layout.cells, plot.x + 10, plot.y - 5)).toBeNull();
    expect(monthAt(panels, layout.cells, plot.x - plot.width * 0.3, middle)).toBeNull();
    expect(monthAt(panels, layout.cells, plot.x + plot.width * 1.3, middle)).toBeNull();
  });

  it('explains the month in plain words', () => {
    expect(fanTooltip(panels[0], 2)).toBe('Returned home, month 2 (2017-04)\nMedian: 40\nHalf of runs: 30–50\n90% of runs: 20–80');
    expect(fanTooltip(panels[1], 0)).toBe('Killed, month 0 (2017-02)\nMedian: 7\nHalf of runs: 6–8\n90% of runs: 5–9');
  });

  it("marks the month with a line across the plot and a dot on the median in the panel's colour", () => {
    const g = new Recorder();
    drawPointer(g, { fan, label: 'Returned home', colour: '#009e73' }, layout.cells[0], 2);
    const first = plotArea(layout.cells[0]);
    const [line, dot] = g.paths.filter((p) => p.op === 'stroke');
    expect(xy(line.points).map(([x]) => x)).toEqual([Math.round(first.x + first.width) + 0.5, Math.round(first.x + first.width) + 0.5]);
    expect(dot.style).toBe('#009e73');
    const [, cx, cy] = dot.points[0];
    expect([cx, cy]).toEqual([first.x + first.width, first.y + first.height * (1 - 40 / 80)]);
  });
});
