import type { ApiResponse } from '@parley/contracts';

/** A comparison as the server answers it (generated from its OpenAPI document). */
export type Comparison = ApiResponse<'/api/processes/{processId}/lines/compare'>;
export type Side = 'left' | 'right';
export type Pos = [number, number];
/** Above this a line is edited by uploading a file: a marker per vertex would bury the map. */
export const MAX_EDITABLE_VERTICES = 1_000;

/** A line of the lines layer: its record id, its geometry and the fields of its body. */
export interface LineFeature {
  id: string;
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { kind: string; date: string; claimantPartyId?: string; standing?: 'tabled' | 'withdrawn' | 'agreed'; approximate?: boolean; version: number };
}
