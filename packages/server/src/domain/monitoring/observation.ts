import { invalid } from '../shared/app-error.ts';
import { placeProblems } from './incident.ts';

export interface Observation {
  observer: { lat: number; lon: number };
  time: { from: string; to?: string };
  distanceKm?: { min: number; max: number };
}

/** What a schema cannot say about an observation: its ranges run forwards and its position is on the globe. */
export function assertObservation(o: Observation): void {
  const p = placeProblems(o.observer, 'observer')[0];
  if (p) throw invalid(p.field, p.reason, p.message);
  if (o.time.to && Date.parse(o.time.to) < Date.parse(o.time.from))
    throw invalid('time/to', 'span_reversed', `The observation ends (${o.time.to}) before it starts (${o.time.from}).`);
  if (o.distanceKm && o.distanceKm.min > o.distanceKm.max)
    throw invalid('distanceKm/min', 'bounds_reversed', `The nearest distance ${o.distanceKm.min} km is beyond the farthest ${o.distanceKm.max} km.`);
}
