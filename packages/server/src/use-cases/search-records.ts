import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResults } from '@parley/contracts';
import type { Actor } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { searchExcerpt, searchWords } from '../domain/shared/search-text.ts';
import { readScope } from '../policies/access.ts';
import { resource, RESOURCES } from './resources.ts';
import type { RecordTable, SearchAfter, SearchDeps, SearchRow } from './ports.ts';
import { assertProcess } from './support.ts';

export interface SearchInput {
  q: string;
  kind?: SearchKind;
  limit?: number;
  cursor?: string;
}

const KIND_OF = new Map<string, SearchKind>(RESOURCES.map((r) => [r.table, r.kind as SearchKind]));
const ALL_TABLES = SEARCH_KINDS.map((k) => resource(k).table);

const encodeCursor = (r: SearchRow) => Buffer.from(JSON.stringify([r.rankText, r.updatedMicros, r.table, r.id])).toString('base64url');
function decodeCursor(cursor: string): SearchAfter {
  try {
    const [rankText, updatedMicros, table, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    // Checked to the letter: the values go to the database as a real, a bigint and text.
    if (
      typeof rankText === 'string' &&
      /^\d+(\.\d+)?(e[-+]?\d+)?$/.test(rankText) &&
      typeof updatedMicros === 'string' &&
      /^-?\d{1,19}$/.test(updatedMicros) &&
      typeof table === 'string' &&
      KIND_OF.has(table) &&
      typeof id === 'string' &&
      id.length <= 64
    )
      return { rankText, updatedMicros, table, id };
  } catch {
    // fall through to the refusal below
  }
  throw invalid('cursor', 'bad_cursor', 'The "cursor" is not one this server gave out.');
}

const line = (text: string, max = 120) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function toHit(r: SearchRow, words: string[]): SearchHit {
  const title = r.title && typeof r.title === 'object' ? (r.title as SearchHit['title']) : null;
  return {
    kind: KIND_OF.get(r.table)!,
    id: r.id,
    title,
    label: line(r.titles[0] ?? r.texts[0] ?? r.id),
    snippet: searchExcerpt([...r.titles, ...r.texts], words),
    audience: r.audience,
    audienceParty: r.audienceParty,
    updatedAt: r.updatedAt,
    rank: r.rank,
  };
}

/**
 * Finds records by the words of their names and text, among those the reader may see: the scope goes into the
 * query itself, so a hidden record is neither returned nor counted. Every word must start a word of the record.
 */
export async function searchRecords(deps: SearchDeps, actor: Actor, processId: string, input: SearchInput): Promise<SearchResults> {
  const words = searchWords(input.q);
  if (words.length === 0)
    throw invalid('q', 'search_without_words', 'The search text has no letters or digits to look for (Latin and Cyrillic letters are searched).');
  const limit = input.limit ?? 20;
  const tables: readonly RecordTable[] = input.kind ? [resource(input.kind).table] : ALL_TABLES;
  const rows = await deps.search.search(processId, readScope(actor, processId), {
    text: input.q,
    tables,
    limit: limit + 1,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
  });
  // No hit may mean a process that does not exist; only then is it worth asking.
  if (rows.length === 0) await assertProcess(deps.store.reader, processId);
  const page = rows.slice(0, limit);
  return { items: page.map((r) => toHit(r, words)), next: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
}
