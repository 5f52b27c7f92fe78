import type { ApiResponse } from '@parley/contracts';

/** A comparison as the server answers it (generated from its OpenAPI document). */
export type Comparison = ApiResponse<'/api/processes/{processId}/lines/compare'>;
export type Side = 'left' | 'right';

/** A line of the lines layer: its record id, its geometry and the fields of its body. */
export interface LineFeature {
  id: string;
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { kind: string; date: string; claimantPartyId?: string; standing?: 'tabled' | 'withdrawn' | 'agreed'; approximate?: boolean; version: number };
}
