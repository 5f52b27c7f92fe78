import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { makeLog } from './fixtures.ts';
import { buildTile, encodeEntryBundle, parseTilePath, TILE_WIDTH } from '../src/tiles.ts';
import { TileHashReader } from '../src/tilereader.ts';
import { consistencyProof, inclusionProof } from '../src/proof.ts';
import { mirrorLog } from '../src/mirror.ts';
import { main } from '../src/cli.ts';
import { computeCommitment, createReceipt, envelopeLeafData, receiptToTlogProof, type Envelope } from '../src/receipt.ts';
import { toBase64 } from '../src/encoding.ts';
import { TlogError } from '../src/errors.ts';

/** A static tlog-tiles server over a MemoryTree, with knobs to misbehave. */
function serve(log: ReturnType<typeof makeLog>, entries: Uint8Array[]) {
  const state = { size: log.tree.size, dropPartials: false, corruptTile: '', badRoot: false };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').slice(1);
      if (path === 'checkpoint') {
        return res.end(log.signed(state.size, state.badRoot ? { root: new Uint8Array(32) } : {}));
      }
      let t;
      try {
        t = parseTilePath(path);
      } catch {
        res.statusCode = 404;
        return res.end();
      }
      const first = Number(t.index) * TILE_WIDTH;
      // Like a real log that deletes partial tiles once the full tile exists.
      const rowCount = Number(log.tree.size) >> (t.level === 'entries' ? 0 : 8 * t.level);
      if (t.width < TILE_WIDTH && state.dropPartials && first + TILE_WIDTH <= rowCount) {
        res.statusCode = 404;
        return res.end();
      }
      let body: Uint8Array;
      if (t.level === 'entries') {
        if (first + t.width > entries.length) return ((res.statusCode = 404), res.end());
        body = encodeEntryBundle(entries.slice(first, first + t.width));
      } else {
        try {
          body = await buildTile(log.tree, t);
        } catch {
          res.statusCode = 404;
          return res.end();
        }
        if (path === state.corruptTile) body[5]! ^= 1;
      }
      res.end(body);
    })();
  });
  return { server, state };
}

describe('tiles over HTTP, mirror and CLI', () => {
  const log = makeLog();
  const entries: Uint8Array[] = [];
  const envelopes: Envelope[] = [];
  const salt = new Uint8Array(16).fill(3);
  for (let i = 0; i < 66_000; i++) {
    const envelope: Envelope = { commitment: computeCommitment({ i }, salt), i };
    const data = envelopeLeafData(envelope);
    envelopes.push(envelope);
    entries.push(data);
    log.tree.append(data);
  }
  const { server, state } = serve(log, entries);
  let base = '';
  const dir = mkdtempSync(join(tmpdir(), 'tlog-cli-'));
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(log.policyJson));

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('TileHashReader serves proofs equal to the in-memory ones', async () => {
    const reader = new TileHashReader(base, 66_000n);
    expect(await consistencyProof(reader, 1000n, 66_000n)).toEqual(log.tree.consistencyProof(1000, 66_000));
    expect(await inclusionProof(reader, 65_537n, 66_000n)).toEqual(log.tree.inclusionProof(65_537, 66_000));
    const older = new TileHashReader(base, 65_800n);
    expect(await consistencyProof(older, 300n, 65_800n)).toEqual(log.tree.consistencyProof(300, 65_800));
  });

  it('mirrors the log and recomputes the signed root', async () => {
    const r = await mirrorLog(base, log.policy);
    expect(r.entries).toBe(66_000n);
    expect(r.tilesChecked).toBe(258 + 2 + 1);
    state.dropPartials = true;
    state.size = 65_700n;
    try {
      // Without the partial tiles the mirror falls back to the full ones.
      expect((await mirrorLog(base, log.policy)).entries).toBe(65_700n);
    } finally {
      state.dropPartials = false;
      state.size = 66_000n;
    }
    // A signed root that the entries do not produce.
    state.badRoot = true;
    try {
      await expect(mirrorLog(base, log.policy)).rejects.toThrow(/root recomputed from the entries differs/);
    } finally {
      state.badRoot = false;
    }
    await expect(mirrorLog(base, makeLog().policy)).rejects.toThrow(TlogError);
    state.corruptTile = 'tile/1/000';
    try {
      await expect(mirrorLog(base, log.policy)).rejects.toThrow(/tile\/1\/000 differs/);
    } finally {
      state.corruptTile = '';
    }
  });

  it('parley-verify checkpoint, consistency, receipt and mirror', async () => {
    const stateDir = join(dir, 'state');
    state.size = 1000n;
    let r = await main(['checkpoint', '--policy', policyFile, '--note', `${base}/checkpoint`, '--state', stateDir]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/first seen/);
    state.size = 66_000n;
    r = await main(['checkpoint', '--policy', policyFile, '--note', `${base}/checkpoint`, '--state', stateDir]);
    expect(r.out).toMatch(/consistent with the stored checkpoint/);
    expect(r.code).toBe(0);

    state.size = 900n;
    r = await main(['checkpoint', '--policy', policyFile, '--note', `${base}/checkpoint`, '--state', stateDir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/rollback/);
    state.size = 66_000n;

    const oldNote = join(dir, 'old.note');
    const newNote = join(dir, 'new.note');
    const proofFile = join(dir, 'proof.txt');
    writeFileSync(oldNote, log.signed(500n));
    writeFileSync(newNote, log.signed(66_000n));
    writeFileSync(proofFile, log.tree.consistencyProof(500, 66_000).map(toBase64).join('\n') + '\n');
    expect((await main(['consistency', '--policy', policyFile, '--old', oldNote, '--new', newNote, '--proof', proofFile])).code).toBe(0);
    expect((await main(['consistency', '--policy', policyFile, '--old', oldNote, '--new', newNote, '--url', base])).code).toBe(0);
    writeFileSync(proofFile, log.tree.consistencyProof(501, 66_000).map(toBase64).join('\n') + '\n');
    expect((await main(['consistency', '--policy', policyFile, '--old', oldNote, '--new', newNote, '--proof', proofFile])).code).toBe(1);

    const i = 4242;
    const receipt = createReceipt({
      envelope: envelopes[i]!,
      index: i,
      proof: log.tree.inclusionProof(i, 5000),
      checkpoint: log.signed(2000n),
      body: { i },
      salt,
    });
    const receiptFile = join(dir, 'receipt.json');
    writeFileSync(receiptFile, JSON.stringify(receipt));
    r = await main(['receipt', '--policy', policyFile, '--receipt', receiptFile]);
    expect(r.code).toBe(1); // index 4242 is not inside a checkpoint of size 2000
    const good = createReceipt({
      ...receipt,
      proof: log.tree.inclusionProof(i, 5000),
      checkpoint: log.signed(5000n),
      envelope: envelopes[i]!,
      index: i,
      body: { i },
      salt,
    });
    writeFileSync(receiptFile, JSON.stringify(good));
    r = await main(['receipt', '--policy', policyFile, '--receipt', receiptFile, '--state', stateDir, '--url', base]);
    expect(r.out).toMatch(/body matches/);
    expect(r.code).toBe(0);
    const proofText = join(dir, 'entry.tlog-proof');
    writeFileSync(proofText, receiptToTlogProof(good));
    expect((await main(['receipt', '--policy', policyFile, '--receipt', proofText])).code).toBe(0);

    expect((await main(['mirror', '--url', base, '--policy', policyFile])).code).toBe(0);
    expect((await main(['bogus'])).code).toBe(2);
    expect((await main(['checkpoint', '--policy', policyFile])).code).toBe(2);
  });

  it('runs as a process with exit codes', () => {
    const cli = new URL('../src/cli.ts', import.meta.url).pathname;
    const bad = join(dir, 'bad.note');
    writeFileSync(bad, 'not a note\n');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', cli, 'checkpoint', '--policy', policyFile, '--note', bad], { stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/^Verification failed \(bad_note\)/);
    const good = join(dir, 'good.note');
    writeFileSync(good, log.signed(10n));
    const out = execFileSync(process.execPath, ['--import', 'tsx', cli, 'checkpoint', '--policy', policyFile, '--note', good]);
    expect(String(out)).toMatch(/^Verified checkpoint example\.com\/parley-test at size 10/);
  });
});
