import type { Kysely } from 'kysely';
import type { MonitoringQueries } from '../../use-cases/ports.ts';
import type { Database } from '../schema.ts';
import { compareLines } from '../lines/compare.ts';
import { clusters, lines, zones } from './map.ts';
import { regionCounts } from './reports.ts';
import { incidentSeries } from './series.ts';
import { findViolations } from './violations.ts';

export function createMonitoringQueries(db: Kysely<Database>): MonitoringQueries {
  return {
    violations: (p, s, q) => findViolations(db, p, s, q),
    regionCounts: (p, s, d) => regionCounts(db, p, s, d),
    clusters: (p, s, f) => clusters(db, p, s, f),
    lines: (p, s, a) => lines(db, p, s, a),
    zones: (p, s, z, l) => zones(db, p, s, z, l),
    compareLines: (p, s, q) => compareLines(db, p, s, q),
    incidentSeries: (p, s, q) => incidentSeries(db, p, s, q),
  };
}
