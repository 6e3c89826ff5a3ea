// ECharts options of the views of comparison, hindcast, calibration, sensitivity and screening
// runs, built from shaped data. Pure functions apart from registering the two chart types they add
// (scatter points and custom interval bars) with ECharts. Tooltips are richText (no HTML).

import { CustomChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { formatNumber, percent } from '../data/csv.js';

echarts.use([CustomChart, ScatterChart, MarkLineComponent]);

const BLUE = '#1f5aa6';
const GREY = '#9aa4b1';
const DARK = '#0b2a55';
/** Colours of the variants of a comparison after the base, distinguishable in grey too. */
export const VARIANT_COLOURS = ['#1f5aa6', '#c2601a', '#2e7d4f', '#7b3fa0', '#8a6d00', '#b0305c'];
const BASE = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' } };

/**
 * Interval bars as a custom series: each datum is [category or value, low, high]; vertical bars
 * over a category x axis, or horizontal ones over a category y axis when `horizontal`.
 */
export function intervalSeries(name, data, { horizontal = false, color = DARK, width = 2, cap = 5, offset = 0, xAxisIndex = 0, yAxisIndex = 0 } = {}) {
  return {
    name,
    type: 'custom',
    xAxisIndex,
    yAxisIndex,
    silent: true,
    itemStyle: { color },
    encode: horizontal ? { x: [1, 2], y: 0 } : { x: 0, y: [1, 2] },
    data: data.filter((d) => d[1] !== null && d[2] !== null && d[1] !== undefined && d[2] !== undefined),
    renderItem: (params, api) => {
      const at = api.value(0);
      const a = horizontal ? api.coord([api.value(1), at]) : api.coord([at, api.value(1)]);
      const b = horizontal ? api.coord([api.value(2), at]) : api.coord([at, api.value(2)]);
      const style = { stroke: color, lineWidth: width };
      const line = (x1, y1, x2, y2) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style });
      if (horizontal) {
        const y = a[1] + offset;
        return { type: 'group', children: [line(a[0], y, b[0], y), line(a[0], y - cap, a[0], y + cap), line(b[0], y - cap, b[0], y + cap)] };
      }
      const x = a[0] + offset;
      return { type: 'group', children: [line(x, a[1], x, b[1]), line(x - cap, a[1], x + cap, a[1]), line(x - cap, b[1], x + cap, b[1])] };
    },
  };
}

/** The reliability diagram: observed coverage against the nominal level, with the diagonal. */
export function reliabilityOption(points) {
  return {
    ...BASE,
    legend: { top: 0, data: ['Observed share inside', 'Perfect calibration'] },
    grid: { left: 64, right: 20, top: 36, bottom: 44 },
    xAxis: { type: 'value', min: 0, max: 1, name: 'nominal level of the central interval', nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: (v) => percent(v) } },
    yAxis: { type: 'value', min: 0, max: 1, name: 'share of figures inside', nameLocation: 'middle', nameGap: 44, axisLabel: { formatter: (v) => percent(v) } },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      formatter: (item) => {
        const p = points[item.dataIndex];
        return p ? `${percent(p.level)} intervals held ${percent(p.observed)} of the figures\n(90% bootstrap interval ${percent(p.low)}–${percent(p.high)})` : '';
      },
    },
    series: [
      { name: 'Perfect calibration', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none', lineStyle: { color: GREY, type: 'dashed' }, itemStyle: { color: GREY }, silent: true },
      intervalSeries('90% bootstrap interval', points.map((p) => [p.level, p.low, p.high]), { color: GREY, cap: 4 }),
      { name: 'Observed share inside', type: 'line', data: points.map((p) => [p.level, p.observed]), symbolSize: 7, lineStyle: { color: BLUE }, itemStyle: { color: BLUE } },
    ],
  };
}

/** The PIT histogram: the share of figures in each tenth, with the flat line of a calibrated forecast. */
export function pitOption(bars) {
  return {
    ...BASE,
    grid: { left: 64, right: 20, top: 20, bottom: 44 },
    xAxis: { type: 'category', data: bars.map((b) => b.label), name: 'probability integral transform (dashed: a calibrated forecast)', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', min: 0, name: 'share of figures', nameLocation: 'middle', nameGap: 44, axisLabel: { formatter: (v) => percent(v) } },
    tooltip: { trigger: 'axis', renderMode: 'richText', formatter: (items) => `${items[0].name}: ${percent(items[0].value, 1)} of the figures` },
    series: [
      {
        name: 'Share of figures',
        type: 'bar',
        data: bars.map((b) => b.share),
        itemStyle: { color: BLUE },
        markLine: bars.length
          ? { silent: true, symbol: 'none', lineStyle: { color: GREY, type: 'dashed' }, label: { show: false }, data: [{ yAxis: bars[0].expected }] }
          : undefined,
      },
    ],
  };
}

/**
 * Paired differences from the base at every compared month: for each variant a point at the median
 * with its 90% range, side by side within each month, and the zero line.
 */
export function differenceOption(series, months, stateLabel) {
  const categories = months.map((m) => `month ${m}`);
  const n = series.length;
  const spread = 18;
  const shift = (i) => (n <= 1 ? 0 : (i - (n - 1) / 2) * spread);
  return {
    ...BASE,
    legend: { top: 0, data: series.map((s) => s.variant) },
    grid: { left: 80, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', name: `${stateLabel}: difference from the base`, nameLocation: 'middle', nameGap: 60, axisLabel: { formatter: (v) => formatNumber(v) } },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      formatter: (item) => {
        const s = series.find((x) => x.variant === item.seriesName);
        const p = s && s.points[item.dataIndex];
        return p ? `${item.seriesName}, ${categories[item.dataIndex]}\nmedian difference ${formatNumber(p.p50)}, 90% range ${formatNumber(p.p05)} to ${formatNumber(p.p95)}` : '';
      },
    },
    series: series.flatMap((s, i) => {
      const color = VARIANT_COLOURS[i % VARIANT_COLOURS.length];
      return [
        intervalSeries(`${s.variant} 90% range`, s.points.map((p, j) => [j, p.p05, p.p95]), { color, offset: shift(i) }),
        {
          name: s.variant,
          type: 'scatter',
          data: s.points.map((p) => p.p50),
          symbolSize: 9,
          symbolOffset: [shift(i), 0],
          itemStyle: { color },
          markLine: i === 0 ? { silent: true, symbol: 'none', lineStyle: { color: GREY }, label: { show: false }, data: [{ yAxis: 0 }] } : undefined,
        },
      ];
    }),
  };
}

/**
 * The paired differences of two runs (B − A) at one month, one outcome per line: a point at the
 * median of the replication-by-replication differences and a line over their 90% interval, with
 * the zero line. `rows` are pairedChartRows of data/compare.js.
 */
export function pairedDifferenceOption(rows, labelOf) {
  const names = rows.map((r) => labelOf(r.state));
  return {
    ...BASE,
    legend: { top: 0, data: ['Median difference', 'Paired 90% interval'] },
    grid: { left: 244, right: 30, top: 36, bottom: 40 },
    xAxis: {
      type: 'value',
      name: 'B − A, people',
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { formatter: (v) => formatNumber(v) },
    },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 236, overflow: 'truncate' } },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      formatter: (item) => {
        const r = rows[item.dataIndex];
        return r ? `${names[item.dataIndex]}\nmedian difference ${formatNumber(r.p50)}, paired 90% interval ${formatNumber(r.p05)} to ${formatNumber(r.p95)}` : '';
      },
    },
    series: [
      intervalSeries('Paired 90% interval', rows.map((r, i) => [i, r.p05, r.p95]), { horizontal: true, color: DARK, width: 2, cap: 5 }),
      {
        name: 'Median difference',
        type: 'scatter',
        data: rows.map((r, i) => [r.p50, i]),
        symbolSize: 10,
        itemStyle: { color: BLUE },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: GREY }, label: { show: false }, data: [{ xAxis: 0 }] },
      },
    ],
  };
}

/**
 * The tornado chart: the parameters with the largest Morris mu* (largest at the top), each bar the
 * signed mean elementary effect mu (which way the parameter pushes) and a line for mu* ± sigma.
 */
export function tornadoOption(rows, outputLabel) {
  const names = rows.map((r) => r.parameter);
  return {
    ...BASE,
    legend: { top: 0, data: ['Mean effect (μ)', 'Mean absolute effect (μ*)'] },
    grid: { left: 250, right: 30, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: `change in ${outputLabel}`, nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: (v) => formatNumber(v) } },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 240, overflow: 'truncate' } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      renderMode: 'richText',
      formatter: (items) => {
        const r = rows[items[0].dataIndex];
        return `${r.parameter}\nμ* ${formatNumber(r.muStar)}, μ ${formatNumber(r.mu)}, σ ${formatNumber(r.sigma)}`;
      },
    },
    series: [
      { name: 'Mean effect (μ)', type: 'bar', itemStyle: { color: BLUE }, data: rows.map((r) => ({ value: r.mu, itemStyle: { color: r.mu < 0 ? '#c2601a' : BLUE } })), barWidth: 14 },
      { name: 'Mean absolute effect (μ*)', type: 'scatter', data: rows.map((r) => r.muStar), symbol: 'diamond', symbolSize: 10, itemStyle: { color: DARK } },
    ],
  };
}

/** Sobol' first-order (S1) and total (ST) indices with their bootstrap intervals, per parameter. */
export function sobolOption(rows) {
  const names = rows.map((r) => r.parameter);
  return {
    ...BASE,
    legend: { top: 0, data: ['First order (S1)', 'Total (ST)'] },
    grid: { left: 250, right: 30, top: 36, bottom: 30 },
    xAxis: { type: 'value', min: (v) => Math.min(0, Math.floor(v.min * 10) / 10), max: (v) => Math.max(1, Math.ceil(v.max * 10) / 10) },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 240, overflow: 'truncate' } },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      formatter: (item) => {
        const r = rows[item.dataIndex];
        const f = (v) => (v === null ? '?' : v.toFixed(2));
        return r ? `${r.parameter}\nS1 ${f(r.s1)} [${f(r.s1Low)}–${f(r.s1High)}]\nST ${f(r.st)} [${f(r.stLow)}–${f(r.stHigh)}]` : '';
      },
    },
    series: [
      intervalSeries('S1 interval', rows.map((r, i) => [i, r.s1Low, r.s1High]), { horizontal: true, color: '#c2601a', offset: -5, cap: 3 }),
      { name: 'First order (S1)', type: 'scatter', data: rows.map((r, i) => [r.s1, i]), symbolOffset: [0, -5], symbolSize: 8, itemStyle: { color: '#c2601a' } },
      intervalSeries('ST interval', rows.map((r, i) => [i, r.stLow, r.stHigh]), { horizontal: true, color: BLUE, offset: 5, cap: 3 }),
      { name: 'Total (ST)', type: 'scatter', data: rows.map((r, i) => [r.st, i]), symbolOffset: [0, 5], symbolSize: 8, itemStyle: { color: BLUE } },
    ],
  };
}

/**
 * Prior against posterior for every parameter on its own prior scale (0 = the prior's 5th
 * percentile, 1 = its 95th): a grey bar for the prior's 90% interval, a blue one for the
 * posterior's, each with its median.
 */
export function intervalsOption(bars) {
  const names = bars.map((b) => b.name);
  return {
    ...BASE,
    legend: { top: 0, data: ['Prior 90%', 'Posterior 90%', 'Posterior median'] },
    grid: { left: 280, right: 30, top: 36, bottom: 40 },
    xAxis: {
      type: 'value',
      name: 'position within the prior’s 90% interval',
      nameLocation: 'middle',
      nameGap: 26,
      min: (v) => Math.min(-0.1, Math.floor(v.min * 10) / 10),
      max: (v) => Math.max(1.1, Math.ceil(v.max * 10) / 10),
      axisLabel: { formatter: (v) => (v === 0 ? '5%' : v === 1 ? '95%' : '') },
    },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 270, overflow: 'truncate' } },
    series: [
      intervalSeries('Prior 90%', bars.map((b, i) => [i, b.prior[0], b.prior[1]]), { horizontal: true, color: GREY, width: 6, cap: 0, offset: -4 }),
      intervalSeries('Posterior 90%', bars.map((b, i) => [i, b.posterior[0], b.posterior[1]]), { horizontal: true, color: BLUE, width: 6, cap: 0, offset: 4 }),
      { name: 'Posterior median', type: 'scatter', data: bars.map((b, i) => [b.posterior[2], i]), symbol: 'diamond', symbolSize: 10, symbolOffset: [0, 4], itemStyle: { color: DARK } },
    ],
  };
}

/** One parameter's posterior as bars and its prior as a dashed step line, over the same bins. */
export function histogramOption(hist) {
  return {
    ...BASE,
    legend: { top: 0, data: ['Prior', 'Posterior'] },
    grid: { left: 56, right: 20, top: 36, bottom: 44 },
    xAxis: { type: 'category', data: hist.bins.map((b) => b.label), name: hist.name, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v) => percent(v) } },
    tooltip: { trigger: 'axis', renderMode: 'richText', formatter: (items) => `${items[0].name}\n${items.map((i) => `${i.seriesName}: ${percent(i.value, 1)}`).join('\n')}` },
    series: [
      { name: 'Posterior', type: 'bar', data: hist.bins.map((b) => b.posterior), itemStyle: { color: BLUE }, barCategoryGap: '10%' },
      { name: 'Prior', type: 'line', step: 'middle', data: hist.bins.map((b) => b.prior), symbol: 'none', lineStyle: { color: '#5b6573', width: 2, type: 'dashed' }, itemStyle: { color: '#5b6573' } },
    ],
  };
}

/** A screening's counts (flagged, missed, wrongly flagged) as bars of the mean with 90% ranges. */
export function screeningOption(measures) {
  const names = measures.map((m) => m.label);
  return {
    ...BASE,
    legend: { top: 0, data: ['Mean', '90% range'] },
    grid: { left: 220, right: 30, top: 36, bottom: 30 },
    xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v) => formatNumber(v) } },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 210, overflow: 'truncate' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', formatter: (items) => `${names[items[0].dataIndex]}: ${measures[items[0].dataIndex].text}` },
    series: [
      { name: 'Mean', type: 'bar', data: measures.map((m) => m.mean), barWidth: 16, itemStyle: { color: '#8fb3de' } },
      intervalSeries('90% range', measures.map((m, i) => [i, m.p05, m.p95]), { horizontal: true, color: DARK }),
    ],
  };
}
