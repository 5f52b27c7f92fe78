type Pos = [number, number];
interface GeoJsonish {
  type?: string;
  coordinates?: unknown;
  geometry?: unknown;
  features?: unknown[];
  geometries?: unknown[];
}

/**
 * The outer ring of the first polygon in a GeoJSON document (a geometry, a feature or a collection), as an
 * area of interest is given; null when it holds none. The ring itself is checked where it is received.
 */
export function firstPolygonRing(doc: unknown): Pos[] | null {
  const g = doc as GeoJsonish | null;
  if (!g || typeof g !== 'object') return null;
  if (g.type === 'Polygon') return ((g.coordinates as Pos[][] | undefined)?.[0] as Pos[] | undefined) ?? null;
  if (g.type === 'MultiPolygon') return ((g.coordinates as Pos[][][] | undefined)?.[0]?.[0] as Pos[] | undefined) ?? null;
  if (g.type === 'Feature') return firstPolygonRing(g.geometry);
  for (const part of g.type === 'FeatureCollection' ? (g.features ?? []) : g.type === 'GeometryCollection' ? (g.geometries ?? []) : []) {
    const ring = firstPolygonRing(part);
    if (ring) return ring;
  }
  return null;
}
