import { describe, expect, it } from 'vitest';
import { REGION_COLOUR, UNKNOWN_COLOUR, stateColour, withOpacity } from '../src/data/palette.js';
import { flowData } from '../src/data/shape.js';

const STATES = [
  { id: 'disengaged', label: 'Disengaged returnees', colour: '#009e73' },
  { id: 'killed', label: 'Killed', colour: '#3b3b3b' },
  { id: 'old', label: 'From an older server' },
];

describe('state colours from the server', () => {
  it("takes a state's colour from the list the server sent, grey when it has none", () => {
    expect(stateColour(STATES, 'disengaged')).toBe('#009e73');
    expect(stateColour(STATES, 'killed')).toBe('#3b3b3b');
    expect(stateColour(STATES, 'old')).toBe(UNKNOWN_COLOUR);
    expect(stateColour(STATES, 'nowhere')).toBe(UNKNOWN_COLOUR);
  });

  it('gives the flow diagram the states in their colours and regions in the neutral one', () => {
    const row = (scopeId, state, mean) => ({ scope: 'region', scopeId, month: 3, state, destination: '', demographic: 'all', mean });
    const flow = flowData([row('Maghreb', 'killed', 5), row('Maghreb', 'disengaged', 7)], 3, STATES);
    expect(flow.nodes.map((n) => [n.name, n.colour])).toEqual([
      ['Maghreb', REGION_COLOUR],
      ['Disengaged returnees', '#009e73'],
      ['Killed', '#3b3b3b'],
    ]);
  });

  it('turns a colour into rgba with an opacity', () => {
    expect(withOpacity('#009e73', 0.25)).toBe('rgba(0, 158, 115, 0.25)');
  });
});
