// Country shapes for the world map: Natural Earth 1:110m countries from world-atlas, with each
// shape named by its ISO 3166-1 alpha-3 code, the code the summaries use for origin countries.

import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';

// Shapes that world-atlas ships without an ISO numeric id. Kosovo has no ISO 3166 code; XKX is the
// user-assigned code the European Commission and the shipped data use. The other two have no code.
const CODES_OF_UNNUMBERED = { Kosovo: 'XKX' };

/** The alpha-3 code of an ISO numeric country code ("250" or 250 -> "FRA"), or undefined. */
export function numericToIso3(numeric) {
  if (numeric === null || numeric === undefined || numeric === '') return undefined;
  return countries.numericToAlpha3(String(numeric).padStart(3, '0'));
}

/** The alpha-3 code of a world-atlas country shape, or undefined when it has none. */
export function featureIso3(shape) {
  return numericToIso3(shape.id) || CODES_OF_UNNUMBERED[shape.properties && shape.properties.name];
}

/**
 * Moves the western part of a ring that crosses the 180th meridian (Russia's Chukotka, Fiji) to
 * the east of it, so that a plain longitude-latitude projection draws it as one piece instead of a
 * band across the whole map.
 */
export function unwrapRing(ring) {
  const crosses = ring.some(([lon], i) => i > 0 && Math.abs(lon - ring[i - 1][0]) > 180);
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapGeometry(geometry) {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

/**
 * The world as GeoJSON for ECharts' registerMap: each feature's `name` is its alpha-3 code, or the
 * Natural Earth name when it has none, so map data can be keyed by the summaries' country codes.
 * Antarctica is left out: no one comes from there, and it would take a fifth of the map.
 */
export function worldGeoJson() {
  const geo = feature(world, world.objects.countries);
  return {
    type: 'FeatureCollection',
    features: geo.features
      .filter((shape) => featureIso3(shape) !== 'ATA')
      .map((shape) => ({
        ...shape,
        geometry: unwrapGeometry(shape.geometry),
        properties: { name: featureIso3(shape) || shape.properties.name, label: shape.properties.name },
      })),
  };
}
