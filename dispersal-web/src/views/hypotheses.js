// Pieces shared by a hypothesis update's results and a scenario's page: the weights chart, the
// indicators table and the indicators to watch. They read update.json or the scenario's
// hypotheses (same shapes); every server text goes in as text.

import { drawChart } from '../charts/draw.js';
import { weightsOption } from '../charts/options.js';
import { h } from '../dom.js';
import { indicatorRows, watchItems, weightBars } from '../data/update.js';

/** The weights chart (prior and, after events, posterior) with the same figures in words for screen readers. */
export function weightsChart(update, { id = 'weights', posterior = true } = {}) {
  const bars = weightBars(update);
  const box = h('div', { class: 'chart chart-weights', id, role: 'img', 'aria-describedby': `${id}-list` });
  box.setAttribute('aria-label', posterior ? 'Weight of each hypothesis before and after the events' : 'Prior weight of each hypothesis');
  const described = h(
    'ul',
    { class: 'visually-hidden', id: `${id}-list` },
    bars.map((b) =>
      h(
        'li',
        { dataset: { hypothesis: b.id } },
        posterior ? `${b.name}: ${b.priorText} before, ${b.posteriorText} after${b.words ? ` (${b.words})` : ''}.` : `${b.name}: ${b.priorText}.`,
      ),
    ),
  );
  const draw = () => {
    if (!box.isConnected) return;
    box.style.height = `${Math.max(160, 60 + bars.length * (posterior ? 52 : 34))}px`;
    drawChart(box, weightsOption(bars, { posterior })).then((chart) => chart && chart.resize());
  };
  requestAnimationFrame(draw);
  return h('div', {}, box, described);
}

/** The indicators with their diagnosticity; `withStatus` adds what the events showed. */
export function indicatorsTable(update, { id = 'indicators', withStatus = true } = {}) {
  const rows = indicatorRows(update);
  if (!rows.length) return h('p', {}, 'No indicators are declared.');
  const head = ['Indicator', withStatus ? 'Status' : null, withStatus ? 'Found' : null, 'Ratio if seen', 'Ratio if not seen', 'Expected bits', 'Favours'].filter(Boolean);
  const numeric = new Set(['Found', 'Ratio if seen', 'Ratio if not seen', 'Expected bits']);
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { class: 'data compact', id },
      h('caption', {}, 'Indicators: the ratios say how strongly seeing (or not seeing) each one separates the hypotheses; ×1 tells nothing.'),
      h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col', class: numeric.has(t) ? 'num' : null }, t)))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { dataset: { indicator: r.id }, class: r.flat ? 'flat' : null },
            h('th', { scope: 'row' }, r.name, h('span', { class: 'hint block' }, [r.threshold, r.window].filter(Boolean).join(', '))),
            withStatus ? h('td', {}, r.status) : null,
            withStatus ? h('td', { class: 'num' }, r.found) : null,
            h('td', { class: 'num' }, r.ratioIfObserved),
            h('td', { class: 'num' }, r.ratioIfNotObserved),
            h('td', { class: 'num' }, r.bits),
            h('td', {}, r.flat ? h('span', { class: 'flag' }, r.diagnostic) : r.favours),
          ),
        ),
      ),
    ),
  );
}

/** The indicators to watch next, most expected shift first, with what each would do to the leader. */
export function watchList(update, { id = 'watch-list', limit } = {}) {
  const items = watchItems(update).slice(0, limit || undefined);
  if (!items.length) return h('p', {}, 'No indicator is left to watch.');
  return h(
    'ol',
    { class: 'watch', id },
    items.map((w) =>
      h(
        'li',
        { dataset: { indicator: w.indicator } },
        h('strong', {}, w.name),
        h('span', { class: 'hint' }, ` expected shift ${w.shift}, ${w.bits} bits`),
        h('p', {}, w.sentence),
      ),
    ),
  );
}
