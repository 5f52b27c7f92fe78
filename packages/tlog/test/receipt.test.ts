import { describe, expect, it } from 'vitest';
import { makeLog } from './fixtures.ts';
import { computeCommitment, createReceipt, envelopeLeafData, receiptToTlogProof, verifyReceipt, type Envelope, type Receipt } from '../src/receipt.ts';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from '../src/tlogproof.ts';
import { TlogError } from '../src/errors.ts';
import type { JsonValue } from '../src/jcs.ts';

function build() {
  const log = makeLog();
  const bodies: JsonValue[] = [];
  const salts: Uint8Array[] = [];
  const envelopes: Envelope[] = [];
  for (let i = 0; i < 13; i++) {
    const body = { message: `hello ${i}`, n: i, nested: { z: [1, 2], a: 'é' } };
    const salt = new Uint8Array(16).fill(i + 1);
    const envelope: Envelope = { v: 1, kind: 'message', commitment: computeCommitment(body, salt), seq: i };
    log.tree.append(envelopeLeafData(envelope));
    bodies.push(body);
    salts.push(salt);
    envelopes.push(envelope);
  }
  const i = 6;
  const receipt = createReceipt({
    envelope: envelopes[i]!,
    index: i,
    proof: log.tree.inclusionProof(i),
    checkpoint: log.signed(),
    body: bodies[i]!,
    salt: salts[i]!,
  });
  return { log, receipt };
}

function fails(r: Receipt | string, policy: ReturnType<typeof makeLog>['policy']): string {
  try {
    verifyReceipt(typeof r === 'string' ? r : (JSON.parse(JSON.stringify(r)) as Receipt), policy);
    return 'accepted';
  } catch (e) {
    if (e instanceof TlogError) return e.code;
    throw e;
  }
}

describe('receipts', () => {
  it('verify end to end, with and without the body', () => {
    const { log, receipt } = build();
    const v = verifyReceipt(JSON.stringify(receipt), log.policy);
    expect(v.bodyVerified).toBe(true);
    expect(v.index).toBe(6n);
    const { body: _b, salt: _s, ...erased } = receipt;
    expect(verifyReceipt(erased as Receipt, log.policy).bodyVerified).toBe(false);
  });

  it('fail after any tamper', () => {
    const { log, receipt } = build();
    const p = log.policy;
    const clone = (): Receipt => JSON.parse(JSON.stringify(receipt)) as Receipt;
    const t = (f: (r: Receipt) => void): string => {
      const r = clone();
      f(r);
      return fails(r, p);
    };
    expect(t((r) => ((r.body as { message: string }).message = 'hullo 6'))).toBe('bad_receipt');
    expect(t((r) => (r.salt = r.salt!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))))).not.toBe('accepted');
    expect(t((r) => delete r.salt)).toBe('bad_receipt');
    expect(t((r) => (r.envelope.seq = 7))).toBe('bad_proof');
    expect(t((r) => (r.envelope.extra = true))).toBe('bad_proof');
    expect(t((r) => (r.index = '5'))).toBe('bad_proof');
    expect(t((r) => (r.index = '06'))).toBe('bad_size');
    expect(t((r) => r.proof.reverse())).toBe('bad_proof');
    expect(t((r) => r.proof.pop())).toBe('bad_proof');
    expect(t((r) => (r.proof[0] = r.proof[1]!))).toBe('bad_proof');
    expect(t((r) => (r.checkpoint = r.checkpoint.replace('\n13\n', '\n14\n')))).toBe('bad_signature');
    expect(t((r) => (r.checkpoint = log.signed(12n)))).toBe('bad_proof');
    expect(t((r) => (r.checkpoint = log.signed(13n, { witnesses: 0 })))).toBe('quorum');
    expect(t((r) => (r.format = 'other' as never))).toBe('bad_receipt');
    // A different body with a matching commitment needs a preimage; a commitment swap breaks the leaf.
    expect(t((r) => (r.envelope.commitment = computeCommitment(r.body!, new Uint8Array(16))))).toBe('bad_receipt');
  });
});

describe('c2sp tlog-proof', () => {
  it('round-trips and verifies the receipt in tlog-proof form', () => {
    const { log, receipt } = build();
    const text = receiptToTlogProof(receipt);
    expect(text.startsWith('c2sp.org/tlog-proof@v1\nextra ')).toBe(true);
    const parsed = parseTlogProof(text);
    expect(parsed.index).toBe(6n);
    expect(formatTlogProof(parsed)).toBe(text);
    const v = verifyTlogProof(text, parsed.extra!, log.policy);
    expect(v.checkpoint.size).toBe(13n);
    expect(() => verifyTlogProof(text, new Uint8Array([1]), log.policy)).toThrow(TlogError);
    expect(() => verifyTlogProof(text.replace('index 6', 'index 7'), parsed.extra!, log.policy)).toThrow(TlogError);
    for (const bad of [text.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'), text.replace('index 6', 'index x'), text.replace('\n\n', '\n')]) {
      expect(() => parseTlogProof(bad)).toThrow(TlogError);
    }
  });
});
