// Where relocators and operatives go: the destination splits of the states relocated (third
// theatres), dispatched, arrested and attack (countries) in the world summary, shaped for a ranked
// table, fan charts over time and the world map. Pure functions, tested in test/destinations.test.js.

import { isStateTotal } from './shape.js';

/** The states whose summary rows are split by destination, in the order the view offers them. */
export const DESTINATION_STATES = ['relocated', 'dispatched', 'arrested', 'attack'];

/** The destination states the server knows, in order, each with its label and colour. */
export function destinationStates(states) {
  return DESTINATION_STATES.map((id) => states.find((s) => s.id === id)).filter(Boolean);
}

/** A region id in words: "southeast_asia" -> "Southeast Asia". */
function humanise(id) {
  return id
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * A destination's name: a third theatre's name from the places the server sent, a country's name
 * from `countryName`, or for the remainders the summary calls "rest:<region>" the words
 * "Other countries (<region>)".
 */
export function destinationName(id, places, countryName) {
  if (id.startsWith('rest:')) {
    const region = id.slice('rest:'.length);
    return region === 'world' ? 'Other countries (rest of the world)' : `Other countries (${humanise(region)})`;
  }
  const place = places.find((p) => p.id === id);
  if (place) return place.name;
  return countryName(id);
}

function destinationRowsOf(rows, state) {
  return rows.filter(
    (r) => r.scope === 'world' && r.state === state && !isStateTotal(r) && (r.demographic || 'all') === 'all',
  );
}

/**
 * Every destination of a state at one month, ranked by the mean number of people there (the
 * median breaks ties, then the id): its median with the 90% interval across replications, the mean
 * and its share of the state's mean total. Destinations empty in every replication are left out.
 */
export function destinationRanking(rows, state, month, nameOf) {
  const at = destinationRowsOf(rows, state).filter((r) => r.month === month);
  const total = at.reduce((sum, r) => sum + Number(r.mean), 0);
  return at
    .map((r) => ({
      id: r.destination,
      name: nameOf(r.destination),
      mean: Number(r.mean),
      p05: Number(r.p05),
      p50: Number(r.p50),
      p95: Number(r.p95),
      share: total > 0 ? Number(r.mean) / total : 0,
    }))
    .filter((d) => d.mean > 0 || d.p95 > 0)
    .sort((a, b) => b.mean - a.mean || b.p50 - a.p50 || a.id.localeCompare(b.id))
    .map((d, i) => ({ ...d, rank: i + 1 }));
}

/**
 * The fan of each chosen destination over the month axis: 5th to 95th percentiles month by month,
 * zero in the months without a row (the server leaves out rows that are zero in every replication).
 */
export function destinationFans(rows, state, ids, axis) {
  const byKey = new Map();
  for (const r of destinationRowsOf(rows, state)) byKey.set(`${r.destination}|${r.month}`, r);
  return ids.map((id) => {
    const pick = (key) => axis.map(({ month }) => {
      const r = byKey.get(`${id}|${month}`);
      return r ? Number(r[key]) : 0;
    });
    return {
      id,
      fan: {
        state,
        months: axis.map((a) => a.month),
        dates: axis.map((a) => a.date),
        p05: pick('p05'),
        p25: pick('p25'),
        p50: pick('p50'),
        p75: pick('p75'),
        p95: pick('p95'),
      },
    };
  });
}

/**
 * The ranking as values for the world map, by ISO alpha-3 country: a third theatre colours each of
 * its countries with the theatre's figures (the Sahel: Mali, Niger and Burkina Faso), a country is
 * itself, and the remainders ("Other countries") have no shape and are listed in `unmapped`.
 * `places` are the server's places; ids of three capital letters are countries.
 */
export function destinationMap(ranking, places) {
  const values = [];
  const unmapped = [];
  const nameByCode = new Map();
  for (const d of ranking) {
    const place = places.find((p) => p.id === d.id);
    const codes = place ? place.countries : /^[A-Z]{3}$/.test(d.id) ? [d.id] : [];
    if (!codes.length) {
      unmapped.push(d.name);
      continue;
    }
    for (const iso3 of codes) {
      if (nameByCode.has(iso3)) continue;
      nameByCode.set(iso3, d.name);
      values.push({ iso3, p05: d.p05, p50: d.p50, p95: d.p95, mean: d.mean, destination: d.id });
    }
  }
  return { values, unmapped, nameOf: (iso3) => nameByCode.get(iso3) || iso3 };
}

/** A share as a whole percentage, "<1%" for small non-zero shares. */
export function formatShare(share) {
  if (!(share > 0)) return '0%';
  const percent = Math.round(share * 100);
  return percent < 1 ? '<1%' : `${percent}%`;
}
