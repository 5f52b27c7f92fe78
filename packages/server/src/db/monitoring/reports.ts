import { sql, type Kysely } from 'kysely';
import type { ReadScope } from '../../policies/access.ts';
import type { MonitoringQueries } from '../../use-cases/ports.ts';
import type { Database } from '../schema.ts';
import { visible } from './scope.ts';

type RegionCounts = Awaited<ReturnType<MonitoringQueries['regionCounts']>>;

/**
 * Incidents and casualties per region and day, and the explosions observers counted, by
 * the region of the incident each observation supports. Counts come from incidents and
 * observations, never from reports, so a twice-reported shelling counts once. Incident counts
 * come from the incident_days projection (005_projections.sql), kept with every incident write.
 */
export async function regionCounts(db: Kysely<Database>, processId: string, scope: ReadScope, days: string[]): Promise<RegionCounts> {
  const dayList = sql.join(days.map((d) => sql`cast(${d} as date)`));
  const rows = await sql<Record<string, unknown>>`
    with inc as (
      select d.region, d.day::text as day, sum(d.n)::int as n,
        sum(d.killed_low)::int as kl, sum(d.killed_best)::int as kb, sum(d.killed_high)::int as kh,
        sum(d.injured_low)::int as il, sum(d.injured_best)::int as ib, sum(d.injured_high)::int as ih
      from incident_days d
      where d.process_id = ${processId} and d.day in (${dayList}) and ${visible(scope, 'd')}
      group by 1, 2 having sum(d.n) > 0
    ),
    exp as (
      select coalesce(i.body -> 'place' ->> 'admin1', '') as region, o.sort_on::text as day, sum((o.body ->> 'count')::int)::int as n
      from observations o
      left join incidents i on i.process_id = o.process_id and i.id = o.parent_id and ${visible(scope, 'i')}
      where o.process_id = ${processId} and o.status = 'explosion' and o.sort_on in (${dayList}) and ${visible(scope, 'o')}
      group by 1, 2
    )
    select coalesce(inc.region, exp.region) as region, coalesce(inc.day, exp.day) as day, coalesce(inc.n, 0) as incidents, coalesce(exp.n, 0) as explosions,
      coalesce(kl, 0) as kl, coalesce(kb, 0) as kb, coalesce(kh, 0) as kh, coalesce(il, 0) as il, coalesce(ib, 0) as ib, coalesce(ih, 0) as ih
    from inc full join exp on inc.region = exp.region and inc.day = exp.day`.execute(db);
  return rows.rows.map((r) => ({
    region: String(r.region),
    day: String(r.day),
    incidents: Number(r.incidents),
    explosions: Number(r.explosions),
    killed: [Number(r.kl), Number(r.kb), Number(r.kh)],
    injured: [Number(r.il), Number(r.ib), Number(r.ih)],
  }));
}
