// The fan charts' grid drawn on a plain canvas, without ECharts: one panel per outcome with its
// title, a value axis, the month axis, the 90% band, the 50% band and the median line. Drawing
// twelve panels this way takes a few milliseconds; ECharts took most of the results page's time to
// its first chart setting up twelve grids, 24 axes and 60 series (docs/PERFORMANCE.md, Session 10).
// Everything here but `fanGridChart` is a pure function of the data and a 2D context, unit-tested
// (test/fanCanvas.test.js) with a context that records its calls.

import { formatCount } from '../data/shape.js';
import { monthLabelInterval } from './options.js';

/** Colour of a panel without its own (an outcome the server gave no colour). */
export const DEFAULT_COLOUR = '#1f5aa6';

/** The look of a panel: the same as the ECharts fan charts it replaces. */
export const FAN_STYLE = {
  font: 'system-ui, sans-serif',
  /** Opacity of the band holding 90% of the runs (5th to 95th percentile). */
  outerOpacity: 0.18,
  /** Opacity of the band holding half of the runs (25th to 75th), drawn over the outer band. */
  innerOpacity: 0.3,
  medianWidth: 2,
  panelFill: '#ffffff',
  panelStroke: '#d5dbe3',
  panelRadius: 6,
  title: '#333333',
  axisLine: '#6e7079',
  axisLabel: '#6e7079',
  splitLine: '#e0e6f1',
  pointer: '#8a93a3',
};

/** How many intervals a value axis aims for (ECharts' default `splitNumber`). */
export const VALUE_SPLITS = 5;

/**
 * The plot area of a panel in its cell: room for the title above, the value labels left and the
 * month labels below (the margins of the ECharts grids the canvas replaces).
 */
export function plotArea(cell) {
  return { x: cell.x + 56, y: cell.y + 32, width: cell.width - 80, height: cell.height - 58 };
}

/**
 * A "nice" step near `raw`: 1, 2, 3, 5 or 10 times a power of ten, rounded as ECharts rounds its
 * axis intervals, so the axes read as before (0, 2,000, ..., 10,000; 0, 300, ..., 1,500).
 */
export function niceStep(raw) {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10;
  return nice * power;
}

/** The next "nice" step above a nice step: 1 → 2 → 3 → 5 → 10 times the same power of ten. */
function nextNice(step) {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const f = Math.round(step / power);
  return (f === 1 ? 2 : f === 2 ? 3 : f === 3 ? 5 : 10) * power;
}

/**
 * The value axis of a panel from zero to the largest value: a whole-number step (people are
 * counted in whole numbers, so no tick falls between two counts), the top rounded up to a step,
 * and the ticks from zero to the top. At most `splits + 2` steps: where ECharts' rounding gave
 * eight or nine (7,200 people: 0, 1,000, ..., 8,000), the next nice step is taken, so no panel's
 * labels are crowded.
 */
export function valueScale(largest, splits = VALUE_SPLITS) {
  let step = Math.max(1, niceStep(Math.max(0, largest) / splits));
  while (Math.ceil(largest / step) > splits + 2) step = nextNice(step);
  const top = Math.max(step, Math.ceil(largest / step) * step);
  const count = Math.round(top / step);
  return { step, max: top, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
}

/** The largest value a fan reaches (its 95th percentile's largest). */
export function fanMax(fan) {
  let max = 0;
  for (const v of fan.p95) if (v > max) max = v;
  return max;
}

/** Where month `i` of `count` and value `v` fall in a plot area whose axis ends at `max`. */
export function position(plot, i, count, v, max) {
  const x = count > 1 ? plot.x + (plot.width * i) / (count - 1) : plot.x + plot.width / 2;
  return [x, plot.y + plot.height - (plot.height * v) / max];
}

/**
 * The points of a band: along the upper percentile from the first month to the last, then back
 * along the lower one, a closed polygon holding exactly the runs between the two.
 */
export function bandPolygon(plot, upper, lower, max) {
  const n = upper.length;
  const points = [];
  for (let i = 0; i < n; i++) points.push(position(plot, i, n, upper[i], max));
  for (let i = n - 1; i >= 0; i--) points.push(position(plot, i, n, lower[i], max));
  return points;
}

/** The median's line, month by month. */
export function medianLine(plot, p50, max) {
  return p50.map((v, i) => position(plot, i, p50.length, v, max));
}

/**
 * The text of the tooltip for month `i` of a panel, in the words of the report: the outcome and
 * the month, the median, and the ranges that hold half and 90% of the runs.
 */
export function fanTooltip({ fan, label }, i) {
  return [
    `${label}, month ${fan.months[i]} (${fan.dates[i]})`,
    `Median: ${formatCount(fan.p50[i])}`,
    `Half of runs: ${formatCount(fan.p25[i])}–${formatCount(fan.p75[i])}`,
    `90% of runs: ${formatCount(fan.p05[i])}–${formatCount(fan.p95[i])}`,
  ].join('\n');
}

/**
 * Which panel and month a point of the canvas (x, y in CSS pixels) is over: the panel whose plot
 * area holds the point (give or take half a month's width at either end, within the panel's cell),
 * and the month nearest to it along the time axis; null anywhere else (titles, labels, gaps).
 */
export function monthAt(panels, cells, x, y) {
  for (let p = 0; p < cells.length; p++) {
    const cell = cells[p];
    const plot = plotArea(cell);
    if (x < cell.x || x > cell.x + cell.width || y < plot.y || y > plot.y + plot.height) continue;
    const n = panels[p].fan.months.length;
    if (!n) continue;
    const along = n > 1 ? ((x - plot.x) / plot.width) * (n - 1) : (x - plot.x - plot.width / 2) / plot.width;
    if (along < -0.5 || along > Math.max(0, n - 1) + 0.5) continue;
    return { panel: p, index: Math.min(n - 1, Math.max(0, Math.round(along))) };
  }
  return null;
}

/** `text` cut with "…" to fit `width` pixels in the context's current font. */
export function truncate(g, text, width) {
  if (g.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (g.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function roundedRect(g, x, y, w, h, r) {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}

function polygon(g, points) {
  g.beginPath();
  points.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
  g.closePath();
}

/** Draws one panel (its cell's background, title, axes, bands and median) on a 2D context. */
export function drawFanPanel(g, { fan, label, colour = DEFAULT_COLOUR }, cell, style = FAN_STYLE) {
  const plot = plotArea(cell);
  const scale = valueScale(fanMax(fan));
  const n = fan.months.length;

  roundedRect(g, cell.x + 0.5, cell.y + 0.5, cell.width - 1, cell.height - 1, style.panelRadius);
  g.fillStyle = style.panelFill;
  g.fill();
  g.strokeStyle = style.panelStroke;
  g.lineWidth = 1;
  g.stroke();

  g.font = `bold 13px ${style.font}`;
  g.fillStyle = style.title;
  g.textAlign = 'left';
  g.textBaseline = 'top';
  g.fillText(truncate(g, label, cell.width - 16), cell.x + 8, cell.y + 8);

  // Value axis: a light line and a label at every tick.
  g.font = `12px ${style.font}`;
  g.fillStyle = style.axisLabel;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  g.strokeStyle = style.splitLine;
  g.beginPath();
  for (const tick of scale.ticks) {
    const y = Math.round(position(plot, 0, n, tick, scale.max)[1]) + 0.5;
    if (tick > 0) {
      g.moveTo(plot.x, y);
      g.lineTo(plot.x + plot.width, y);
    }
    g.fillText(formatCount(tick), plot.x - 8, y);
  }
  g.stroke();

  // The bands, then the median over them.
  g.fillStyle = colour;
  g.globalAlpha = style.outerOpacity;
  polygon(g, bandPolygon(plot, fan.p95, fan.p05, scale.max));
  g.fill();
  g.globalAlpha = style.innerOpacity;
  polygon(g, bandPolygon(plot, fan.p75, fan.p25, scale.max));
  g.fill();
  g.globalAlpha = 1;
  g.strokeStyle = colour;
  g.lineWidth = style.medianWidth;
  g.lineJoin = 'round';
  g.beginPath();
  medianLine(plot, fan.p50, scale.max).forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
  g.stroke();

  // Month axis: the line, a tick and a label at every shown month.
  const bottom = Math.round(plot.y + plot.height) + 0.5;
  const every = monthLabelInterval(n, plot.width) + 1;
  g.strokeStyle = style.axisLine;
  g.lineWidth = 1;
  g.beginPath();
  g.moveTo(plot.x, bottom);
  g.lineTo(plot.x + plot.width, bottom);
  g.fillStyle = style.axisLabel;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (let i = 0; i < n; i += every) {
    const x = Math.round(position(plot, i, n, 0, scale.max)[0]) + 0.5;
    g.moveTo(x, bottom);
    g.lineTo(x, bottom + 5);
    g.fillText(fan.dates[i], x, bottom + 8);
  }
  g.stroke();
}

/** Draws every panel at its cell. */
export function drawFanGrid(g, panels, cells, style = FAN_STYLE) {
  panels.forEach((panel, i) => drawFanPanel(g, panel, cells[i], style));
}

/**
 * The pointer of month `index` of a panel: a vertical line across the plot and a dot on the
 * median, in the panel's colour.
 */
export function drawPointer(g, panel, cell, index, style = FAN_STYLE) {
  const plot = plotArea(cell);
  const { fan, colour = DEFAULT_COLOUR } = panel;
  const scale = valueScale(fanMax(fan));
  const [x, y] = position(plot, index, fan.months.length, fan.p50[index], scale.max);
  const px = Math.round(x) + 0.5;
  g.strokeStyle = style.pointer;
  g.lineWidth = 1;
  g.beginPath();
  g.moveTo(px, plot.y);
  g.lineTo(px, plot.y + plot.height);
  g.stroke();
  g.fillStyle = style.panelFill;
  g.strokeStyle = colour;
  g.lineWidth = 2;
  g.beginPath();
  g.arc(x, y, 4, 0, 2 * Math.PI);
  g.fill();
  g.stroke();
}

/** A canvas of `width` × `height` CSS pixels, sharp on high-density screens; returns its context. */
function sized(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  return g;
}

/**
 * Draws the fan grid into `container` (a positioned element), replacing what it held: the panels
 * on one canvas, a second canvas over it for the pointer and a tooltip that follows the mouse. The
 * canvases are put in the page in the same task that draws them, so "a canvas under the grid"
 * means "the grid is drawn" (the benchmark's observer relies on it).
 */
export function fanGridChart(container, panels, layout) {
  const width = Math.max(1, Math.round(container.clientWidth));
  const height = Math.max(1, Math.round(layout.height));
  const chart = document.createElement('canvas');
  chart.className = 'fan-canvas';
  const pointer = document.createElement('canvas');
  pointer.className = 'fan-pointer';
  pointer.setAttribute('aria-hidden', 'true');
  const tip = document.createElement('div');
  tip.className = 'fan-tooltip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;

  drawFanGrid(sized(chart, width, height), panels, layout.cells);
  const overlay = sized(pointer, width, height);
  container.style.height = `${height}px`;
  container.replaceChildren(chart, pointer, tip);

  let shown = null;
  const hide = () => {
    shown = null;
    overlay.clearRect(0, 0, width, height);
    tip.hidden = true;
  };
  chart.addEventListener('mousemove', (event) => {
    const box = chart.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const at = monthAt(panels, layout.cells, x, y);
    if (!at) {
      hide();
      return;
    }
    if (!shown || shown.panel !== at.panel || shown.index !== at.index) {
      shown = at;
      overlay.clearRect(0, 0, width, height);
      drawPointer(overlay, panels[at.panel], layout.cells[at.panel], at.index);
      tip.textContent = fanTooltip(panels[at.panel], at.index);
      tip.style.borderColor = panels[at.panel].colour || DEFAULT_COLOUR;
      tip.hidden = false;
    }
    // Beside the pointer, on the side with more room, inside the grid.
    const right = x < width / 2;
    const left = right ? x + 16 : x - 16 - tip.offsetWidth;
    tip.style.left = `${Math.max(0, Math.min(width - tip.offsetWidth, left))}px`;
    tip.style.top = `${Math.max(0, Math.min(height - tip.offsetHeight, y + 12))}px`;
  });
  chart.addEventListener('mouseleave', hide);
  return { canvas: chart, hide };
}
