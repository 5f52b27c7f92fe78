import type { Position, Side } from '../../domain/lines/area-of-interest.ts';
import type { ReadScope } from '../../policies/access.ts';

/** A settlement of a gazetteer, with its names as the process shows places. */
export interface Settlement {
  id: string;
  names: { en: string; uk?: string; ru?: string };
  population: number | null;
  lon: number;
  lat: number;
}

/** What PostGIS is asked: the area, both lines as drawn and as extended across the area, and the places to test. */
export interface LineComparisonInput {
  ring: Position[];
  a: { coordinates: Position[]; extended: Position[] };
  b: { coordinates: Position[]; extended: Position[] };
  settlements: Settlement[];
  /** Points sampled along each line for the distances apart. */
  samples: number;
}

export interface ParcelRow {
  n: number;
  /** The side of line B the parcel lies on; under line A it lay on the other. */
  to: Side;
  areaKm2: number;
  geometry: unknown;
  label: Position;
}

export interface MovedPlaceRow {
  id: string;
  names: { en: string; uk?: string; ru?: string };
  population: number | null;
  lon: number;
  lat: number;
  origin: 'gazetteer' | 'record';
  to: Side;
  parcel: number;
}

export interface LineComparisonRows {
  lengthKm: { a: number; b: number };
  /** On how many sides of each line the area has land; one means the line never crosses the area. */
  pieces: { a: number; b: number };
  parcels: ParcelRow[];
  places: MovedPlaceRow[];
  distance: { hausdorffM: number; meanM: number; farthest: { on: 'a' | 'b'; from: Position; to: Position } | null };
}

export interface LineComparisonQueries {
  compare(processId: string, scope: ReadScope, input: LineComparisonInput): Promise<LineComparisonRows>;
}
