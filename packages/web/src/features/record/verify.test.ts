/**
 * The browser's receipt verifier, run in Node against receipts made by @parley/tlog itself
 * (the same createReceipt, signNote and cosignature code the server uses). Node 20 has
 * crypto.subtle with Ed25519, as Chromium does.
 */
import {
  computeCommitment,
  cosignatureSigner,
  cosignCheckpoint,
  createReceipt,
  ed25519Signer,
  envelopeLeafData,
  formatCheckpoint,
  generateCosignatureKey,
  generateNoteKey,
  MemoryTree,
  signNote,
  verifyReceipt as tlogVerifyReceipt,
  parsePolicy,
  type Envelope,
  type JsonValue,
} from '@parley/tlog';
import { describe, expect, it } from 'vitest';
import { checkWitness, commitmentOf, envelopeLeafHash, parseNote, readCheckpoint, tamperBody, toHex, verifyReceipt, type Receipt } from './verify.ts';

const ORIGIN = 'parley.test/minsk-2014';

function world(entries = 13) {
  const logKey = generateNoteKey(ORIGIN);
  const witnessKey = generateCosignatureKey('witness-ukr');
  const tree = new MemoryTree();
  const bodies: JsonValue[] = [];
  const salts: Uint8Array[] = [];
  const envelopes: Envelope[] = [];
  const add = (recordType: string, recordId: string, body: JsonValue) => {
    const salt = crypto.getRandomValues(new Uint8Array(32));
    const envelope: Envelope = {
      schema: 'parley/1',
      type: recordType,
      recordId,
      version: 1,
      supersedes: null,
      author: 'mediator',
      at: '2014-09-05T12:00:00.000Z',
      commitment: computeCommitment(body, salt),
    };
    tree.append(envelopeLeafData(envelope));
    bodies.push(body);
    salts.push(salt);
    envelopes.push(envelope);
    return bodies.length - 1;
  };
  for (let i = 0; i < entries; i++) add('party', `p${i}`, { names: { en: `Party ${i}`, uk: 'Україна' }, kind: 'state', n: i, aliases: ['x'] });
  const witnessAt = add('witness', 'witness-ukr', { name: 'witness-ukr', partyId: 'ukr', vkey: witnessKey.verifierKey, url: 'http://127.0.0.1:7380' });
  const text = formatCheckpoint({ origin: ORIGIN, size: tree.size, rootHash: tree.root(tree.size), extensions: [] });
  const note = signNote(text, [ed25519Signer(logKey.signerKey)]) + cosignCheckpoint(text, cosignatureSigner(witnessKey.signerKey));
  const receipt = (i: number, withBody = true) =>
    JSON.parse(
      JSON.stringify(
        createReceipt({
          envelope: envelopes[i]!,
          index: i,
          proof: tree.inclusionProof(i),
          checkpoint: note,
          ...(withBody ? { body: bodies[i]!, salt: salts[i]! } : {}),
        }),
      ),
    ) as Receipt;
  return { logKey, witnessKey, note, receipt, witnessAt, envelopes };
}

const statuses = (v: Awaited<ReturnType<typeof verifyReceipt>>) => Object.fromEntries(v.steps.map((s) => [s.id, s.status]));

describe('the browser receipt verifier', () => {
  it('agrees with tlog on commitments and leaf hashes', async () => {
    const w = world(3);
    const r = w.receipt(1);
    const salt = Buffer.from(r.salt!, 'base64url');
    expect(await commitmentOf(r.body, salt)).toBe(computeCommitment(r.body as JsonValue, salt));
    expect(await commitmentOf(r.body, salt)).toBe(r.envelope.commitment);
    const { leafHash } = await import('@parley/tlog');
    expect(toHex(await envelopeLeafHash(r.envelope))).toBe(Buffer.from(leafHash(envelopeLeafData(w.envelopes[1]!))).toString('hex'));
  });

  it('passes every step for every leaf of trees of several sizes, as tlog does', async () => {
    for (const n of [0, 1, 2, 6, 12]) {
      const w = world(n);
      for (let i = 0; i <= n; i++) {
        const r = w.receipt(i);
        expect(tlogVerifyReceipt(r as never, parsePolicy({ log: w.logKey.verifierKey, witnesses: [], quorum: 0 })).bodyVerified).toBe(true);
        const v = await verifyReceipt(r, w.logKey.verifierKey, ORIGIN);
        expect(statuses(v), `leaf ${i} of ${n + 1}`).toEqual({ commitment: 'pass', leaf: 'pass', inclusion: 'pass', signature: 'pass' });
        expect(v.ok && v.bodyVerified).toBe(true);
        expect(v.checkpoint?.size).toBe(BigInt(n + 1));
      }
    }
  });

  it('proves the envelope alone when the body is absent', async () => {
    const w = world(4);
    const v = await verifyReceipt(w.receipt(2, false), w.logKey.verifierKey);
    expect(statuses(v)).toEqual({ commitment: 'skip', leaf: 'pass', inclusion: 'pass', signature: 'pass' });
    expect(v.ok).toBe(true);
    expect(v.bodyVerified).toBe(false);
  });

  it('fails the commitment step, and only that step, when one field of the body is changed', async () => {
    const w = world(5);
    const tampered = tamperBody(w.receipt(3))!;
    expect(tampered.path).toBe('names.en');
    expect((tampered.receipt.body as { names: { en: string } }).names.en).toBe('Party 3 (altered)');
    expect((w.receipt(3).body as { names: { en: string } }).names.en).toBe('Party 3');
    const v = await verifyReceipt(tampered.receipt, w.logKey.verifierKey);
    expect(statuses(v)).toEqual({ commitment: 'fail', leaf: 'pass', inclusion: 'pass', signature: 'pass' });
    expect(v.steps[0]!.outcome).toBe('mismatch');
    expect(v.ok).toBe(false);
    expect(tamperBody(w.receipt(3, false))).toBeNull();
  });

  it('fails the proof on a changed envelope, index or proof, and the signature on a changed note or another key', async () => {
    const w = world(9);
    const t = async (f: (r: Receipt) => void, key = w.logKey.verifierKey, origin?: string) => {
      const r = w.receipt(4);
      f(r);
      return statuses(await verifyReceipt(r, key, origin));
    };
    expect(await t((r) => (r.envelope.version = 2))).toMatchObject({ commitment: 'pass', inclusion: 'fail', signature: 'pass' });
    expect(await t((r) => (r.index = '5'))).toMatchObject({ inclusion: 'fail' });
    expect(await t((r) => r.proof.reverse())).toMatchObject({ inclusion: 'fail' });
    expect(await t((r) => r.proof.pop())).toMatchObject({ inclusion: 'fail' });
    expect(await t((r) => (r.salt = 'not base64!'))).toMatchObject({ commitment: 'fail', inclusion: 'pass' });
    // A different root in the note: the proof no longer leads to it, and the signature no longer covers it.
    expect(
      await t((r) => (r.checkpoint = r.checkpoint.replace(/\n(.{43}=)\n/, (_, root: string) => `\n${root.startsWith('A') ? 'B' : 'A'}${root.slice(1)}\n`))),
    ).toMatchObject({
      inclusion: 'fail',
      signature: 'fail',
    });
    expect(await t(() => {}, generateNoteKey(ORIGIN).verifierKey)).toMatchObject({ signature: 'fail' });
    expect(await t(() => {}, w.logKey.verifierKey, 'parley.test/other')).toMatchObject({ signature: 'fail' });
    expect(await t(() => {}, w.logKey.verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toMatchObject({ signature: 'fail' });
  });

  it('reads the checkpoint: origin, size, log signature, and a witness cosignature checked under its registered key', async () => {
    const w = world(6);
    const cp = await readCheckpoint(w.note, w.logKey.verifierKey);
    expect(cp.checkpoint.origin).toBe(ORIGIN);
    expect(cp.checkpoint.size).toBe(7n); // six parties and the witness's registration
    expect(cp.logSignature).toBe(true);
    expect(cp.cosignatures.map((c) => c.name)).toEqual(['witness-ukr']);
    const check = await checkWitness(cp.note, cp.cosignatures[0]!, w.receipt(w.witnessAt), w.logKey.verifierKey, ORIGIN);
    expect(check).toMatchObject({ name: 'witness-ukr', partyId: 'ukr', registered: true, cosigned: true });
    expect(Number(check.time)).toBeGreaterThan(1_700_000_000);
    // Without its registration the cosignature cannot be checked; under another key it fails.
    expect(await checkWitness(cp.note, cp.cosignatures[0]!, null, w.logKey.verifierKey)).toMatchObject({ registered: false, cosigned: false });
    const other = w.receipt(w.witnessAt);
    // A registration whose body was swapped for another key fails its own commitment, so the key is not trusted.
    const forged = await checkWitness(
      parseNote(w.note),
      cp.cosignatures[0]!,
      { ...other, body: { ...(other.body as object), vkey: generateCosignatureKey('witness-ukr').verifierKey } },
      w.logKey.verifierKey,
    );
    expect(forged.cosigned).toBe(false);
    expect(forged.registered).toBe(false);
  });
});
