import { sql, type Kysely, type Transaction } from 'kysely';
import type { JournalFilter, JournalMeta, StoredRecord, WriterSide } from '../use-cases/ports.ts';
import type { Database } from './schema.ts';
import type { LogDatabase } from './log/log-schema.ts';

type Q = Kysely<Database> | Transaction<Database>;
type Aud = StoredRecord['audience'];
const AUDIENCES = new Set<string>(['public', 'forum', 'party', 'mediator']);
const isAudience = (a: string | null): a is Aud => a !== null && AUDIENCES.has(a);
const visibility = (audience: string | null, audienceParty: string | null) =>
  isAudience(audience) ? { audience, audienceParty: audience === 'party' ? audienceParty : null } : undefined;

/**
 * Journal entries newest first, with only what the feed shows: the bodies stay in the database (an incident's raw
 * source row can be large), except the audience of the version and of the one it superseded, and a history row's
 * status. The previous version's audience comes from its own journal entry, so an audience change is told from
 * an edit without reading two bodies into memory.
 */
export async function journalMeta(q: Q, processId: string, f: JournalFilter): Promise<JournalMeta[]> {
  let query = (q as unknown as Kysely<LogDatabase>)
    .selectFrom('journal as j')
    .leftJoin('entry_bodies as b', (join) => join.onRef('b.process_id', '=', 'j.process_id').onRef('b.idx', '=', 'j.idx'))
    .leftJoin('journal as p', (join) =>
      join
        .onRef('p.process_id', '=', 'j.process_id')
        .onRef('p.record_type', '=', 'j.record_type')
        .onRef('p.record_id', '=', 'j.record_id')
        .onRef('p.version', '=', 'j.supersedes'),
    )
    .leftJoin('entry_bodies as pb', (join) => join.onRef('pb.process_id', '=', 'p.process_id').onRef('pb.idx', '=', 'p.idx'))
    .select(['j.idx', 'j.record_type', 'j.record_id', 'j.version', 'j.supersedes', 'j.author', 'j.at'])
    .select([
      sql<string | null>`b.body->>'audience'`.as('audience'),
      sql<string | null>`b.body->>'audienceParty'`.as('audience_party'),
      sql<string | null>`pb.body->>'audience'`.as('previous_audience'),
      sql<string | null>`pb.body->>'audienceParty'`.as('previous_audience_party'),
      sql<string | null>`coalesce(b.body->>'to_status', case when j.record_type = 'invitation_response' then b.body->>'status' end)`.as('status'),
    ])
    .where('j.process_id', '=', processId);
  if (f.before !== undefined) query = query.where('j.idx', '<', f.before);
  if (f.types?.length) query = query.where('j.record_type', 'in', f.types);
  if (f.from) query = query.where('j.at', '>=', new Date(f.from));
  if (f.to) query = query.where('j.at', '<', new Date(f.to));
  const rows = await query.orderBy('j.idx', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    idx: Number(r.idx),
    recordType: r.record_type,
    recordId: r.record_id,
    version: r.version,
    supersedes: r.supersedes,
    author: r.author,
    at: new Date(r.at).toISOString(),
    audience: visibility(r.audience, r.audience_party),
    previousAudience: visibility(r.previous_audience, r.previous_audience_party),
    status: r.status,
  }));
}

/** The side each username writes for here: the mediator's staff, one party, or only themselves. */
export async function writerSides(q: Q, processId: string, usernames: string[]): Promise<Map<string, WriterSide>> {
  const sides = new Map<string, WriterSide>();
  if (usernames.length === 0) return sides;
  const rows = await q
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.account_id', 'g.account_id')
    .select(['a.username', 'g.role', 'g.party_id'])
    .where('g.process_id', '=', processId)
    .where('a.username', 'in', usernames)
    .where('g.revoked_at', 'is', null)
    .execute();
  for (const r of rows) {
    const known = sides.get(r.username);
    if (r.role === 'mediator') sides.set(r.username, { side: 'mediator' });
    else if (r.party_id && known?.side !== 'mediator') sides.set(r.username, { side: 'party', partyId: r.party_id });
  }
  // The system (the demo loader, migrations) writes as the mediator does.
  if (usernames.includes('system')) sides.set('system', { side: 'mediator' });
  for (const u of usernames) if (!sides.has(u)) sides.set(u, { side: 'author' });
  return sides;
}
