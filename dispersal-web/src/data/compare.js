// Shaping for "Compare runs": which runs can be compared with a chosen one, what the comparison
// may claim about the difference (paired or not), and each row's intervals side by side. Pure
// functions, tested in test/compare.test.js.

import { formatCount } from './shape.js';

/**
 * The choices for run B once run A is chosen: the candidates the server found comparable (same
 * start month and horizon, finished forecasts with replications), those sharing A's seed first,
 * newest first within each. `keep` is the id chosen so far, kept when it is still a candidate.
 */
export function partnerChoices(candidates, keep) {
  const sorted = [...candidates].sort((x, y) => Number(y.sameSeed) - Number(x.sameSeed) || y.id - x.id);
  const kept = sorted.find((c) => String(c.id) === String(keep));
  return { options: sorted, chosen: kept ? kept.id : sorted.length ? sorted[0].id : null };
}

/** The words for one candidate in the list of run B. */
export function partnerLabel(c) {
  const horizon = c.months ? `, ${c.months} months` : '';
  return `#${c.id} ${c.scenarioName} (${formatCount(c.replications)} replications${horizon}${c.sameSeed ? ', same seed' : ''})`;
}

/**
 * What the comparison may say about the difference, from the server's answer: with paired
 * intervals only when the server computed them (it says `paired`, and each row has `pairedDiff`),
 * otherwise the two intervals side by side and the difference of the medians, named as such, with
 * the server's reason.
 */
export function pairingNote(result) {
  if (result.paired) {
    const how = String(result.pairing || '').replace(/^paired:\s*/i, '');
    return {
      paired: true,
      difference: 'Difference B − A: median (paired 90% interval)',
      verdict: 'Paired interval',
      caption: 'Medians with the 90% range of each run, and the median and 90% interval of the replication-by-replication differences (B − A)',
      text: `Paired comparison: ${how || 'both runs share their seed and replications'}.`,
    };
  }
  const why = String(result.pairing || '').replace(/^no paired interval:\s*/i, '');
  const lead = result.sameSeed
    ? 'Both runs used the same seed, so their replications start from the same random numbers and a paired interval of the difference would be the right measure, but none is given'
    : 'The runs used different seeds, so their replications are independent and cannot be paired';
  return {
    paired: false,
    difference: 'Difference of medians (B − A), not an interval',
    verdict: '90% ranges',
    caption: 'Medians with the 90% range of each run side by side, and the difference of the medians (B − A), which is not an interval',
    text: `${lead}${why ? `: ${why}` : ''}.`,
  };
}

/** A signed count: +1,234, −56 or 0. */
function signed(value) {
  const v = Math.round(Number(value) || 0);
  return v > 0 ? `+${formatCount(v)}` : v < 0 ? `−${formatCount(-v)}` : '0';
}

/**
 * The difference cell of a row: with a paired interval "+120 (+80 to +170)", otherwise the
 * difference of the medians alone ("+120").
 */
export function differenceText(row, paired) {
  const d = paired ? row.pairedDiff : null;
  if (!d) return signed(row.diffMedian);
  return `${signed(d.p50)} (${signed(d.p05)} to ${signed(d.p95)})`;
}

/**
 * The last column of a row: for a paired comparison, whether the paired 90% interval leaves out
 * zero (and which way); otherwise whether the two runs' 90% ranges overlap.
 */
export function differenceVerdict(row, paired) {
  const d = paired ? row.pairedDiff : null;
  if (!d) return rangesOverlap(row.a, row.b);
  if (d.p05 > 0) return 'higher in B';
  if (d.p95 < 0) return 'lower in B';
  return d.p05 === 0 && d.p95 === 0 ? 'no difference' : 'could be either way';
}

/**
 * The rows of the paired-difference chart: the world's outcomes that differ in at least one
 * replication, each with the median and 90% interval of B − A.
 */
export function pairedChartRows(rows) {
  return rows
    .filter((r) => r.scope === 'world' && r.pairedDiff)
    .filter((r) => !(r.pairedDiff.p05 === 0 && r.pairedDiff.p50 === 0 && r.pairedDiff.p95 === 0))
    .map((r) => ({ state: r.state, p05: r.pairedDiff.p05, p50: r.pairedDiff.p50, p95: r.pairedDiff.p95 }));
}

/** Whether the two runs' 90% ranges overlap, in words for the table. */
export function rangesOverlap(a, b) {
  return a.p05 <= b.p95 && b.p05 <= a.p95 ? 'overlap' : 'apart';
}
