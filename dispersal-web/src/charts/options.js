// ECharts options built from shaped data. Pure functions: no DOM, so they are unit-tested.
// Tooltips use richText (drawn on the canvas): no HTML is built from data, and nothing needs an
// inline style, which the server's Content-Security-Policy forbids.

import { formatCount, formatInterval } from '../data/shape.js';
import { formatAmount, formatTick } from '../data/threat.js';

const BLUE = '#1f5aa6';
const ORANGE = '#c2601a';
const BASE = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' } };

/**
 * Where each panel of a grid of small charts goes: as many columns of at least `minWidth` pixels as
 * fit the width, rows of `height` pixels, `gap` pixels between them.
 */
export function panelLayout(count, width, { minWidth = 270, height = 200, gap = 10 } = {}) {
  const columns = Math.max(1, Math.min(count, Math.floor((width + gap) / (minWidth + gap))));
  const cellWidth = (width - (columns - 1) * gap) / columns;
  const rows = Math.ceil(count / columns);
  return {
    height: Math.max(0, rows * height + (rows - 1) * gap),
    cells: Array.from({ length: count }, (_, i) => ({
      x: (i % columns) * (cellWidth + gap),
      y: Math.floor(i / columns) * (height + gap),
      width: cellWidth,
      height,
    })),
  };
}

/**
 * Room for one month label ("2017-02" at 12 pixels, about 45 pixels wide, and a gap) on a fan
 * chart's time axis.
 */
export const MONTH_LABEL_SLOT = 64;

/**
 * Which month labels a time axis of `count` months shows in `width` pixels: every (interval + 1)th,
 * so that at most one label falls in each `MONTH_LABEL_SLOT`. Given to ECharts as the axis label's
 * interval, it spared ECharts measuring every label of every panel to choose one; the canvas fan
 * grid (fanCanvas.js) shows the same labels.
 */
export function monthLabelInterval(count, width) {
  const fit = Math.max(1, Math.floor(width / MONTH_LABEL_SLOT));
  return Math.max(0, Math.ceil(count / fit) - 1);
}

/** Height of one line of a flow label (12-pixel text): labels sit at their node's middle. */
export const FLOW_LABEL_LINE = 15;
/** Room for the region names left of the diagram and the state names right of it. */
export const FLOW_MARGINS = { left: 150, right: 215 };

/**
 * The flow diagram: origin regions on the left (names to their left), states on the right (names
 * to their right), widths = mean people, each state and its bands in the report's colour. Every
 * node is named: nodes are at least one label line apart (`nodeGap`), and each label is a single
 * line cut to its margin, so labels at the middle of neighbouring nodes can never overlap. The
 * chart is drawn as SVG, so a browser test can measure the labels.
 */
export function flowOption(flow) {
  const single = (width) => ({ width, overflow: 'truncate', ellipsis: '…', lineHeight: FLOW_LABEL_LINE });
  return {
    ...BASE,
    tooltip: {
      renderMode: 'richText',
      formatter: (p) =>
        p.dataType === 'edge'
          ? `${p.data.source} → ${p.data.target}: ${formatCount(p.data.value)}`
          : `${p.name}: ${formatCount(p.value)}`,
    },
    series: [
      {
        type: 'sankey',
        left: FLOW_MARGINS.left,
        right: FLOW_MARGINS.right,
        top: 8,
        bottom: 8,
        nodeWidth: 14,
        nodeGap: FLOW_LABEL_LINE + 3,
        nodeAlign: 'justify',
        layoutIterations: 0,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'target', opacity: 0.35 },
        label: { fontSize: 12, color: '#1d2733' },
        data: flow.nodes.map((n) => ({
          name: n.name,
          itemStyle: { color: n.colour },
          label:
            n.kind === 'region'
              ? { show: true, position: 'left', ...single(FLOW_MARGINS.left - 12) }
              : { show: true, position: 'right', ...single(FLOW_MARGINS.right - 12) },
        })),
        links: flow.links,
      },
    ],
  };
}

/** The world map of origin countries coloured by the median of one state at one month. */
export function mapOption(values, nameOf, legendTitle) {
  const max = Math.max(1, ...values.map((v) => v.p50));
  const byCode = new Map(values.map((v) => [v.iso3, v]));
  return {
    ...BASE,
    tooltip: {
      renderMode: 'richText',
      formatter: (p) => {
        const v = byCode.get(p.name);
        return v ? `${nameOf(p.name)}: ${formatInterval(v.p50, v.p05, v.p95)}` : `${nameOf(p.name)}: no data`;
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 8,
      bottom: 8,
      text: [formatCount(max), '0'],
      calculable: false,
      inRange: { color: ['#e3edf9', '#8fb3de', '#1f5aa6', '#0b2a55'] },
      formatter: (v) => formatCount(v),
    },
    title: { text: legendTitle, left: 8, top: 4, textStyle: { fontSize: 13 } },
    series: [
      {
        type: 'map',
        map: 'world',
        roam: false,
        left: 10,
        right: 10,
        top: 30,
        bottom: 10,
        itemStyle: { areaColor: '#f2f2f2', borderColor: '#b9b9b9', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#f0b429' } },
        select: { disabled: true },
        data: values.map((v) => ({ name: v.iso3, value: v.p50 })),
      },
    ],
  };
}

/**
 * Run A and run B side by side for each state (world scope): a bar for each run's median and a
 * dark line over it for its 90% range across replications. The ranges sit on a second, hidden
 * category axis whose thin bars are spaced to fall on the middle of the two median bars.
 */
export function comparisonOption(rows, labelOf, nameA, nameB) {
  const MEDIAN_WIDTH = 12;
  const RANGE_WIDTH = 3;
  const range = (side) => rows.map((r) => r[side].p95 - r[side].p05);
  const hidden = { xAxisIndex: 0, yAxisIndex: 1, barWidth: RANGE_WIDTH, barGap: `${(MEDIAN_WIDTH / RANGE_WIDTH - 1) * 100}%` };
  return {
    ...BASE,
    legend: { top: 0, data: [nameA, nameB, '90% range'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      renderMode: 'richText',
      formatter: (items) => {
        const r = rows[items[0].dataIndex];
        return [
          labelOf(r.state),
          `${nameA}: ${formatInterval(r.a.p50, r.a.p05, r.a.p95)}`,
          `${nameB}: ${formatInterval(r.b.p50, r.b.p05, r.b.p95)}`,
        ].join('\n');
      },
    },
    grid: { left: 200, right: 24, top: 30, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => formatCount(v) } },
    yAxis: [
      { type: 'category', inverse: true, data: rows.map((r) => labelOf(r.state)) },
      { type: 'category', inverse: true, data: rows.map((r) => labelOf(r.state)), show: false },
    ],
    series: [
      { name: nameA, type: 'bar', data: rows.map((r) => r.a.p50), barWidth: MEDIAN_WIDTH, barGap: '0%', itemStyle: { color: '#8fb3de' } },
      { name: nameB, type: 'bar', data: rows.map((r) => r.b.p50), barWidth: MEDIAN_WIDTH, barGap: '0%', itemStyle: { color: '#f0b98a' } },
      { name: 'A from', type: 'bar', stack: 'a', data: rows.map((r) => r.a.p05), itemStyle: { color: 'transparent' }, silent: true, ...hidden },
      { name: '90% range', type: 'bar', stack: 'a', data: range('a'), itemStyle: { color: '#0b2a55' }, ...hidden },
      { name: 'B from', type: 'bar', stack: 'b', data: rows.map((r) => r.b.p05), itemStyle: { color: 'transparent' }, silent: true, ...hidden },
      { name: '90% range', type: 'bar', stack: 'b', data: range('b'), itemStyle: { color: '#0b2a55' }, ...hidden },
    ],
  };
}

/**
 * The fan of one threat measure for one destination: the 90% band, the median and the mean (dashed)
 * over the months, values with their own decimals (expected plots are often below one).
 */
export function threatFanOption(fan) {
  const lower = fan.p05.map((v) => (v === null ? null : v));
  const width = fan.p95.map((v, i) => (v === null || fan.p05[i] === null ? null : v - fan.p05[i]));
  const show = (v) => (v === null || v === undefined ? '–' : formatAmount(v));
  return {
    ...BASE,
    legend: { top: 0, data: ['90% of runs', 'Median', 'Mean'] },
    grid: { left: 64, right: 24, top: 36, bottom: 36 },
    xAxis: { type: 'category', data: fan.dates, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v) => formatTick(v) } },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      formatter: (items) => {
        const i = items[0].dataIndex;
        return [
          `${fan.destination}, ${fan.measure}, month ${fan.months[i]} (${fan.dates[i]})`,
          `Mean: ${show(fan.mean[i])}`,
          `Median: ${show(fan.p50[i])}`,
          `90% of runs: ${show(fan.p05[i])}–${show(fan.p95[i])}`,
        ].join('\n');
      },
    },
    series: [
      { name: '5th percentile', type: 'line', stack: 'band', data: lower, symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
      {
        name: '90% of runs',
        type: 'line',
        stack: 'band',
        data: width,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: BLUE, opacity: 0.25 },
        areaStyle: { color: BLUE, opacity: 0.2 },
        silent: true,
      },
      { name: 'Median', type: 'line', data: fan.p50, symbol: 'none', itemStyle: { color: BLUE }, lineStyle: { color: BLUE, width: 2 } },
      { name: 'Mean', type: 'line', data: fan.mean, symbol: 'none', itemStyle: { color: ORANGE }, lineStyle: { color: ORANGE, width: 2, type: 'dashed' } },
    ],
  };
}

/**
 * Cumulative plots at the horizon for the top destinations: a bar for the mean and a dark line over
 * it for the 90% interval, highest-ranked at the top. The interval sits on a second, hidden
 * category axis so that it is centred on its bar rather than placed beside it.
 */
export function plotBarsOption(bars) {
  const names = bars.map((b) => b.name);
  return {
    ...BASE,
    legend: { top: 0, data: ['Mean', '90% interval'] },
    grid: { left: 150, right: 40, top: 32, bottom: 28 },
    xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v) => formatTick(v) } },
    yAxis: [
      { type: 'category', inverse: true, data: names, axisLabel: { width: 140, overflow: 'truncate' } },
      { type: 'category', inverse: true, data: names, show: false },
    ],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      renderMode: 'richText',
      formatter: (items) => {
        const bar = bars[items[0].dataIndex];
        return `${bar.name}: plots since the start, mean [90% interval]\n${bar.text}`;
      },
    },
    series: [
      { name: 'Mean', type: 'bar', data: bars.map((b) => b.mean), barWidth: 16, itemStyle: { color: '#8fb3de' } },
      { name: 'from', type: 'bar', yAxisIndex: 1, stack: 'interval', data: bars.map((b) => b.p05), barWidth: 4, itemStyle: { color: 'transparent' }, silent: true },
      {
        name: '90% interval',
        type: 'bar',
        yAxisIndex: 1,
        stack: 'interval',
        data: bars.map((b) => (b.p95 === null || b.p05 === null ? null : b.p95 - b.p05)),
        barWidth: 4,
        itemStyle: { color: '#0b2a55' },
      },
    ],
  };
}

/** The weight axis ends a little past the largest weight (room for the labels), at most at 100%. */
export function weightAxisMax(bars, posterior = true) {
  const largest = Math.max(0, ...bars.flatMap((b) => (posterior ? [b.prior, b.posterior] : [b.prior])));
  return Math.min(1, Math.ceil((largest + 0.1) * 10) / 10);
}

/**
 * Prior and posterior weights per hypothesis as grouped horizontal bars, labelled with percentages
 * (and the ICD 203 words on the posterior). With `posterior: false` only the prior weights.
 */
export function weightsOption(bars, { posterior = true } = {}) {
  const label = (text) => ({ show: true, position: 'right', formatter: (p) => text(p.dataIndex) });
  const series = [
    {
      name: posterior ? 'Before the events' : 'Prior weight',
      type: 'bar',
      data: bars.map((b) => b.prior),
      itemStyle: { color: posterior ? '#b9c4d2' : BLUE },
      label: label((i) => bars[i].priorText),
    },
  ];
  if (posterior) {
    series.push({
      name: 'After the events',
      type: 'bar',
      data: bars.map((b) => b.posterior),
      itemStyle: { color: BLUE },
      label: label((i) => `${bars[i].posteriorText}${bars[i].words ? ` (${bars[i].words})` : ''}`),
    });
  }
  return {
    ...BASE,
    legend: { top: 0 },
    grid: { left: 220, right: 170, top: 32, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: weightAxisMax(bars, posterior), axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisLabel: { width: 210, overflow: 'break' } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      renderMode: 'richText',
      formatter: (items) => {
        const b = bars[items[0].dataIndex];
        return posterior ? `${b.name}\nBefore: ${b.priorText}\nAfter: ${b.posteriorText}${b.words ? ` (${b.words})` : ''}` : `${b.name}: ${b.priorText}`;
      },
    },
    series,
  };
}
