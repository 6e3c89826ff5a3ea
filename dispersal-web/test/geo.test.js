import { describe, expect, it } from 'vitest';
import { featureIso3, numericToIso3, unwrapRing, worldGeoJson } from '../src/data/geo.js';
import { hashFor, parseHash } from '../src/router.js';

describe('ISO codes', () => {
  it('maps numeric codes to alpha-3, with or without zero padding', () => {
    expect(numericToIso3('250')).toBe('FRA');
    expect(numericToIso3(4)).toBe('AFG');
    expect(numericToIso3('004')).toBe('AFG');
    expect(numericToIso3('788')).toBe('TUN');
    expect(numericToIso3(undefined)).toBeUndefined();
  });

  it('names Kosovo XKX although world-atlas gives it no numeric id', () => {
    expect(featureIso3({ id: undefined, properties: { name: 'Kosovo' } })).toBe('XKX');
    expect(featureIso3({ id: undefined, properties: { name: 'Somaliland' } })).toBeUndefined();
  });
});

const world = worldGeoJson();

describe('world map', () => {
  it('has the Natural Earth 1:110m countries but Antarctica, named by alpha-3 code where one exists', () => {
    expect(world.features).toHaveLength(176);
    expect(world.features.some((f) => f.properties.name === 'ATA')).toBe(false);
    const names = new Set(world.features.map((f) => f.properties.name));
    for (const code of ['FRA', 'TUN', 'RUS', 'USA', 'IDN', 'XKX', 'SYR', 'IRQ']) expect(names.has(code)).toBe(true);
    expect(world.features.find((f) => f.properties.name === 'FRA').properties.label).toBe('France');
  });
});

describe('rings across the 180th meridian', () => {
  it('are moved east in one piece; other rings are left alone', () => {
    expect(unwrapRing([[178, 60], [-179, 61], [-170, 65], [178, 60]])).toEqual([[178, 60], [181, 61], [190, 65], [178, 60]]);
    const france = [[2, 49], [5, 45], [-1, 44], [2, 49]];
    expect(unwrapRing(france)).toBe(france);
  });

  it('leave no country of the map with a jump of more than 180 degrees between two points', () => {
    for (const shape of world.features) {
      const rings = shape.geometry.type === 'Polygon' ? shape.geometry.coordinates : shape.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i][0] - ring[i - 1][0])).toBeLessThanOrEqual(180);
      }
    }
  });
});

describe('hash routes', () => {
  it('parses parts and query and builds them back', () => {
    expect(parseHash('#/runs/12?month=6&state=killed')).toEqual({ parts: ['runs', '12'], query: { month: '6', state: 'killed' } });
    expect(parseHash('')).toEqual({ parts: [], query: {} });
    expect(hashFor(['runs', 12], { month: 6, state: null })).toBe('#/runs/12?month=6');
    expect(parseHash(hashFor(['scenarios', 'a b/c']))).toEqual({ parts: ['scenarios', 'a b/c'], query: {} });
  });
});
