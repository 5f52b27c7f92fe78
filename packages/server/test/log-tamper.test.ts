import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  canonicalBytes,
  consistencyProof,
  cosignatureSigner,
  formatCheckpoint,
  generateCosignatureKey,
  leafHash,
  MemoryWitnessStore,
  parsePolicy,
  signNote,
  StateStore,
  toBase64,
  verifyCheckpoint,
  verifyReceipt,
  Witness,
} from '@parley/tlog';
import type { Database } from '../src/db/schema.ts';
import { appendToFrontier } from '../src/db/log/merkle.ts';
import { auditLog } from '../src/use-cases/log/audit-log.ts';
import { signLatest } from '../src/use-cases/log/sign-checkpoint.ts';
import { call, runtime, world, type World } from './support/world.ts';

const engine = process.env.PARLEY_TEST_ENGINE;

/** A malicious operator: superuser, triggers off (session_replication_role = replica). */
const asOperator = (w: World, f: (tx: Transaction<Database>) => Promise<unknown>) =>
  w.rt.handle.db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await f(tx);
  });

async function signedWorld() {
  const w = await world();
  const cp = (await signLatest(w.rt, w.pid)).checkpoint;
  const policy = parsePolicy({ log: w.rt.logKeys.verifierKey(w.pid) });
  return { w, cp, policy };
}

const indicesOf = (problems: { index: number | null }[]) => [...new Set(problems.map((p) => p.index).filter((i): i is number => i !== null))];

/** The operator rebuilds the node table and head from the (tampered) entries, as a cover-up would. */
async function rebuildTree(w: World, tx: Kysely<Database>) {
  const rows = await sql<{ envelope: Record<string, never> }>`select envelope from journal where process_id = ${w.pid} order by idx`.execute(tx);
  const leaves = rows.rows.map((r) => leafHash(canonicalBytes(r.envelope)));
  const { nodes, root } = appendToFrontier(0, [], leaves);
  await sql`delete from log_nodes where process_id = ${w.pid}`.execute(tx);
  for (const n of nodes) await sql`insert into log_nodes values (${w.pid}, ${n.level}, ${n.idx}, ${Buffer.from(n.hash)})`.execute(tx);
  await sql`update log_heads set root = ${Buffer.from(root)}, size = ${leaves.length} where process_id = ${w.pid}`.execute(tx);
  return { size: leaves.length, root };
}

// PostgreSQL's superuser and PGlite's session can both switch the triggers off.
describe(`tampering by the operator (${engine})`, () => {
  // The findings these tests cause stay with their processes; other suites share the runtime.
  afterAll(async () => (await runtime()).integrity.state.clear());

  it('an edited leaf is found and named, and the signed root no longer recomputes', async () => {
    const { w } = await signedWorld();
    await asOperator(w, (tx) =>
      sql`update journal set envelope = jsonb_set(envelope, '{author}', '"mallory"') where process_id = ${w.pid} and idx = 3`.execute(tx),
    );
    const audit = await auditLog(w.rt, w.pid);
    expect(indicesOf(audit.problems)).toEqual([3]);
    expect(audit.ok).toBe(false);
  });

  it('a deleted leaf is found and named', async () => {
    const { w } = await signedWorld();
    await asOperator(w, async (tx) => {
      await sql`delete from entry_bodies where process_id = ${w.pid} and idx = 4`.execute(tx);
      await sql`delete from journal where process_id = ${w.pid} and idx = 4`.execute(tx);
    });
    const audit = await auditLog(w.rt, w.pid);
    expect(audit.problems[0]).toMatchObject({ index: 4, kind: 'entry_missing' });
    expect(audit.problems.map((p) => p.kind)).toContain('size_mismatch');
  });

  it('two reordered leaves are found and named', async () => {
    const { w } = await signedWorld();
    await asOperator(w, async (tx) => {
      await sql`update journal set idx = -1 where process_id = ${w.pid} and idx = 5`.execute(tx);
      await sql`update journal set idx = 5 where process_id = ${w.pid} and idx = 6`.execute(tx);
      await sql`update journal set idx = 6 where process_id = ${w.pid} and idx = -1`.execute(tx);
    });
    const audit = await auditLog(w.rt, w.pid);
    expect(indicesOf(audit.problems)).toEqual([5, 6]);
  });

  it("an edited record body breaks its commitment, in the audit and in the reader's receipt", async () => {
    const { w, policy } = await signedWorld();
    await asOperator(w, (tx) =>
      sql`update entry_bodies set body = jsonb_set(body, '{body,names,en}', '"Someone else"') where process_id = ${w.pid} and idx = 1`.execute(tx),
    );
    const audit = await auditLog(w.rt, w.pid);
    expect(audit.problems).toEqual([expect.objectContaining({ index: 1, kind: 'body_mismatch', detail: expect.stringMatching(/commitment/) })]);
    const first = (await w.rt.store.reader.allJournal(w.pid))[1]!;
    const receipt = await call(w, 'GET', `/log/records/${first.recordType}/${first.recordId}/receipt`, 'mediator');
    expect(receipt.json.body.body.names.en).toBe('Someone else');
    expect(() => verifyReceipt(receipt.json, policy)).toThrow(/commitment/);
  });

  it('a rewritten and re-signed history is refused by a witness and by the verifier, which keeps the evidence', async () => {
    const { w, cp, policy } = await signedWorld();
    const keys = generateCosignatureKey('ukr-witness');
    const witness = new Witness({
      signer: cosignatureSigner(keys.signerKey),
      logs: [{ origin: w.rt.logKeys.origin(w.pid), key: w.rt.logKeys.verifierKey(w.pid) }],
      store: new MemoryWitnessStore(),
    });
    expect((await witness.addCheckpoint(`old 0\n\n${cp.note}`)).status).toBe(200);
    const state = new StateStore(mkdtempSync(join(tmpdir(), 'parley-state-')));
    expect(await state.advance(verifyCheckpoint(cp.note, policy))).toBe('new');

    // The operator alters entry 2, appends one entry, rebuilds every node and signs with the log key.
    let forged: { size: number; root: Uint8Array } = { size: 0, root: new Uint8Array() };
    await asOperator(w, async (tx) => {
      await sql`update journal set envelope = jsonb_set(envelope, '{author}', '"mallory"') where process_id = ${w.pid} and idx = 2`.execute(tx);
      await sql`insert into journal (process_id, idx, record_type, record_id, version, author, at, envelope, leaf_hash)
        select process_id, ${cp.size}, 'source', 'planted', 1, 'mallory', now(), envelope, leaf_hash from journal where process_id = ${w.pid} and idx = 0`.execute(
        tx,
      );
      forged = await rebuildTree(w, tx);
    });
    // Parley itself refuses to sign over a tree that no longer extends its last checkpoint.
    await expect(signLatest(w.rt, w.pid)).rejects.toMatchObject({ reason: 'log_integrity' });
    expect(w.rt.integrity.state.findings(w.pid).map((f) => f.kind)).toContain('checkpoint_mismatch');
    const note = signNote(formatCheckpoint({ origin: w.rt.logKeys.origin(w.pid), size: BigInt(forged.size), rootHash: forged.root, extensions: [] }), [
      w.rt.logKeys.signer(w.pid),
    ]);
    const proof = await consistencyProof(w.rt.log.nodes(w.pid), cp.size, forged.size);
    const res = await witness.addCheckpoint(`old ${cp.size}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${note}`);
    expect([409, 422]).toContain(res.status);
    await expect(state.advance(verifyCheckpoint(note, policy), proof)).rejects.toThrow(/not consistent/);
    expect(readFileSync(join(state.dir, `fork-evidence-${w.rt.logKeys.origin(w.pid).replace(/[^A-Za-z0-9._-]/g, '_')}-${forged.size}.txt`), 'utf8')).toContain(
      note,
    );
  });

  it('two roots signed for one size are equivocation: the verifier saves both notes as evidence', async () => {
    const { w, cp, policy } = await signedWorld();
    const state = new StateStore(mkdtempSync(join(tmpdir(), 'parley-state-')));
    await state.advance(verifyCheckpoint(cp.note, policy));
    let forged: { size: number; root: Uint8Array } = { size: 0, root: new Uint8Array() };
    await asOperator(w, async (tx) => {
      await sql`update journal set envelope = jsonb_set(envelope, '{author}', '"mallory"') where process_id = ${w.pid} and idx = 0`.execute(tx);
      forged = await rebuildTree(w, tx);
    });
    expect(forged.size).toBe(cp.size);
    const other = signNote(formatCheckpoint({ origin: w.rt.logKeys.origin(w.pid), size: BigInt(forged.size), rootHash: forged.root, extensions: [] }), [
      w.rt.logKeys.signer(w.pid),
    ]);
    await expect(state.advance(verifyCheckpoint(other, policy))).rejects.toThrow(/Two different trees/);
    const file = join(state.dir, `fork-evidence-${w.rt.logKeys.origin(w.pid).replace(/[^A-Za-z0-9._-]/g, '_')}-${cp.size}.txt`);
    expect(existsSync(file)).toBe(true);
    const evidence = readFileSync(file, 'utf8');
    expect(evidence).toContain(cp.note);
    expect(evidence).toContain(other);
    // Parley will not sign the second root either: the stored checkpoint for that size stands.
    await expect(signLatest(w.rt, w.pid)).rejects.toMatchObject({ reason: 'log_integrity' });
    expect(w.rt.integrity.state.findings(w.pid).map((f) => f.kind)).toEqual(expect.arrayContaining(['checkpoint_mismatch', 'external_checkpoint_mismatch']));
  });
});
