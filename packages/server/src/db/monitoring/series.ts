import { sql, type Kysely } from 'kysely';
import type { ReadScope } from '../../policies/access.ts';
import type { SeriesPoint } from '../../use-cases/ports.ts';
import type { Database } from '../schema.ts';
import { visible } from './scope.ts';

/**
 * Incidents and killed per day or ISO week (Monday first), counted by the day an incident
 * began (its `sort_on`), only between `from` and `to` and only those the reader may see.
 * Empty intervals are rows of zeros, so a chart shows quiet weeks as quiet. Read from the
 * incident_days projection (005_projections.sql), one row per day, region and audience.
 */
export async function incidentSeries(
  db: Kysely<Database>,
  processId: string,
  scope: ReadScope,
  q: { from?: string; to?: string; interval: 'day' | 'week' },
): Promise<{ from: string | null; to: string | null; points: SeriesPoint[] }> {
  let { from, to } = q;
  if (!from || !to) {
    const ext = await sql<{ first: string | null; last: string | null }>`
      select min(day)::text as first, max(day)::text as last from incident_days i
      where i.process_id = ${processId} and ${visible(scope, 'i')} and i.n > 0`.execute(db);
    from ??= ext.rows[0]?.first ?? undefined;
    to ??= ext.rows[0]?.last ?? undefined;
  }
  if (!from || !to || to < from) return { from: from ?? null, to: to ?? null, points: [] };
  const bucket = q.interval === 'week' ? sql`date_trunc('week', i.day)::date` : sql`i.day`;
  const first = q.interval === 'week' ? sql`date_trunc('week', cast(${from} as date))` : sql`cast(${from} as timestamp)`;
  const step = q.interval === 'week' ? sql`interval '1 week'` : sql`interval '1 day'`;
  const rows = await sql<{ start: string; n: number; kl: number; kb: number; kh: number }>`
    with b as (select g::date as start from generate_series(${first}, cast(${to} as timestamp), ${step}) as g),
    c as (
      select ${bucket} as start, sum(i.n)::int as n, sum(i.killed_low)::int as kl,
        sum(i.killed_best)::int as kb, sum(i.killed_high)::int as kh
      from incident_days i
      where i.process_id = ${processId} and ${visible(scope, 'i')}
        and i.day >= cast(${from} as date) and i.day <= cast(${to} as date)
      group by 1
    )
    select b.start::text as start, coalesce(c.n, 0) as n, coalesce(c.kl, 0) as kl, coalesce(c.kb, 0) as kb, coalesce(c.kh, 0) as kh
    from b left join c on c.start = b.start
    order by b.start`.execute(db);
  return {
    from,
    to,
    points: rows.rows.map((r) => ({
      start: String(r.start),
      incidents: Number(r.n),
      killedBest: Number(r.kb),
      killedLow: Number(r.kl),
      killedHigh: Number(r.kh),
    })),
  };
}
