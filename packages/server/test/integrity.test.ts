import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { sql, type Transaction } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalBytes, leafHash } from '@parley/tlog';
import { runCli } from '../src/cli/commands.ts';
import type { Database } from '../src/db/schema.ts';
import { appendToFrontier } from '../src/db/log/merkle.ts';
import { checkIntegrity } from '../src/use-cases/log/check-integrity.ts';
import type { FindingKind } from '../src/use-cases/log/integrity-state.ts';
import { signLatest } from '../src/use-cases/log/sign-checkpoint.ts';
import { startIntegrityWatch } from '../src/use-cases/log/watch-integrity.ts';
import { build, call, runtime, world, type World } from './support/world.ts';

const engine = process.env.PARLEY_TEST_ENGINE;

/** A malicious operator: superuser with triggers off, which PGlite's session can do as well as PostgreSQL's. */
const asOperator = (w: World, f: (tx: Transaction<Database>) => Promise<unknown>) =>
  w.rt.handle.db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await f(tx);
  });

const count = async (w: World, table: 'journal' | 'checkpoints') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where process_id = ${w.pid}`.execute(w.rt.handle.db)).rows[0]!.n);
const idxOf = async (w: World, type: string, id: string) =>
  Number(
    (
      await sql<{ idx: string }>`select max(idx) as idx from journal where process_id = ${w.pid} and record_type = ${type} and record_id = ${id}`.execute(
        w.rt.handle.db,
      )
    ).rows[0]!.idx,
  );

/** A signed log with one more source written after the checkpoint, so the next round has something to sign. */
async function signedWorld() {
  const w = await world();
  expect((await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-a', title: 'Signed source' }))).status).toBe(201);
  await signLatest(w.rt, w.pid);
  expect((await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-b', title: 'Unsigned source' }))).status).toBe(201);
  return w;
}

/** Runs `parley audit` against the test database; returns what it printed and the error it ended with. */
async function audit(w: World, processId = w.pid) {
  const program = new Command('parley').exitOverride();
  runCli(program, async () => ({ ...w.rt, close: async () => {} }));
  const out: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'parley', 'audit', processId]);
    return { out: out.join('\n'), error: undefined };
  } catch (error) {
    return { out: out.join('\n'), error: error as { code?: string; reason?: string; message: string } };
  } finally {
    spy.mockRestore();
  }
}

/**
 * Everything the server must do once a periodic round finds the tampering: health shows it
 * (kinds and indices, no record ids to anonymous callers), every write is refused with 503
 * and changes nothing, no checkpoint is signed, the mediator sees the findings and
 * `parley audit` prints them and fails.
 */
async function expectNoticed(w: World, kinds: FindingKind[], index?: number) {
  const round = await checkIntegrity(w.rt, w.pid, { mode: 'sampled', sample: w.rt.integrity.sample });
  expect(round.report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(kinds));
  if (index !== undefined) expect(round.report.findings.map((f) => f.index)).toContain(index);

  const health = await call(w, 'GET', '/api/health', 'anonymous');
  expect(health.status).toBe(200);
  expect(health.json.status).toBe('degraded');
  const mine = health.json.integrity.processes.find((p: { processId: string }) => p.processId === w.pid);
  expect(mine.problems.map((p: { kind: string }) => p.kind)).toEqual(expect.arrayContaining(kinds));
  expect(JSON.stringify(mine)).not.toMatch(/recordId|detail|Forged|src-/);

  const journal = await count(w, 'journal');
  const checkpoints = await count(w, 'checkpoints');
  const write = await call(w, 'POST', '/sources', 'mediator', build.source({ title: 'After the tampering' }));
  expect(write.status).toBe(503);
  expect(write.json.error).toMatchObject({ code: 'unavailable', reason: 'log_integrity' });
  expect((await call(w, 'PUT', '/sources/src-a', 'mediator', { ...build.source({ title: 'x' }), version: 1 })).status).toBe(503);
  await expect(signLatest(w.rt, w.pid)).rejects.toMatchObject({ code: 'unavailable', reason: 'log_integrity' });
  expect((await call(w, 'POST', '/log/checkpoint', 'mediator')).status).toBe(503);
  expect(await count(w, 'journal')).toBe(journal);
  expect(await count(w, 'checkpoints')).toBe(checkpoints);

  const report = await call(w, 'GET', '/log/integrity', 'mediator');
  expect(report.status).toBe(200);
  expect(report.json.ok).toBe(false);
  expect(report.json.findings.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(kinds));
  expect((await call(w, 'GET', '/log/integrity', 'delegateUkr')).status).toBe(404);

  const cli = await audit(w);
  expect(cli.error).toMatchObject({ code: 'unavailable', reason: 'log_integrity' });
  for (const k of kinds) expect(cli.out).toContain(k);
  return round.report.findings;
}

describe(`the server watches its own log (${engine})`, () => {
  // The shared runtime starts (and migrates) once per worker: not within a test's time.
  beforeAll(() => runtime(), 120_000);
  afterEach(() => vi.restoreAllMocks());
  // Findings are per process and in memory; other suites share this runtime and expect a healthy server.
  afterAll(async () => (await runtime()).integrity.state.clear());

  it('an intact log, with revisions, histories and an erased record, passes every check; the signed checkpoint is kept beside the key', async () => {
    const w = await signedWorld();
    expect((await call(w, 'PUT', '/sources/src-a', 'mediator', { ...build.source({ title: 'Revised' }), version: 1 })).status).toBe(200);
    const meeting = await call(w, 'POST', '/meetings', 'mediator', build.meeting());
    expect(meeting.status).toBe(201);
    expect(
      (await call(w, 'POST', `/meetings/${meeting.json.id}/transitions`, 'mediator', { to: 'scheduled', at: '2014-12-01', reason: 'Agreed', version: 1 }))
        .status,
    ).toBe(200);
    const person = await call(w, 'POST', '/people', 'mediator', { names: { en: 'Detained person' }, audience: 'mediator' });
    expect(person.status).toBe(201);
    expect((await call(w, 'POST', `/log/records/person/${person.json.id}/redact`, 'mediator', { reason: 'Erasure request' })).status).toBe(200);
    const cp = await signLatest(w.rt, w.pid);
    expect(cp.signed).toBe(true);
    expect(w.rt.integrity.mirror.read(w.pid)).toMatchObject({ size: cp.checkpoint.size, note: cp.checkpoint.note });
    const { report } = await checkIntegrity(w.rt, w.pid, { mode: 'complete' });
    expect(report.findings).toEqual([]);
    const cli = await audit(w);
    expect(cli.error).toBeUndefined();
    expect(cli.out).toMatch(/intact/);
    expect((await call(w, 'GET', '/log/integrity', 'mediator')).json).toMatchObject({ ok: true, findings: [] });
    expect((await call(w, 'POST', '/sources', 'mediator', build.source())).status).toBe(201);
  });

  it('(1) an edited record body: the row no longer matches the commitment of its latest entry', async () => {
    const w = await signedWorld();
    await asOperator(w, (tx) => sql`update sources set body = jsonb_set(body, '{title}', '"Forged"') where process_id = ${w.pid} and id = 'src-a'`.execute(tx));
    const findings = await expectNoticed(w, ['record_mismatch'], await idxOf(w, 'source', 'src-a'));
    expect(findings.filter((f) => f.kind === 'record_mismatch').map((f) => f.recordId)).toEqual(['src-a']);
  });

  it('(2) an edited journal entry (envelope)', async () => {
    const w = await signedWorld();
    await asOperator(w, (tx) =>
      sql`update journal set envelope = jsonb_set(envelope, '{author}', '"mallory"') where process_id = ${w.pid} and idx = 3`.execute(tx),
    );
    await expectNoticed(w, ['leaf_hash_mismatch', 'node_mismatch'], 3);
  });

  it('(3) an edited leaf hash in the journal and an edited node of the tree', async () => {
    const w = await signedWorld();
    await asOperator(w, async (tx) => {
      await sql`update journal set leaf_hash = decode(repeat('ab', 32), 'hex') where process_id = ${w.pid} and idx = 2`.execute(tx);
      await sql`update log_nodes set hash = decode(repeat('cd', 32), 'hex') where process_id = ${w.pid} and level = 0 and idx = 4`.execute(tx);
    });
    const findings = await expectNoticed(w, ['leaf_hash_mismatch', 'node_mismatch']);
    expect(findings.find((f) => f.kind === 'leaf_hash_mismatch')?.index).toBe(2);
    expect(findings.find((f) => f.kind === 'node_mismatch')?.index).toBe(4);
  });

  it('(4) a deleted journal row', async () => {
    const w = await signedWorld();
    await asOperator(w, async (tx) => {
      await sql`delete from entry_bodies where process_id = ${w.pid} and idx = 4`.execute(tx);
      await sql`delete from journal where process_id = ${w.pid} and idx = 4`.execute(tx);
    });
    await expectNoticed(w, ['entry_missing', 'size_mismatch'], 4);
  });

  it('(5) two swapped journal rows', async () => {
    const w = await signedWorld();
    await asOperator(w, async (tx) => {
      await sql`update journal set idx = -1 where process_id = ${w.pid} and idx = 5`.execute(tx);
      await sql`update journal set idx = 5 where process_id = ${w.pid} and idx = 6`.execute(tx);
      await sql`update journal set idx = 6 where process_id = ${w.pid} and idx = -1`.execute(tx);
    });
    const findings = await expectNoticed(w, ['node_mismatch']);
    expect([...new Set(findings.map((f) => f.index))].filter((i) => i !== null).sort()).toEqual([5, 6]);
  });

  /** Deletes every entry, body, node, record and checkpoint after `size` and sets the head back: a consistent, older database. */
  async function rollBack(w: World, size: number, records: string[]) {
    await asOperator(w, async (tx) => {
      await sql`delete from entry_bodies where process_id = ${w.pid} and idx >= ${size}`.execute(tx);
      await sql`delete from journal where process_id = ${w.pid} and idx >= ${size}`.execute(tx);
      await sql`delete from log_nodes where process_id = ${w.pid} and (idx + 1) * power(2, level) > ${size}`.execute(tx);
      await sql`delete from checkpoints where process_id = ${w.pid} and size > ${size}`.execute(tx);
      await sql`delete from sources where process_id = ${w.pid} and id in (${sql.join(records)})`.execute(tx);
      const rows = await sql<{ envelope: unknown }>`select envelope from journal where process_id = ${w.pid} order by idx`.execute(tx);
      const grown = appendToFrontier(
        0,
        [],
        rows.rows.map((r) => leafHash(canonicalBytes(r.envelope))),
      );
      await sql`update log_heads set size = ${size}, root = ${Buffer.from(grown.root)}, frontier = ${Buffer.concat(grown.frontier.map((h) => Buffer.from(h)))} where process_id = ${w.pid}`.execute(
        tx,
      );
    });
  }

  it('(6) a rollback with the later checkpoints deleted: only the checkpoint kept outside the database shows it', async () => {
    const w = await signedWorld();
    const first = (await signLatest(w.rt, w.pid)).checkpoint;
    for (const id of ['src-c', 'src-d']) expect((await call(w, 'POST', '/sources', 'mediator', build.source({ id }))).status).toBe(201);
    const second = (await signLatest(w.rt, w.pid)).checkpoint;
    expect(w.rt.integrity.mirror.read(w.pid)?.size).toBe(second.size);
    await rollBack(w, first.size, ['src-c', 'src-d']);
    // As after a restart: the server remembers nothing of the larger log; the database alone is self-consistent.
    w.rt.integrity.state.clear(w.pid);
    const findings = await expectNoticed(w, ['behind_external_checkpoint', 'checkpoint_missing']);
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(['behind_external_checkpoint', 'checkpoint_missing']));
  });

  it('(6b) a rolled-back log that grew again past the kept checkpoint is never signed', async () => {
    const w = await signedWorld();
    const first = (await signLatest(w.rt, w.pid)).checkpoint;
    expect((await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-c' }))).status).toBe(201);
    const second = (await signLatest(w.rt, w.pid)).checkpoint;
    await rollBack(w, first.size, ['src-c']);
    w.rt.integrity.state.clear(w.pid);
    // Before any check has run, writes still go in: another history grows past the signed size.
    for (const id of ['src-x', 'src-y']) expect((await call(w, 'POST', '/sources', 'mediator', build.source({ id }))).status).toBe(201);
    expect((await w.rt.log.head(w.pid))!.size).toBeGreaterThan(second.size);
    await expect(signLatest(w.rt, w.pid)).rejects.toMatchObject({ reason: 'log_integrity' });
    expect(w.rt.integrity.state.findings(w.pid).map((f) => f.kind)).toContain('external_checkpoint_mismatch');
    expect((await w.rt.log.latestCheckpoint(w.pid))!.size).toBe(first.size);
    await expectNoticed(w, ['external_checkpoint_mismatch', 'checkpoint_missing']);
  });

  it('(7) an edited entry body in entry_bodies', async () => {
    const w = await signedWorld();
    const idx = await idxOf(w, 'source', 'src-a');
    await asOperator(w, (tx) =>
      sql`update entry_bodies set body = jsonb_set(body, '{body,title}', '"Forged"') where process_id = ${w.pid} and idx = ${idx}`.execute(tx),
    );
    await expectNoticed(w, ['body_mismatch'], idx);
  });

  it('a deleted entry body that no redaction erased is noticed by the complete check', async () => {
    const w = await signedWorld();
    const idx = await idxOf(w, 'source', 'src-b');
    await asOperator(w, (tx) => sql`delete from entry_bodies where process_id = ${w.pid} and idx = ${idx}`.execute(tx));
    await expectNoticed(w, ['body_mismatch'], idx);
  });

  it('the watch checks on start and then periodically, and a sampled round sweeps a log larger than its sample', async () => {
    const w = await signedWorld();
    const deps = { ...w.rt, log: { ...w.rt.log, processIds: async () => [w.pid] } };
    const found: string[] = [];
    const watch = await startIntegrityWatch(deps, {
      seconds: 0.05,
      onFindings: (r) => found.push(...r.findings.map((f) => f.kind)),
      onError: (_p, err) => {
        throw err;
      },
    });
    expect(found).toEqual([]);
    expect(w.rt.integrity.state.report(w.pid)?.mode).toBe('complete');
    await asOperator(w, (tx) => sql`update sources set body = jsonb_set(body, '{title}', '"Forged"') where process_id = ${w.pid} and id = 'src-b'`.execute(tx));
    await vi.waitFor(() => expect(found).toContain('record_mismatch'), { timeout: 5000, interval: 50 });
    await watch.stop();
    expect((await call(w, 'POST', '/sources', 'mediator', build.source())).status).toBe(503);

    // Sampled with a sample smaller than the log: the sweep reaches every entry within a few rounds.
    w.rt.integrity.state.clear(w.pid);
    await checkIntegrity(w.rt, w.pid, { mode: 'sampled', sample: 3 });
    const size = (await w.rt.log.head(w.pid))!.size;
    const seen = new Set<string>();
    for (let round = 0; round < Math.ceil(size / 3) + 1; round++) {
      const { report } = await checkIntegrity(w.rt, w.pid, { mode: 'sampled', sample: 3 });
      expect(report.mode).toBe('sampled');
      for (const f of report.findings) seen.add(f.kind);
    }
    expect(seen).toContain('record_mismatch');
  });

  it('the kept checkpoint is a signed note beside the log key; a forged file is reported, not trusted', async () => {
    const w = await signedWorld();
    await signLatest(w.rt, w.pid);
    const path = w.rt.integrity.mirror.path(w.pid);
    expect(existsSync(path)).toBe(true);
    const kept = readFileSync(path, 'utf8');
    expect(kept).toBe(w.rt.integrity.mirror.read(w.pid)!.note);
    // A larger size under the old signature: whoever can write the file cannot sign for it.
    writeFileSync(
      path,
      kept.replace(/^(.*\n)(\d+)\n/, (_m, origin: string, size: string) => `${origin}${Number(size) + 1}\n`),
    );
    await expectNoticed(w, ['external_checkpoint_unreadable']);
  });
});
