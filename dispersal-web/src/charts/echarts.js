// ECharts with only the parts the dashboard draws (tree-shaken through echarts/core), and the
// life cycle of the charts on the current page.

import { BarChart, LineChart, MapChart, SankeyChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  SankeyChart,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

let worldMap = null;
/**
 * Registers the world map once. The country shapes are a separate file loaded on first use, so the
 * pages without a map start faster and the results page loads them while it fetches its data.
 */
export function ensureWorldMap() {
  if (!worldMap) {
    worldMap = import('../data/geo.js').then(({ worldGeoJson }) => echarts.registerMap('world', worldGeoJson()));
  }
  return worldMap;
}

const live = new Map();

/**
 * Draws a chart into a container and keeps it so it can be resized and disposed of. `relayout`,
 * when given, redraws the chart for a new container size instead of stretching it. `renderer` is
 * 'canvas' (the default, fastest) or 'svg' (the flow diagram, whose labels a browser test measures).
 * The chart is drawn once at the container's current size: a chart whose container changed size
 * since it was made is made again (setting the option and then calling `resize()` would lay out and
 * draw every panel twice, which was a third of the results page's time to its first chart).
 */
export function drawChart(container, option, relayout, renderer = 'canvas') {
  let chart = echarts.getInstanceByDom(container);
  if (chart && (chart.getWidth() !== container.clientWidth || chart.getHeight() !== container.clientHeight)) {
    live.delete(chart);
    chart.dispose();
    chart = null;
  }
  chart = chart || echarts.init(container, null, { renderer });
  chart.setOption(option, true);
  live.set(chart, relayout);
  return chart;
}

/** Disposes of every chart (when the page changes). */
export function disposeCharts() {
  for (const chart of live.keys()) chart.dispose();
  live.clear();
}

window.addEventListener('resize', () => {
  // Over a copy: a relayout may replace its chart (drawChart), which must not be visited again.
  for (const [chart, relayout] of [...live]) {
    if (chart.isDisposed()) continue;
    if (relayout) relayout();
    else chart.resize();
  }
});
