import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { makeLog } from './fixtures.ts';
import { FileWitnessStore, MemoryWitnessStore, Witness, createWitnessServer, type WitnessStore } from '../src/witness.ts';
import { cosignatureSigner, cosignatureVerifier, generateCosignatureKey } from '../src/cosignature.ts';
import { openNote, signNote, generateNoteKey, ed25519Signer } from '../src/note.ts';
import { toBase64 } from '../src/encoding.ts';

function request(oldSize: bigint | number, proof: Uint8Array[], note: string): string {
  return `old ${oldSize}\n${proof.map((h) => toBase64(h) + '\n').join('')}\n${note}`;
}

function setup(store: WitnessStore = new MemoryWitnessStore()) {
  const log = makeLog();
  for (let i = 0; i < 20; i++) log.tree.append(new Uint8Array([i]));
  const key = generateCosignatureKey('witness.test');
  const witness = new Witness({
    signer: cosignatureSigner(key.signerKey),
    logs: [{ origin: log.origin, key: log.logKey.verifierKey }],
    store,
  });
  const logNote = (size: bigint): string => signNote(log.checkpointText(size), [log.logSigner]);
  return { log, key, witness, logNote };
}

describe('witness add-checkpoint', () => {
  it('cosigns a first checkpoint and then consistent ones (200)', async () => {
    const { log, key, witness, logNote } = setup();
    const r1 = await witness.addCheckpoint(request(0, [], logNote(10n)));
    expect(r1.status).toBe(200);
    const cosigned = openNote(logNote(10n) + r1.body, [cosignatureVerifier(key.verifierKey)]);
    expect(cosigned.verified.map((s) => s.name)).toEqual(['witness.test']);

    const r2 = await witness.addCheckpoint(request(10, log.tree.consistencyProof(10, 15), logNote(15n)));
    expect(r2.status).toBe(200);
    // Same checkpoint again is fine and cosigned again.
    expect((await witness.addCheckpoint(request(15, [], logNote(15n)))).status).toBe(200);
  });

  it('answers 404 for unknown logs', async () => {
    const { witness } = setup();
    const other = makeLog('unknown.example/log');
    other.tree.append(new Uint8Array([1]));
    const r = await witness.addCheckpoint(request(0, [], signNote(other.checkpointText(), [other.logSigner])));
    expect(r.status).toBe(404);
  });

  it('answers 403 when the log signature does not verify', async () => {
    const { log, witness } = setup();
    const impostor = ed25519Signer(generateNoteKey(log.origin).signerKey);
    const r = await witness.addCheckpoint(request(0, [], signNote(log.checkpointText(5n), [impostor])));
    expect(r.status).toBe(403);
    const { logNote } = setup();
    const tampered = logNote(5n).replace('\n5\n', '\n6\n');
    expect((await witness.addCheckpoint(request(0, [], tampered))).status).toBe(403);
  });

  it('answers 409 with the current size when old size is stale', async () => {
    const { log, witness, logNote } = setup();
    expect((await witness.addCheckpoint(request(0, [], logNote(10n)))).status).toBe(200);
    const r = await witness.addCheckpoint(request(5, log.tree.consistencyProof(5, 15), logNote(15n)));
    expect(r).toEqual({ status: 409, body: '10\n', contentType: 'text/x.tlog.size' });
    const r0 = await witness.addCheckpoint(request(0, [], logNote(15n)));
    expect(r0.status).toBe(409);
  });

  it('answers 422 when the consistency proof fails', async () => {
    const { log, witness, logNote } = setup();
    await witness.addCheckpoint(request(0, [], logNote(10n)));
    const proof = log.tree.consistencyProof(10, 15);
    proof[0] = Uint8Array.from(proof[0]!, (b, i) => (i === 0 ? b ^ 1 : b));
    expect((await witness.addCheckpoint(request(10, proof, logNote(15n)))).status).toBe(422);
    expect((await witness.addCheckpoint(request(10, log.tree.consistencyProof(10, 14), logNote(15n)))).status).toBe(422);
  });

  it('answers 400 for malformed requests', async () => {
    const { witness, logNote } = setup();
    const note = logNote(10n);
    for (const body of [
      '',
      'old 0\n',
      `old x\n\n${note}`,
      `old 01\n\n${note}`,
      `new 0\n\n${note}`,
      `old 0\nnot base64!\n\n${note}`,
      `old 0\n${toBase64(new Uint8Array(31))}\n\n${note}`,
      `old 0\n\n${note.replace('\n\n', '\n')}`,
      `old 0\n\nno checkpoint here\n\n\u2014 x AAAAAAAA\n`,
    ]) {
      expect((await witness.addCheckpoint(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await witness.addCheckpoint(new Uint8Array([0x6f, 0xff]))).status).toBe(400);
    await witness.addCheckpoint(request(0, [], logNote(10n)));
    expect((await witness.addCheckpoint(request(10, [], logNote(5n)))).status).toBe(400);
  });

  it('persists state atomically in a JSON file and over HTTP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'witness-'));
    const file = join(dir, 'witness.json');
    const { log, witness, logNote } = setup(new FileWitnessStore(file));
    const server = createWitnessServer({ witness });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (body: string): Promise<Response> => fetch(`${url}/add-checkpoint`, { method: 'POST', body });
      const r1 = await post(request(0, [], logNote(12n)));
      expect(r1.status).toBe(200);
      expect(await r1.text()).toMatch(/^\u2014 witness\.test [A-Za-z0-9+/=]+\n$/);
      expect(JSON.parse(readFileSync(file, 'utf8')).logs[log.origin].size).toBe('12');
      const r2 = await post(request(3, [], logNote(12n)));
      expect(r2.status).toBe(409);
      expect(r2.headers.get('content-type')).toBe('text/x.tlog.size');
      expect(await r2.text()).toBe('12\n');
      expect((await fetch(`${url}/other`)).status).toBe(404);
      expect((await fetch(`${url}/add-checkpoint`)).status).toBe(405);
      // A fresh witness over the same file remembers the size.
      const again = new Witness({
        signer: cosignatureSigner(generateCosignatureKey('w2').signerKey),
        logs: [{ origin: log.origin, key: log.logKey.verifierKey }],
        store: new FileWitnessStore(file),
      });
      expect((await again.addCheckpoint(request(0, [], logNote(12n)))).status).toBe(409);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('serialises concurrent requests so only one advance wins', async () => {
    const { log, witness, logNote } = setup();
    await witness.addCheckpoint(request(0, [], logNote(10n)));
    const rs = await Promise.all([
      witness.addCheckpoint(request(10, log.tree.consistencyProof(10, 15), logNote(15n))),
      witness.addCheckpoint(request(10, log.tree.consistencyProof(10, 20), logNote(20n))),
    ]);
    expect(rs.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
