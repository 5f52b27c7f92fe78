import { ACTIVITY_KINDS, type ActivityEntry, type ActivityKind, type ActivityPage, type ActivityQuery } from '@parley/contracts';
import type { Actor } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { canRead } from '../policies/access.ts';
import type { JournalMeta, StoredRecord, WriterSide } from './ports.ts';
import { reading } from './reading.ts';
import { assertProcess, type Deps } from './support.ts';

const KINDS = new Set<string>(ACTIVITY_KINDS);
const isKind = (k: string): k is ActivityKind => KINDS.has(k);
const PARENT_KIND: Record<string, ActivityKind> = { meeting_transition: 'meeting', cause_claim: 'meeting', invitation_response: 'invitation' };

const encodeCursor = (idx: number) => Buffer.from(JSON.stringify({ before: idx })).toString('base64url');
function decodeCursor(cursor: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'before' in parsed && Number.isSafeInteger(parsed.before) && Number(parsed.before) >= 0)
      return Number(parsed.before);
  } catch {
    // fall through to the refusal below
  }
  throw invalid('cursor', 'bad_cursor', 'The "cursor" is not one this server gave out.');
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

function verbOf(e: JournalMeta): ActivityEntry['verb'] {
  if (e.recordType === 'meeting_transition') return 'transition';
  if (e.recordType === 'cause_claim') return 'cause_claim';
  if (e.recordType === 'invitation_response') return 'answered';
  if (e.recordType === 'redaction') return 'redacted';
  if (e.supersedes === null) return e.version === 1 ? 'created' : 'recorded';
  const [a, b] = [e.audience, e.previousAudience];
  if (a && b && (a.audience !== b.audience || a.audienceParty !== b.audienceParty)) return 'audience_changed';
  return 'revised';
}

function titleOf(record: StoredRecord | null): ActivityEntry['title'] {
  const body = record?.body;
  for (const field of ['names', 'title', 'name']) {
    const v = body?.[field];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const names = v as Record<string, unknown>;
      const text = (l: string) => (typeof names[l] === 'string' ? String(names[l]).slice(0, 500) : undefined);
      return { en: text('en'), uk: text('uk'), ru: text('ru') };
    }
  }
  return null;
}

/** Whether the entry's record concerns the party: it names the party, or the party wrote it. */
const concerns = (record: StoredRecord | null, partyId: string) => !!record && (record.partyIds.includes(partyId) || record.owner === `party:${partyId}`);

/**
 * Who changed what and when in a process, newest first, among the entries the reader may see (Reading.activity:
 * an entry of a record the reader cannot read, or of a version narrower than the reader, is never returned,
 * counted or paged over: `next` is set only when another visible entry follows). Paging is by the journal's
 * order, so entries written while a reader pages do not shift the pages already seen.
 */
export async function listActivity(deps: Deps, actor: Actor, processId: string, q: ActivityQuery): Promise<ActivityPage> {
  if (q.from && q.to && q.to < q.from) throw invalid('to', 'span_reversed', `"to" (${q.to}) is before "from" (${q.from}).`);
  await assertProcess(deps.store.reader, processId);
  const read = reading(deps.store.reader, actor, processId, 'activity');
  const limit = q.limit ?? 50;
  const kindFilter = q.kind ? [q.kind] : undefined;
  const shown = await read.activity(
    {
      before: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: limit + 1,
      types: kindFilter,
      from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
      to: q.to ? dayAfter(q.to) : undefined,
    },
    q.party ? ({ record }) => concerns(record, q.party!) : undefined,
  );
  const known = shown.filter(({ entry }) => isKind(entry.recordType));
  const page = known.slice(0, limit);
  const sides = await read.writerSides([...new Set(page.map(({ entry }) => entry.author))]);
  return {
    items: page.map(({ entry, record }) => present(entry, record, sides.get(entry.author) ?? { side: 'author' }, actor, processId)),
    next: known.length > limit ? encodeCursor(page[page.length - 1]!.entry.idx) : null,
  };
}

function present(e: JournalMeta, record: StoredRecord | null, side: WriterSide, actor: Actor, processId: string): ActivityEntry {
  const kind = e.recordType as ActivityKind;
  // A redaction names its record as "type/id"; a history row hangs on its meeting or invitation.
  const subjectKind = PARENT_KIND[kind] ?? (kind === 'redaction' ? e.recordId.slice(0, e.recordId.indexOf('/')) : kind);
  const previous = e.previousAudience && canRead(actor, processId, e.previousAudience) ? e.previousAudience : undefined;
  return {
    at: e.at,
    kind,
    recordId: e.recordId,
    version: e.version,
    verb: verbOf(e),
    by: { username: e.author, ...side },
    subject: record && isKind(subjectKind) ? { kind: subjectKind, id: record.id } : null,
    title: titleOf(record),
    audience: record ? { audience: record.audience, audienceParty: record.audienceParty } : null,
    ...(previous ? { previousAudience: previous } : {}),
    ...(e.status ? { status: e.status } : {}),
  };
}
