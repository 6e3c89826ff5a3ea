// What the views call to draw charts. ECharts (src/charts/echarts.js, with every chart type the
// dashboard uses) is a separate file, loaded the first time a chart needs it: the results page's
// first chart, the fan grid, is drawn on a plain canvas (fanCanvas.js) and loads ECharts only after
// it is painted, so starting the page no longer waits for ECharts to be read and evaluated.

import { fanGridChart } from './fanCanvas.js';

let echarts = null;
let loading = null;
/** Counts page changes: a chart asked for before the page changed is not drawn after it. */
let generation = 0;
const fanGrids = new Map();

/** Loads ECharts once (a promise of src/charts/echarts.js). */
export function loadECharts() {
  if (!loading) {
    loading = import('./echarts.js').then((module) => {
      echarts = module;
      return module;
    });
  }
  return loading;
}

/**
 * Draws an ECharts chart into a container once ECharts is loaded (see echarts.js's `drawChart`):
 * a promise of the chart, or of null when the page changed in the meantime.
 */
export async function drawChart(container, option, relayout, renderer) {
  const asked = generation;
  const module = await loadECharts();
  if (asked !== generation) return null;
  return module.drawChart(container, option, relayout, renderer);
}

/** Registers the world map for ECharts (loading both on first use). */
export function ensureWorldMap() {
  return loadECharts().then((module) => module.ensureWorldMap());
}

/**
 * Draws a grid of fan charts on a canvas in `container` at `layout` (panelLayout's cells and
 * height), at once; `relayout`, when given, is called instead when the window's width changes.
 */
export function drawFanGrid(container, panels, layout, relayout) {
  const grid = fanGridChart(container, panels, layout);
  fanGrids.set(container, { relayout, width: container.clientWidth });
  return grid;
}

/** Disposes of every chart (when the page changes). */
export function disposeCharts() {
  generation++;
  fanGrids.clear();
  if (echarts) echarts.disposeCharts();
}

window.addEventListener('resize', () => {
  for (const [container, grid] of [...fanGrids]) {
    if (!container.isConnected) fanGrids.delete(container);
    else if (grid.relayout && container.clientWidth !== grid.width) grid.relayout();
  }
});
