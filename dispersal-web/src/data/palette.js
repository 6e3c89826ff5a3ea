// The states' colours come from the server (GET /api/states), which serves the report's palette
// (org.dispersal.output.report.Palette): the dashboard keeps no colour table of its own, so a
// state looks the same in the report and here. Only the origin regions of the flow diagram, which
// are not states, have a fixed neutral colour here, the one the report gives them.

/** The colour of origin regions in the flow diagram (the report's Palette.REGION). */
export const REGION_COLOUR = '#4a5a6a';

/** For a state the server did not describe (an older server): a neutral grey. */
export const UNKNOWN_COLOUR = '#8c8c8c';

/** A state's colour from the list of states the server sent. */
export function stateColour(states, id) {
  const state = states.find((s) => s.id === id);
  return state && /^#[0-9a-fA-F]{6}$/.test(state.colour || '') ? state.colour : UNKNOWN_COLOUR;
}

/** A colour with an opacity, for bands drawn over a white background: "rgba(r, g, b, a)". */
export function withOpacity(hex, opacity) {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
}
