// The tamper-evident log: appends (1 and 100 records per transaction), inclusion proofs
// served, and re-verifying one million entries, each against a baseline measured in the
// same run, printed as a ratio. PostgreSQL when DATABASE_URL is set, else PGlite.
// Goals on PostgreSQL: ≥ 400 appends/s single, ≥ 10,000/s batched, ≥ 5,000 proofs/s, < 10 s for the million.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalBytes, computeCommitment, envelopeLeafHash, inclusionProof, leafHash, rootFromLeafHashes, sha256 } from '@parley/tlog';
import { openRuntime } from '../packages/server/src/compose.ts';
import { SYSTEM } from '../packages/server/src/domain/shared/actor.ts';
import { createProcess } from '../packages/server/src/use-cases/create-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MILLION = Number(process.env.BENCH_ENTRIES ?? 1_000_000);

async function throughput(op: () => Promise<number>): Promise<number> {
  const end = Date.now() + SECONDS * 1000;
  let done = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      // Not `done += await op()`: that reads `done` before the await and loses the other loops' counts.
      while (Date.now() < end) {
        const k = await op();
        done += k;
      }
    }),
  );
  return done / ((Date.now() - start) / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const row = (what: string, value: number, unit: string, base: number, baseWhat: string, goal: string) =>
  console.log(
    `${what.padEnd(34)} ${fmt(value).padStart(9)} ${unit.padEnd(9)} baseline ${baseWhat} ${fmt(base)} ${unit} → ratio ${(value / base).toFixed(2)}   ${goal}`,
  );

const rt = await openRuntime({ databaseUrl: process.env.DATABASE_URL, dataDir: null });
const db = rt.handle.db;
const pid = `bench-log-${Date.now().toString(36)}`;
await createProcess(rt, SYSTEM, { id: pid, names: { en: 'Log bench' } });
await sql`create table if not exists bench_baseline (process_id text not null, id text not null, body jsonb not null, primary key (process_id, id))`.execute(
  db,
);
let n = 0;
const body = (i: number) => ({ title: `Report ${i}`, publisher: 'Agency', date: '2014-11-21', language: 'en', kind: 'article' });
const record = (i: number) => ({
  id: `s${i}`,
  audience: 'public' as const,
  audienceParty: null,
  parentId: null,
  status: null,
  sortOn: '2014-11-21',
  partyIds: [],
  body: body(i),
  owner: 'mediator' as const,
});

async function appendLog(perTx: number) {
  await rt.store.write(pid, SYSTEM, async (uow) => {
    for (let k = 0; k < perTx; k++) await uow.insert('sources', 'source', record(n++));
  });
  return perTx;
}
/** A batch as imports write it: one multi-row statement, still one journal entry per record. */
async function appendLogBatch(perTx: number) {
  await rt.store.write(pid, SYSTEM, (uow) =>
    uow.insertMany(
      'sources',
      'source',
      Array.from({ length: perTx }, () => record(n++)),
    ),
  );
  return perTx;
}
async function appendBareBatch(perTx: number) {
  await db.transaction().execute((tx) =>
    tx
      .insertInto('bench_baseline' as never)
      .values(Array.from({ length: perTx }, () => ({ process_id: pid, id: `b${n++}`, body: JSON.stringify(body(n)) })) as never)
      .execute(),
  );
  return perTx;
}
async function appendBare(perTx: number) {
  await db.transaction().execute(async (tx) => {
    for (let k = 0; k < perTx; k++)
      await tx
        .insertInto('bench_baseline' as never)
        .values({ process_id: pid, id: `b${n++}`, body: JSON.stringify(body(n)) } as never)
        .execute();
  });
  return perTx;
}

console.log(`engine: ${rt.engine}; ${CONCURRENCY} concurrent clients, ${SECONDS} s per figure`);
const single = await throughput(() => appendLog(1));
const singleBase = await throughput(() => appendBare(1));
row('appends/s, 1 record per tx', single, 'rows/s', singleBase, 'bare INSERT tx', 'goal ≥ 400');
const batched = await throughput(() => appendLog(100));
const batchedBase = await throughput(() => appendBare(100));
row('appends/s, 100 records per tx', batched, 'rows/s', batchedBase, 'bare INSERT tx', 'goal ≥ 10,000');
const multi = await throughput(() => appendLogBatch(100));
const multiBase = await throughput(() => appendBareBatch(100));
row('appends/s, 100 per tx, one statement', multi, 'rows/s', multiBase, 'bare multi-row INSERT', 'goal ≥ 10,000');

const head = (await rt.log.head(pid))!;
// As the API serves them: cold, every node from the table; warm, nodes already read come from memory.
const cold = rt.log.nodes(pid);
const served = rt.log.servedNodes(pid);
const randomIndex = () => Math.floor(Math.random() * head.size);
const coldProofs = await throughput(async () => {
  await inclusionProof(cold, randomIndex(), head.size);
  return 1;
});
// Warm: one proof per leaf reads every node once (the cache holds up to 500,000 nodes).
await Promise.all(
  Array.from({ length: CONCURRENCY }, async (_, k) => {
    for (let i = k; i < head.size; i += CONCURRENCY) await inclusionProof(served, i, head.size);
  }),
);
const warmProofs = await throughput(async () => {
  await inclusionProof(served, randomIndex(), head.size);
  return 1;
});
const selects = await throughput(async () => {
  await sql`select hash from log_nodes where process_id = ${pid} and level = 0 and idx = ${randomIndex()}`.execute(db);
  return 1;
});
row(`inclusion proofs/s, cold (size ${fmt(head.size)})`, coldProofs, 'proofs/s', selects, 'SELECT of one node', 'goal ≥ 5,000');
row('inclusion proofs/s, nodes cached', warmProofs, 'proofs/s', selects, 'SELECT of one node', 'goal ≥ 5,000');

// Re-verification of a million entries: every envelope re-canonicalised and hashed, then the root.
// Measured in memory on generated envelopes (building a million rows would take longer than the check).
const salt = new Uint8Array(randomBytes(32));
const commitment = computeCommitment(body(0), salt);
const envelopes = Array.from({ length: MILLION }, (_, i) => ({
  type: 'source',
  recordId: `s${i}`,
  version: 1,
  supersedes: null,
  author: 'bench',
  at: '2014-11-21T10:00:00.000Z',
  schema: 'parley/1',
  commitment,
}));
let t = performance.now();
const root = rootFromLeafHashes(envelopes.map((e) => envelopeLeafHash(e)));
const verify = (performance.now() - t) / 1000;
const blobs = envelopes.map((e) => canonicalBytes(e));
t = performance.now();
for (const b of blobs) sha256(b);
const hashOnly = (performance.now() - t) / 1000;
void root;
void leafHash;
console.log(
  `${'re-verify 1M entries (JCS+leaf+root)'.padEnd(34)} ${verify.toFixed(2).padStart(9)} s         baseline one SHA-256 per entry ${hashOnly.toFixed(2)} s → ratio ${(verify / hashOnly).toFixed(2)}   goal < 10 s`,
);

await sql`drop table bench_baseline`.execute(db);
await rt.close();
