import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';

/**
 * The offline base map: Natural Earth's countries (1:50m, from the `world-atlas` package) as
 * one neutral land fill and thin borders. Natural Earth draws de-facto control and puts
 * Crimea inside Russia; Parley takes no side, so Crimea is cut out of every country and drawn
 * as its own layer, labelled as disputed, and no border is drawn across the Perekop isthmus.
 */
const CRIMEA = { west: 32.3, east: 36.75, south: 44.2, north: 46.3 };
const inCrimea = ([x, y]: Position) => x! >= CRIMEA.west && x! <= CRIMEA.east && y! >= CRIMEA.south && y! <= CRIMEA.north;
/** A polygon lies in Crimea when its outer ring does (the peninsula is an island in Natural Earth's geometry). */
const ringInCrimea = (ring: Position[]) => ring.every(inCrimea);

export interface BaseLayers {
  land: FeatureCollection<Polygon | MultiPolygon>;
  borders: FeatureCollection<MultiLineString>;
  disputed: FeatureCollection<Polygon | MultiPolygon, { key: string }>;
}

let cached: Promise<BaseLayers> | null = null;

/** Loaded from this app's own files (a hashed asset), once per page. */
export function baseLayers(): Promise<BaseLayers> {
  cached ??= fetch(countriesUrl).then(async (res) => {
    if (!res.ok) throw new Error(`base map: ${res.status}`);
    return build((await res.json()) as Topology<{ countries: GeometryCollection }>);
  });
  return cached;
}

function build(topo: Topology<{ countries: GeometryCollection }>): BaseLayers {
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon>;
  const crimea: Position[][][] = [];
  const land: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of all.features) {
    if (!f.geometry) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polys.filter((p) => {
      if (p[0] && ringInCrimea(p[0])) {
        crimea.push(p);
        return false;
      }
      return true;
    });
    if (kept.length) land.push({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } });
  }
  const lines = mesh(topo, topo.objects.countries, (a, b) => a !== b) as MultiLineString;
  const borders = lines.coordinates.filter((line) => !line.every(inCrimea));
  return {
    land: { type: 'FeatureCollection', features: land },
    borders: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: borders } }] },
    disputed: {
      type: 'FeatureCollection',
      features: crimea.length ? [{ type: 'Feature', properties: { key: 'crimea' }, geometry: { type: 'MultiPolygon', coordinates: crimea } }] : [],
    },
  };
}

/** Where the label of each disputed area stands. */
export const DISPUTED_LABELS = [{ key: 'crimea', lon: 34.3, lat: 45.35 }] as const;
