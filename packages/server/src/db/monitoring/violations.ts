import { sql, type Kysely } from 'kysely';
import type { ReadScope } from '../../policies/access.ts';
import type { RuleRow, ViolationRow } from '../../use-cases/ports.ts';
import type { Database } from '../schema.ts';
import { visible } from './scope.ts';

/**
 * Weapon sightings of one day inside the distance their category must keep. For each
 * sighting and rule, the reference line is the contact line in force on the sighting's
 * day (de facto) or on the memorandum's (memorandum line), chosen by whose weapon it is;
 * ST_DWithin lets the GiST index and the sphere agree, ST_Distance gives the figure.
 */
export async function findViolations(
  db: Kysely<Database>,
  processId: string,
  scope: ReadScope,
  q: { date: string; ukraine: string; memorandumLineDate: string; rules: RuleRow[]; lineId?: string },
): Promise<ViolationRow[]> {
  if (q.rules.length === 0) return [];
  const rules = JSON.stringify(
    q.rules.map((r) => ({
      rule_set: r.ruleSet,
      category: r.category,
      required_m: r.requiredKm * 1000,
      ref_ukraine: r.referenceForUkraine,
      ref_others: r.referenceForOthers,
    })),
  );
  const rows = await sql<Record<string, unknown>>`
    with rules as (
      select * from jsonb_to_recordset(cast(${rules} as jsonb)) as r(rule_set text, category text, required_m float8, ref_ukraine text, ref_others text)
    ),
    checks as (
      select o.id, o.sort_on, o.weapon, o.parent_id, o.body ->> 'weaponPartyId' as party, o.seen_geog, r.rule_set, r.category, r.required_m,
        case when o.body ->> 'weaponPartyId' = ${q.ukraine} then r.ref_ukraine else r.ref_others end as reference
      from observations o join rules r on r.category = o.weapon
      where o.process_id = ${processId} and o.status = 'weapon_sighting' and o.weapon is not null
        and o.sort_on = cast(${q.date} as date) and ${visible(scope, 'o')}
    )
    select c.id as observation_id, c.sort_on::text as date, c.weapon, c.party, st_y(c.seen_geog::geometry) as lat, st_x(c.seen_geog::geometry) as lon,
      i.body -> 'place' ->> 'admin1' as region, c.rule_set, c.category, c.reference, st_distance(c.seen_geog, l.geog) as distance_m,
      l.id as line_id, l.version as line_version, l.sort_on::text as line_date, coalesce((l.body ->> 'approximate')::boolean, false) as line_approximate
    from checks c
    cross join lateral (
      select x.id, x.version, x.sort_on, x.body, x.geom::geography as geog from lines x
      where x.process_id = ${processId} and ${visible(scope, 'x')} and ${
        // A chosen line (a proposal, say) stands for every reference line: "what would this line make a violation?"
        q.lineId
          ? sql`x.id = ${q.lineId}`
          : sql`x.status = 'contact' and x.owner = 'mediator'
        and x.sort_on <= case when c.reference = 'memorandum_line' then cast(${q.memorandumLineDate} as date) else c.sort_on end`
      }
      order by x.sort_on desc, x.id desc limit 1
    ) l
    left join incidents i on i.process_id = ${processId} and i.id = c.parent_id and ${visible(scope, 'i')}
    where st_dwithin(c.seen_geog, l.geog, c.required_m)
    order by c.sort_on, c.id, c.rule_set, c.category`.execute(db);
  return rows.rows.map((r) => ({
    observationId: String(r.observation_id),
    date: String(r.date),
    weapon: String(r.weapon),
    weaponPartyId: (r.party as string | null) ?? null,
    lat: Number(r.lat),
    lon: Number(r.lon),
    region: (r.region as string | null) ?? null,
    ruleSet: String(r.rule_set),
    category: String(r.category),
    reference: r.reference as ViolationRow['reference'],
    distanceM: Number(r.distance_m),
    lineId: String(r.line_id),
    lineVersion: Number(r.line_version),
    lineDate: String(r.line_date),
    lineApproximate: Boolean(r.line_approximate),
  }));
}
