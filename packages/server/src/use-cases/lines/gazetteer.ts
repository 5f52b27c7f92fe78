import type { Settlement } from './ports.ts';

/**
 * The settlements a comparison tests for a change of side, with the credit their source asks for.
 * The list itself comes from the monitoring map's settlement list in contracts (GeoNames-based)
 * once it is merged; until then only the places of the process's own records are tested.
 */
export const gazetteer: { settlements: Settlement[]; credits: string[] } = { settlements: [], credits: [] };
