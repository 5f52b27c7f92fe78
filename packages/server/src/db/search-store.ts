import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReadScope } from '../policies/access.ts';
import type { SearchQueries, SearchRow } from '../use-cases/ports.ts';
import type { Database, RecordTable } from './schema.ts';

/** The read scope as a condition on one table: the same rule as the record store's lists. */
function scoped(scope: ReadScope): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const audiences = sql.join(scope.audiences.map((a) => sql`${a}`));
  if (scope.parties.length === 0) return sql<boolean>`audience in (${audiences})`;
  const parties = sql.join(scope.parties.map((p) => sql`${p}`));
  return sql<boolean>`(audience in (${audiences}) or (audience = 'party' and audience_party in (${parties})))`;
}

interface Row {
  tbl: RecordTable;
  id: string;
  audience: SearchRow['audience'];
  audience_party: string | null;
  title: unknown;
  titles: unknown;
  texts: unknown;
  updated_at: Date | string;
  rank: number;
  rank_text: string;
  micros_text: string;
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/**
 * One statement over every table asked for: each branch filters by process, the query (the GIN index on
 * `search`, 010_search.sql) and the reader's scope, then the union is ranked by ts_rank, then by recency, and
 * cut at the page. Paging is a keyset on (rank, update time in microseconds, table, id), all descending, so a
 * page neither skips nor repeats a hit when others are written meanwhile.
 */
export function createSearchStore(db: Kysely<Database>): SearchQueries {
  return {
    async search(processId, scope, q) {
      const where = scoped(scope);
      const branches = q.tables.map(
        (table) => sql`
          select ${table}::text as tbl, t.id, t.audience, t.audience_party, t.updated_at,
            coalesce(t.body -> 'names', t.body -> 'titles', case when jsonb_typeof(t.body -> 'title') = 'object' then t.body -> 'title' end) as title,
            parley_search_titles(t.body) as titles, parley_search_texts(t.body) as texts,
            ts_rank(t.search, query.q) as rank,
            (extract(epoch from t.updated_at) * 1000000)::bigint as updated_micros
          from ${sql.table(table)} t, query
          where t.process_id = ${processId} and t.search @@ query.q and ${where}`,
      );
      const after = q.after
        ? sql`where (h.rank, h.updated_micros, h.tbl, h.id) < (${q.after.rankText}::real, ${q.after.updatedMicros}::bigint, ${q.after.table}::text, ${q.after.id}::text)`
        : sql``;
      const { rows } = await sql<Row>`
        with query as (select parley_search_query(${q.text}) as q)
        select h.*, h.rank::text as rank_text, h.updated_micros::text as micros_text
        from (${sql.join(branches, sql` union all `)}) h
        ${after}
        order by h.rank desc, h.updated_micros desc, h.tbl desc, h.id desc
        limit ${q.limit}`.execute(db);
      return rows.map((r) => ({
        table: r.tbl,
        id: r.id,
        audience: r.audience,
        audienceParty: r.audience_party,
        title: json(r.title),
        titles: json(r.titles) as string[],
        texts: json(r.texts) as string[],
        updatedAt: iso(r.updated_at),
        rank: Number(r.rank),
        rankText: r.rank_text,
        updatedMicros: r.micros_text,
      }));
    },
  };
}
