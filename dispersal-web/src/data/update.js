// Pure shaping of a hypothesis update (update.json) and of a scenario's hypotheses at their prior
// weights (same shapes, no events): weight bars, the leader in a sentence, the audit trail, the
// indicators, the indicators to watch, the events. No DOM, no fetch: test/update.test.js.

import { formatPercent } from './threat.js';

/** True when the document weighs events (an update run), false for the prior weights of a scenario. */
export function hasEvidence(update) {
  return Boolean(update.asOf) || (update.trail || []).length > 0;
}

function hypothesisName(update, id) {
  const found = (update.hypotheses || []).find((h) => h.id === id);
  return found ? found.name || found.id : id;
}

/** Prior and posterior weight of each hypothesis, with percentages and the ICD 203 words. */
export function weightBars(update) {
  return (update.hypotheses || []).map((h) => ({
    id: h.id,
    name: h.name || h.id,
    prior: h.prior,
    posterior: h.posterior,
    words: h.words || '',
    priorText: formatPercent(h.prior),
    posteriorText: formatPercent(h.posterior),
  }));
}

/** Indexes of the largest weights (more than one when they tie to a tenth of a percentage point). */
function leadersOf(weights) {
  const top = Math.max(...weights);
  return weights.map((w, i) => (top - w < 0.0005 ? i : -1)).filter((i) => i >= 0);
}

function quoted(names) {
  const q = names.map((n) => `“${n}”`);
  return q.length <= 2 ? q.join(' and ') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** The leading hypothesis in one sentence, with its weight, its ICD 203 words and how it moved. */
export function leaderSentence(update) {
  const hypotheses = update.hypotheses || [];
  if (!hypotheses.length) return 'No hypotheses are declared.';
  const posterior = hypotheses.map((h) => Number(h.posterior));
  const leaders = leadersOf(posterior);
  const first = hypotheses[leaders[0]];
  const weight = `${formatPercent(first.posterior)}${first.words ? ` (${first.words})` : ''}`;
  if (!hasEvidence(update)) {
    return leaders.length > 1
      ? `Before any events, ${quoted(leaders.map((i) => hypotheses[i].name))} lead with ${weight} each.`
      : `Before any events, “${first.name}” leads with ${weight}.`;
  }
  const asOf = update.asOf ? `up to ${update.asOf}` : 'so far';
  if (leaders.length > 1) {
    return `After the events ${asOf}, ${quoted(leaders.map((i) => hypotheses[i].name))} are level at ${weight} each.`;
  }
  const change = first.posterior - first.prior;
  const moved =
    Math.abs(change) < 0.005
      ? `unchanged from ${formatPercent(first.prior)} before them`
      : `${change > 0 ? 'up' : 'down'} from ${formatPercent(first.prior)} before them`;
  return `After the events ${asOf}, “${first.name}” leads with ${weight}, ${moved}.`;
}

/** The audit trail: one row per step with each hypothesis's weight before → after. */
export function trailRows(update) {
  return (update.trail || []).map((step) => ({
    step: step.step,
    date: step.date,
    indicator: step.indicatorName || step.indicator,
    observed: step.observed ? 'Observed' : 'Not observed',
    basis: (step.basis || []).join(', '),
    changes: (update.hypotheses || []).map((h, i) => `${formatPercent(step.before[i])} → ${formatPercent(step.after[i])}`),
  }));
}

const STATUS_LABELS = {
  observed: 'Observed',
  not_observed: 'Not observed',
  not_observed_unused: 'Not observed (not used: the feed may miss it)',
  pending: 'Window still open',
  no_figures: 'No figures given',
};

/** An indicator status in words ('' when the status is unknown, as on a scenario's page). */
export function statusLabel(status) {
  if (!status) return '';
  return STATUS_LABELS[status] || status;
}

/** A likelihood ratio as "×3.5" (two significant figures), or "–". */
export function formatRatio(ratio) {
  if (ratio === null || ratio === undefined || !Number.isFinite(Number(ratio))) return '–';
  return `×${Number(Number(ratio).toPrecision(2))}`;
}

/** Expected information in bits with two decimals, or "–". */
export function formatBits(bits) {
  if (bits === null || bits === undefined || !Number.isFinite(Number(bits))) return '–';
  return Number(bits).toFixed(2);
}

/** The indicators table: status, how many found, diagnosticity, and which hypothesis each favours. */
export function indicatorRows(update) {
  return (update.indicators || []).map((ind) => ({
    id: ind.id,
    name: ind.name || ind.id,
    window: ind.window ? `${ind.window.from} to ${ind.window.to}` : '',
    threshold: ind.atLeast === null || ind.atLeast === undefined ? '' : `at least ${ind.atLeast}`,
    status: statusLabel(ind.status),
    found: ind.found === null || ind.found === undefined ? '' : String(ind.found),
    ratioIfObserved: formatRatio(ind.ratioIfObserved),
    ratioIfNotObserved: formatRatio(ind.ratioIfNotObserved),
    bits: formatBits(ind.expectedBits),
    flat: Boolean(ind.flat),
    diagnostic: ind.flat ? 'not diagnostic' : '',
    favours: ind.flat ? '' : hypothesisName(update, ind.favours),
    basis: ind.basis || '',
  }));
}

function describeOutcome(update, weights, leader) {
  const hypotheses = update.hypotheses || [];
  const current = hypotheses[leader];
  const text = `“${current.name}” ${formatPercent(current.posterior)} → ${formatPercent(weights[leader])}`;
  const next = leadersOf(weights);
  if (next.includes(leader)) return text;
  const other = hypotheses[next[0]];
  return `${text}; “${other.name}” would lead with ${formatPercent(weights[next[0]])}`;
}

/**
 * The indicators to watch, most expected shift first, each with a sentence on what seeing it (or
 * not) would do to the current leader's weight, and who would lead instead.
 */
export function watchItems(update) {
  const hypotheses = update.hypotheses || [];
  if (!hypotheses.length) return [];
  const posterior = hypotheses.map((h) => Number(h.posterior));
  const top = leadersOf(posterior);
  const named = hypotheses.findIndex((h) => h.id === update.leader);
  const leader = top.includes(named) ? named : top[0];
  return [...(update.watch || [])]
    .sort((a, b) => (b.expectedShift || 0) - (a.expectedShift || 0))
    .map((w) => ({
      indicator: w.indicator,
      name: w.name || w.indicator,
      chance: formatPercent(w.probabilitySeen),
      shift: `${Math.round((w.expectedShift || 0) * 100)} percentage points`,
      bits: formatBits(w.expectedBits),
      sentence:
        `If seen (chance ${formatPercent(w.probabilitySeen)}): ${describeOutcome(update, w.ifSeen, leader)}. ` +
        `If not: ${describeOutcome(update, w.ifNotSeen, leader)}.`,
    }));
}

const USE_LABELS = {
  counted: 'Counted',
  duplicate: 'Duplicate (not counted)',
  'after as-of': 'After the as-of date (not counted)',
  'no indicator': 'Matches no indicator',
};

/** The events read: what each was used for, in words, with the indicator's name where it has one. */
export function eventRows(update) {
  const indicatorName = new Map((update.indicators || []).map((i) => [i.id, i.name || i.id]));
  return (update.events || []).map((e) => ({
    id: e.id,
    date: e.date,
    country: e.country || '',
    location: e.location || '',
    type: e.type || '',
    use: USE_LABELS[e.use] || e.use,
    counted: e.use === 'counted',
    detail: indicatorName.get(e.detail) || e.detail || '',
    origin: e.origin || '',
  }));
}
