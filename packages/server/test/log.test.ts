import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytesEqual,
  canonicalBytes,
  formatCheckpoint,
  signNote,
  toBase64,
  computeCommitment,
  consistencyProof,
  createWitnessServer,
  decodeBase64Strict,
  generateCosignatureKey,
  cosignatureSigner,
  inclusionProof,
  leafHash,
  MemoryTree,
  MemoryWitnessStore,
  parsePolicy,
  treeRoot,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  verifyReceipt,
  Witness,
  type JsonValue,
} from '@parley/tlog';
import { main as verifyCli } from '../../tlog/src/cli.ts';
import { SYSTEM } from '../src/domain/shared/actor.ts';
import { buildApp } from '../src/http/app.ts';
import { auditLog } from '../src/use-cases/log/audit-log.ts';
import { signLatest } from '../src/use-cases/log/sign-checkpoint.ts';
import { createRecord } from '../src/use-cases/create-record.ts';
import { resource } from '../src/use-cases/resources.ts';
import { build, call, world, type World } from './support/world.ts';

/** Rebuilds the tree from the public entries alone, as an outside verifier would. */
async function recompute(w: World, pid = w.pid) {
  const head = (await w.rt.log.head(pid))!;
  const envelopes = await w.rt.log.envelopes(pid, 0, head.size);
  const tree = new MemoryTree();
  for (const e of envelopes) tree.append(canonicalBytes(e));
  return { head, envelopes, tree };
}

const policyOf = (w: World, witnesses: string[] = [], quorum = 0) => parsePolicy({ log: w.rt.logKeys.verifierKey(w.pid), witnesses, quorum });

async function startWitness(w: World, store = new MemoryWitnessStore()) {
  const keys = generateCosignatureKey(`witness-${Math.random().toString(36).slice(2, 8)}`);
  const witness = new Witness({
    signer: cosignatureSigner(keys.signerKey),
    logs: [{ origin: w.rt.logKeys.origin(w.pid), key: w.rt.logKeys.verifierKey(w.pid) }],
    store,
  });
  const server = createWitnessServer({ witness });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { keys, witness, store, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe(`tamper-evident log (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('puts every write of the foundation use cases in the log, and the root is the recomputed one', async () => {
    const ok = (r: { status: number; body: string }) => expect(r.status, r.body).toBeLessThan(300);
    ok(await call(w, 'POST', '/sources', 'analyst', build.source({ id: 'src-log' })));
    const meeting = await call(w, 'POST', '/meetings', 'mediator', build.meeting({ id: 'mtg-log', audience: 'public' }));
    ok(meeting);
    ok(await call(w, 'PUT', '/meetings/mtg-log', 'mediator', { ...build.meeting({ title: { en: 'Round two' } }), version: 1 }));
    ok(await call(w, 'POST', '/meetings/mtg-log/transitions', 'mediator', { to: 'scheduled', at: '2014-12-01', reason: 'Agreed by phone', version: 2 }));
    const inv = await call(w, 'POST', '/meetings/mtg-log/invitations', 'mediator', { partyId: 'ukr' });
    ok(inv);
    ok(await call(w, 'POST', `/invitations/${inv.json.id}/responses`, 'delegateUkr', { status: 'confirmed', at: '2014-12-02', version: inv.json.version }));
    ok(await call(w, 'POST', '/meetings/mtg-log/transitions', 'mediator', { to: 'in_progress', at: '2014-12-09', reason: 'Opened', version: 3 }));
    ok(await call(w, 'POST', '/meetings/mtg-log/attendance', 'mediator', { partyId: 'ukr', status: 'attended' }));
    ok(await call(w, 'POST', '/agreements', 'mediator', build.agreement({ id: 'agr-log' })));
    ok(await call(w, 'POST', '/agreements/agr-log/provisions', 'mediator', { number: '1', paraphrase: { en: 'Ceasefire' } }));

    const journal = await w.rt.store.reader.allJournal(w.pid);
    const { head, envelopes, tree } = await recompute(w);
    expect(head.size).toBe(journal.length);
    expect(journal.map((e) => e.idx)).toEqual(journal.map((_, i) => i));
    expect(envelopes.map((e) => [e.type, e.recordId, e.version])).toEqual(journal.map((j) => [j.recordType, j.recordId, j.version]));
    expect(new Set(journal.map((j) => j.recordType))).toEqual(
      new Set([
        'process',
        'party',
        'forum',
        'role_grant',
        'source',
        'meeting',
        'meeting_transition',
        'invitation',
        'invitation_response',
        'attendance',
        'agreement',
        'provision',
      ]),
    );
    expect(bytesEqual(tree.root(), head.root)).toBe(true);
    expect(bytesEqual(await treeRoot(w.rt.log.nodes(w.pid), head.size), head.root)).toBe(true);
    // Each body is what its envelope commits to, and each entry is provably in the tree.
    const salts = await sql<{
      idx: number;
      salt: Uint8Array;
      body: JsonValue;
    }>`select idx::int as idx, salt, body from entry_bodies where process_id = ${w.pid} order by idx`.execute(w.rt.handle.db);
    expect(salts.rows.length).toBe(head.size);
    for (const r of salts.rows) expect(computeCommitment(r.body, new Uint8Array(r.salt))).toBe(envelopes[r.idx]!.commitment);
    for (let i = 0; i < head.size; i++)
      verifyInclusion(i, head.size, leafHash(canonicalBytes(envelopes[i])), await inclusionProof(w.rt.log.nodes(w.pid), i, head.size), head.root);
    expect((await auditLog(w.rt, w.pid)).problems).toEqual([]);
  });

  it('keeps indices dense and the root right under 32 concurrent writers with random rollbacks', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) =>
        w.rt.store.write(w.pid, SYSTEM, async (uow) => {
          for (let k = 0; k <= i % 3; k++)
            await uow.insert('sources', 'source', {
              id: `src-cc${i}-${k}`,
              audience: 'public',
              audienceParty: null,
              owner: 'mediator' as const,
              parentId: null,
              status: null,
              sortOn: '2014-01-01',
              partyIds: [],
              body: { i, k },
            });
          if (Math.random() < 0.3) throw new Error('rolled back');
        }),
      ),
    );
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const journal = await w.rt.store.reader.allJournal(w.pid);
    expect(journal.map((e) => e.idx)).toEqual(journal.map((_, i) => i));
    const { head, tree } = await recompute(w);
    expect(head.size).toBe(journal.length);
    expect(bytesEqual(tree.root(), head.root)).toBe(true);
    expect((await auditLog(w.rt, w.pid)).problems).toEqual([]);
  });

  it('signs one root per size, and checkpoints prove each other consistent', async () => {
    const first = await signLatest(w.rt, w.pid);
    const again = await signLatest(w.rt, w.pid);
    expect(again.signed).toBe(false);
    expect(again.checkpoint.note).toBe(first.checkpoint.note);
    const v1 = verifyCheckpoint(first.checkpoint.note, policyOf(w));
    // A second root for a stored size is never kept, whoever tries.
    const forged = await w.rt.log.saveCheckpoint(w.pid, { size: first.checkpoint.size, root: new Uint8Array(32), note: 'forged' });
    expect(forged.note).toBe(first.checkpoint.note);

    await createRecord(w.rt, SYSTEM, w.pid, resource('source'), build.source({ id: 'src-after' }));
    expect((await call(w, 'POST', '/log/checkpoint', 'delegateUkr')).status).toBe(403);
    expect((await call(w, 'POST', '/log/checkpoint', 'anonymous')).status).toBe(401);
    const posted = await call(w, 'POST', '/log/checkpoint', 'mediator');
    expect(posted.status).toBe(201);
    const v2 = verifyCheckpoint(posted.body, policyOf(w));
    expect(v2.checkpoint.size).toBe(v1.checkpoint.size + 1n);
    const proof = await call(w, 'GET', `/log/proof/consistency?from=${v1.checkpoint.size}&to=${v2.checkpoint.size}`, 'anonymous');
    verifyConsistency(
      v1.checkpoint.size,
      v2.checkpoint.size,
      v1.checkpoint.rootHash,
      v2.checkpoint.rootHash,
      proof.json.proof.map((p: string) => decodeBase64Strict(p)),
    );
    const got = await call(w, 'GET', '/log/checkpoint', 'anonymous');
    expect(got.headers['content-type']).toMatch(/text\/plain/);
    expect(verifyCheckpoint(got.body, policyOf(w)).checkpoint.size).toBe(v2.checkpoint.size);
  });

  it('serves tiles and proofs, and refuses bad paths and sizes with a clear 4xx', async () => {
    const { head, tree } = await recompute(w);
    const tile = await w.app.inject({ method: 'GET', url: w.url(`/log/tile/0/000.p/${head.size}`) });
    expect(tile.statusCode).toBe(200);
    expect(tile.rawPayload.length).toBe(32 * head.size);
    expect(bytesEqual(new Uint8Array(tile.rawPayload.subarray(0, 32)), tree.leafHashAt(0))).toBe(true);
    const bundle = await w.app.inject({ method: 'GET', url: w.url(`/log/tile/entries/000.p/${head.size}`) });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body).not.toContain('"salt"');
    const inc = await call(w, 'GET', `/log/proof/inclusion?index=3&size=${head.size}`, 'anonymous');
    verifyInclusion(
      3,
      head.size,
      tree.leafHashAt(3),
      inc.json.proof.map((p: string) => decodeBase64Strict(p)),
      head.root,
    );

    const bad = async (path: string, status: number, reason?: string) => {
      const r = await call(w, 'GET', path, 'anonymous');
      expect(r.status, `${path}: ${r.body}`).toBe(status);
      if (reason) expect(r.json.error.reason).toBe(reason);
      return r;
    };
    await bad('/log/tile/0/0', 400, 'bad_tile_path');
    await bad('/log/tile/0/x000/001', 400, 'bad_tile_path');
    await bad('/log/tile/0/000.p/0', 400, 'bad_tile_path');
    await bad('/log/tile/64/000', 400, 'bad_tile_path');
    await bad('/log/tile/0/000', 404, 'beyond_tree');
    await bad(`/log/tile/0/000.p/${head.size + 1}`, 404, 'beyond_tree');
    await bad('/log/tile/1/000.p/1', 404, 'beyond_tree');
    await bad('/log/tile/entries/001.p/1', 404, 'beyond_tree');
    const zero = await bad(`/log/proof/consistency?from=0&to=${head.size}`, 400, 'empty_tree');
    expect(zero.json.error.message).toMatch(/proves nothing/);
    await bad('/log/proof/consistency?from=5&to=3', 400, 'from_after_to');
    await bad(`/log/proof/consistency?from=1&to=${head.size + 1}`, 400, 'beyond_tree');
    await bad('/log/proof/consistency?from=01&to=3', 400);
    await bad(`/log/proof/inclusion?index=${head.size}&size=${head.size}`, 400, 'bad_index');
    await bad(`/log/proof/inclusion?index=0&size=${head.size + 1}`, 400, 'beyond_tree');
    await bad('/log/proof/inclusion?index=-1&size=3', 400);
    await bad('/log/proof/inclusion?size=3', 400, 'missing_field');
    await bad('/api/processes/no-such-process/log/checkpoint', 404, 'not_found_or_no_access');
  });

  it('gives a receipt with body and salt only to readers of the record, and it verifies', async () => {
    const created = await call(w, 'POST', '/sources', 'delegateUkr', build.source({ audience: 'party', audienceParty: 'ukr', title: 'Confidential' }));
    const conf = created.json.id as string;
    expect(created.status, created.body).toBe(201);
    const policy = policyOf(w);
    const mine = await call(w, 'GET', `/log/records/source/${conf}/receipt`, 'delegateUkr');
    expect(mine.status, mine.body).toBe(200);
    expect(mine.json.body.body.title).toBe('Confidential');
    expect(verifyReceipt(mine.json, policy).bodyVerified).toBe(true);
    for (const who of ['delegateRus', 'anonymous'] as const) {
      const theirs = await call(w, 'GET', `/log/records/source/${conf}/receipt`, who);
      expect(theirs.status).toBe(200);
      expect(theirs.json.body).toBeUndefined();
      expect(theirs.json.salt).toBeUndefined();
      expect(verifyReceipt(theirs.json, policy).bodyVerified).toBe(false);
    }
    // A body altered after the fact no longer matches its commitment.
    expect(() => verifyReceipt({ ...mine.json, body: { ...mine.json.body, body: { title: 'Altered' } } }, policy)).toThrow(/commitment/);
    expect((await call(w, 'GET', '/log/records/source/no-such/receipt', 'mediator')).status).toBe(404);
    expect((await call(w, 'GET', `/log/records/nonsense/${conf}/receipt`, 'mediator')).status).toBe(404);
  });

  it('pushes checkpoints to registered witnesses, answers a 409 from the size the witness knows, and never waits on a dead one', async () => {
    const good = await startWitness(w);
    try {
      const reg = (who: 'delegateUkr' | 'delegateRus' | 'mediator', partyId: string, vkey: string, url: string) =>
        call(w, 'POST', '/log/witnesses', who, { partyId, vkey, url });
      expect((await reg('delegateRus', 'ukr', good.keys.verifierKey, good.url)).status).toBe(403);
      expect((await reg('delegateUkr', 'ukr', 'not a key', good.url)).status).toBe(400);
      const ok = await reg('delegateUkr', 'ukr', good.keys.verifierKey, good.url);
      expect(ok.status, ok.body).toBe(201);
      expect(ok.json.status).toBe('pending');
      const approved = await call(w, 'POST', `/log/witnesses/${ok.json.name}/approve`, 'mediator', { version: ok.json.version });
      expect(approved.json.status, approved.body).toBe('active');
      // The witness already holds a checkpoint Parley did not send it: the first push gets 409 and is retried.
      const early = await signLatest(w.rt, w.pid);
      await early.pushed;
      const dead = generateCosignatureKey('dead-witness');
      expect((await reg('mediator', 'rus', dead.verifierKey, 'http://127.0.0.1:9')).status).toBe(201);
      await createRecord(w.rt, SYSTEM, w.pid, resource('source'), build.source({ id: 'src-w1' }));
      const t0 = Date.now();
      const signed = await signLatest(w.rt, w.pid);
      expect(Date.now() - t0).toBeLessThan(2000);
      await signed.pushed;
      const policy = policyOf(w, [good.keys.verifierKey], 1);
      const note = (await call(w, 'GET', '/log/checkpoint', 'anonymous')).body;
      expect(verifyCheckpoint(note, policy).witnesses).toEqual([good.keys.verifierKey.split('+')[0]]);

      // The witness moves on without Parley (say, another node pushed to it): Parley's push gets 409 and retries from there.
      await createRecord(w.rt, SYSTEM, w.pid, resource('source'), build.source({ id: 'src-w2' }));
      const head = (await w.rt.log.head(w.pid))!;
      const from = (await good.store.get(w.rt.logKeys.origin(w.pid)))!.size;
      const text = formatCheckpoint({ origin: w.rt.logKeys.origin(w.pid), size: BigInt(head.size), rootHash: head.root, extensions: [] });
      const proofLines = (await consistencyProof(w.rt.log.nodes(w.pid), from, head.size)).map((h) => `${toBase64(h)}\n`).join('');
      expect((await good.witness.addCheckpoint(`old ${from}\n${proofLines}\n${signNote(text, [w.rt.logKeys.signer(w.pid)])}`)).status).toBe(200);
      const pushes: number[] = [];
      const client = w.rt.witnessClient;
      const later = await signLatest(
        { ...w.rt, witnessClient: { ...client, addCheckpoint: (url, old, proof, note) => (pushes.push(old), client.addCheckpoint(url, old, proof, note)) } },
        w.pid,
      );
      await later.pushed;
      expect(pushes.filter((old) => old === head.size)).toEqual([head.size]);
      expect((await w.rt.log.checkpointAt(w.pid, later.checkpoint.size))!.cosignatures.length).toBe(1);
    } finally {
      good.server.close();
    }
  });

  it('erases a record: body and salt gone, shown redacted, redaction logged, every proof still valid', async () => {
    const p = await call(w, 'POST', '/people', 'mediator', { names: { en: 'Detained person' }, audience: 'mediator' });
    const px = p.json.id as string;
    expect(p.status, p.body).toBe(201);
    const before = await call(w, 'GET', `/log/records/person/${px}/receipt`, 'mediator');
    expect(before.json.body).toBeDefined();
    const policy = policyOf(w);
    expect((await call(w, 'POST', `/log/records/person/${px}/redact`, 'delegateUkr', { reason: 'x' })).status).toBe(403);
    const r = await call(w, 'POST', `/log/records/person/${px}/redact`, 'mediator', { reason: 'Erasure request of the person concerned' });
    expect(r.status, r.body).toBe(200);
    expect(r.json.erasedEntries.length).toBe(1);
    const shown = await call(w, 'GET', `/people/${px}`, 'mediator');
    expect(shown.json.redacted.reason).toMatch(/Erasure/);
    expect(shown.json.names).toBeUndefined();
    const history = await call(w, 'GET', `/people/${px}/history`, 'mediator');
    expect(history.json.items[0].body).toBeNull();
    expect(JSON.stringify(await w.rt.store.reader.allJournal(w.pid))).not.toContain('Detained person');

    const { head, envelopes, tree } = await recompute(w);
    expect(bytesEqual(tree.root(), head.root)).toBe(true);
    expect(envelopes.at(-1)).toMatchObject({ type: 'redaction', recordId: `person/${px}` });
    const after = await call(w, 'GET', `/log/records/person/${px}/receipt?version=1`, 'mediator');
    expect(after.json.body).toBeUndefined();
    expect(verifyReceipt(after.json, policy).bodyVerified).toBe(false);
    // The receipt issued before erasure still verifies: the leaf never changed.
    expect(verifyReceipt(before.json, policy).bodyVerified).toBe(true);
    const cp = (await signLatest(w.rt, w.pid)).checkpoint;
    for (let i = 0; i < cp.size; i++) verifyInclusion(i, cp.size, tree.leafHashAt(i), await inclusionProof(w.rt.log.nodes(w.pid), i, cp.size), cp.root);
    expect((await auditLog(w.rt, w.pid)).problems).toEqual([]);
    expect((await call(w, 'POST', `/log/records/person/${px}/redact`, 'mediator', { reason: 'again' })).status).toBe(409);
  });

  it('lets parley-verify mirror the whole log over HTTP and recompute its root', async () => {
    await signLatest(w.rt, w.pid);
    const app = await buildApp(w.rt);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'parley-verify-'));
      writeFileSync(join(dir, 'policy.json'), JSON.stringify({ log: w.rt.logKeys.verifierKey(w.pid) }));
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/processes/${w.pid}/log`;
      const r = await verifyCli(['mirror', '--url', base, '--policy', join(dir, 'policy.json')]);
      expect(r.out).toMatch(/^Mirrored \d+ entries/);
      expect(r.code).toBe(0);
      const c = await verifyCli(['checkpoint', '--policy', join(dir, 'policy.json'), '--note', `${base}/checkpoint`, '--state', dir]);
      expect(c.code, c.out).toBe(0);
    } finally {
      await app.close();
    }
  });
});
