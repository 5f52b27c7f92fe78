import { sql, type RawBuilder } from 'kysely';
import type { ReadScope } from '../../policies/access.ts';

/** The policy's read scope as a condition on one table alias: the same rule the record lists apply. */
export function visible(scope: ReadScope, alias: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const audience = sql.ref(`${alias}.audience`);
  const party = sql.ref(`${alias}.audience_party`);
  const byAudience = sql<boolean>`${audience} in (${sql.join(scope.audiences)})`;
  if (scope.parties.length === 0) return byAudience;
  return sql<boolean>`(${byAudience} or (${audience} = 'party' and ${party} in (${sql.join(scope.parties)})))`;
}

/** PGlite hands json back parsed and pg too, but st_asgeojson is text unless cast; accept either. */
export const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
