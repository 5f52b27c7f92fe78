import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  computeCommitment,
  envelopeLeafHash,
  foldRight,
  nodeHash,
  rangeRefs,
  TlogError,
  type Envelope,
  type HashReader,
  type JsonValue,
  type NodeRef,
} from '@parley/tlog';
import type { LogDatabase } from './log-schema.ts';

export type LogQ = Kysely<LogDatabase> | Transaction<LogDatabase>;

export const ENVELOPE_SCHEMA = 'parley/1';

export interface EntryFacts {
  type: string;
  recordId: string;
  version: number;
  supersedes: number | null;
  author: string;
  at: string;
}

/** A journal entry as a leaf: the envelope commits to the body through a fresh 32-byte salt. */
export function sealEntry(facts: EntryFacts, body: unknown) {
  // The body is hashed as the JSON it will be stored and served as, never as a live object.
  const json = JSON.parse(JSON.stringify(body ?? null)) as JsonValue;
  const salt = new Uint8Array(randomBytes(32));
  const envelope: Envelope = { ...facts, schema: ENVELOPE_SCHEMA, commitment: computeCommitment(json, salt) };
  return { envelope, leafHash: envelopeLeafHash(envelope), body: json, salt };
}

export interface NodeRow {
  level: number;
  idx: number;
  hash: Uint8Array;
}

/**
 * Appends leaves to a tree known only by its frontier (the complete subtrees of
 * rangeRefs(0, size), largest first): returns every subtree that becomes complete,
 * and the new root. This is all a database has to store per append.
 */
export function appendToFrontier(size: number, frontier: readonly Uint8Array[], leaves: readonly Uint8Array[]) {
  const refs = rangeRefs(0n, BigInt(size));
  if (refs.length !== frontier.length) throw new TlogError('missing_node', `The tree of size ${size} lacks part of its frontier.`);
  const stack: NodeRow[] = refs.map((r, i) => ({ level: r.level, idx: Number(r.index), hash: frontier[i]! }));
  const nodes: NodeRow[] = [];
  leaves.forEach((hash, i) => {
    let top: NodeRow = { level: 0, idx: size + i, hash };
    nodes.push(top);
    while (stack.length > 0 && stack[stack.length - 1]!.level === top.level) {
      const left = stack.pop()!;
      top = { level: top.level + 1, idx: top.idx >> 1, hash: nodeHash(left.hash, top.hash) };
      nodes.push(top);
    }
    stack.push(top);
  });
  return { nodes, root: foldRight(stack.map((n) => n.hash)), frontier: stack.map((n) => n.hash) };
}

/** The head stores the frontier as its hashes end to end. */
export function splitHashes(joined: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < joined.length; i += 32) out.push(joined.subarray(i, i + 32));
  return out;
}

export interface SealedEntry extends Omit<EntryFacts, 'type'> {
  recordType: string;
  envelope: Envelope;
  leafHash: Uint8Array;
  body: JsonValue;
  salt: Uint8Array;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * Writes the entries, their bodies, the new nodes and the new head in one statement.
 * Rows travel as one JSON document per table, which both engines read the same way.
 */
export async function appendLeaves(q: LogQ, processId: string, start: number, entries: readonly SealedEntry[], grown: ReturnType<typeof appendToFrontier>) {
  const rows = JSON.stringify(
    entries.map((e, i) => ({
      idx: start + i,
      type: e.recordType,
      id: e.recordId,
      version: e.version,
      supersedes: e.supersedes,
      author: e.author,
      at: e.at,
      envelope: e.envelope,
      leaf: hex(e.leafHash),
      body: e.body,
      salt: hex(e.salt),
    })),
  );
  const nodes = JSON.stringify(grown.nodes.map((n) => ({ level: n.level, idx: n.idx, hash: hex(n.hash) })));
  const frontier = grown.frontier.map(hex).join('');
  await sql`with entries as (
      select * from jsonb_to_recordset(${rows}::jsonb)
        as t(idx bigint, type text, id text, version int, supersedes int, author text, at timestamptz, envelope jsonb, leaf text, body jsonb, salt text)
    ), j as (
      insert into journal (process_id, idx, record_type, record_id, version, supersedes, author, at, envelope, leaf_hash)
      select ${processId}, idx, type, id, version, supersedes, author, at, envelope, decode(leaf, 'hex') from entries
    ), b as (
      insert into entry_bodies (process_id, idx, body, salt) select ${processId}, idx, body, decode(salt, 'hex') from entries
    ), n as (
      insert into log_nodes (process_id, level, idx, hash)
      select ${processId}, level, idx, decode(hash, 'hex') from jsonb_to_recordset(${nodes}::jsonb) as t(level int, idx bigint, hash text)
    )
    update log_heads set size = ${start + entries.length}, root = decode(${hex(grown.root)}, 'hex'), frontier = decode(${frontier}, 'hex')
    where process_id = ${processId}`.execute(q);
}

const bytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Serves stored subtree hashes; one query per proof, one range scan per tile. */
export class DbHashReader implements HashReader {
  constructor(
    private readonly q: LogQ,
    private readonly processId: string,
  ) {}

  async getNode(level: number, index: bigint): Promise<Uint8Array> {
    return (await this.getNodes([{ level, index }]))[0]!;
  }

  async getNodes(refs: readonly NodeRef[]): Promise<Uint8Array[]> {
    if (refs.length === 0) return [];
    const first = refs[0]!;
    const contiguous = refs.every((r, i) => r.level === first.level && r.index === first.index + BigInt(i));
    // Scattered nodes as an OR of point lookups: the planner answers it with one index probe
    // each, where a join against an unnested array can fall back to scanning the process.
    const rows = contiguous
      ? await this.q
          .selectFrom('log_nodes')
          .select(['level', 'idx', 'hash'])
          .where('process_id', '=', this.processId)
          .where('level', '=', first.level)
          .where('idx', '>=', Number(first.index))
          .where('idx', '<=', Number(first.index) + refs.length - 1)
          .execute()
      : await this.q
          .selectFrom('log_nodes')
          .select(['level', 'idx', 'hash'])
          .where('process_id', '=', this.processId)
          .where((eb) => eb.or(refs.map((r) => eb.and([eb('level', '=', r.level), eb('idx', '=', Number(r.index))]))))
          .execute();
    const byKey = new Map(rows.map((r) => [`${r.level}/${Number(r.idx)}`, bytes(r.hash)]));
    return refs.map((r) => {
      const h = byKey.get(`${r.level}/${r.index}`);
      if (!h) throw new TlogError('missing_node', `The log has no node at level ${r.level} index ${r.index}.`);
      return h;
    });
  }
}

/**
 * Complete subtrees are immutable, so once read they can be served from memory; proofs
 * then need a query only for nodes not yet seen. Bounded: the oldest entries go first.
 * Audits and signing never use it, since they must see what the table holds now.
 */
const NODE_CACHE = new Map<string, Uint8Array>();
const NODE_CACHE_MAX = 500_000;

export class CachedHashReader implements HashReader {
  constructor(
    private readonly inner: DbHashReader,
    private readonly processId: string,
  ) {}

  async getNode(level: number, index: bigint): Promise<Uint8Array> {
    return (await this.getNodes([{ level, index }]))[0]!;
  }

  async getNodes(refs: readonly NodeRef[]): Promise<Uint8Array[]> {
    const key = (r: NodeRef) => `${this.processId}\u0000${r.level}\u0000${r.index}`;
    const missing = refs.filter((r) => !NODE_CACHE.has(key(r)));
    if (missing.length > 0) {
      const fetched = await this.inner.getNodes(missing);
      if (NODE_CACHE.size + fetched.length > NODE_CACHE_MAX) {
        let drop = NODE_CACHE.size + fetched.length - NODE_CACHE_MAX;
        for (const k of NODE_CACHE.keys()) {
          if (drop-- <= 0) break;
          NODE_CACHE.delete(k);
        }
      }
      missing.forEach((r, i) => NODE_CACHE.set(key(r), fetched[i]!));
    }
    return refs.map((r) => NODE_CACHE.get(key(r))!);
  }
}
