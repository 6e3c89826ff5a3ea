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
 * intervals only when the server computed them (it says `paired`), otherwise the two intervals
 * side by side and the difference of the medians, named as such, with the server's reason.
 */
export function pairingNote(result) {
  if (result.paired) {
    return {
      paired: true,
      difference: 'Difference (paired 90% interval)',
      caption: 'Medians with the 90% range of each run, and the paired 90% interval of the difference (B − A)',
      text: 'Both runs share a seed, so each replication of B is paired with the same replication of A; the difference has its own 90% interval.',
    };
  }
  const why = String(result.pairing || '').replace(/^no paired interval:\s*/i, '');
  const lead = result.sameSeed
    ? 'Both runs used the same seed, so their replications start from the same random numbers and a paired interval of the difference would be the right measure, but none is given'
    : 'The runs used different seeds, so their replications are independent and cannot be paired';
  return {
    paired: false,
    difference: 'Difference of medians (B − A), not an interval',
    caption: 'Medians with the 90% range of each run side by side, and the difference of the medians (B − A), which is not an interval',
    text: `${lead}${why ? `: ${why}` : ''}.`,
  };
}

/** Whether the two runs' 90% ranges overlap, in words for the table. */
export function rangesOverlap(a, b) {
  return a.p05 <= b.p95 && b.p05 <= a.p95 ? 'overlap' : 'apart';
}
