import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLog } from './fixtures.ts';
import { verifyCheckpoint } from '../src/verifier.ts';
import { StateStore } from '../src/state.ts';
import { parsePolicy } from '../src/policy.ts';
import { parseCheckpoint, formatCheckpoint } from '../src/checkpoint.ts';
import { cosignatureTimestamp, cosignatureVerifier } from '../src/cosignature.ts';
import { openNote } from '../src/note.ts';
import { TlogError } from '../src/errors.ts';
import { leafHash } from '../src/hash.ts';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof TlogError) return e.code;
    throw e;
  }
}

async function codeAsync(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof TlogError) return e.code;
    throw e;
  }
}

describe('checkpoint bodies', () => {
  it('parse strictly', () => {
    const root = Buffer.alloc(32, 1).toString('base64');
    expect(parseCheckpoint(`o\n18446744073709551615\n${root}\next 1\n`).size).toBe(2n ** 64n - 1n);
    for (const bad of [
      `o\n012\n${root}\n`,
      `o\n-1\n${root}\n`,
      `o\n1e3\n${root}\n`,
      `o\n 12\n${root}\n`,
      `o\n18446744073709551616\n${root}\n`,
      `o\n12\n${Buffer.alloc(31).toString('base64')}\n`,
      `o\n12\n${root}`,
      `\n12\n${root}\n`,
      `o\n12\n`,
      `o\n12\n${root.replace('=', '')}\n`,
    ]) {
      expect(code(() => parseCheckpoint(bad))).toBe('bad_checkpoint');
    }
    const c = { origin: 'o', size: 5n, rootHash: new Uint8Array(32), extensions: ['a b'] };
    expect(parseCheckpoint(formatCheckpoint(c))).toEqual(c);
  });
});

describe('verifyCheckpoint', () => {
  const log = makeLog();
  for (let i = 0; i < 10; i++) log.tree.append(new Uint8Array([i]));

  it('accepts a log-signed checkpoint with a witness quorum', () => {
    const v = verifyCheckpoint(log.signed(), log.policy);
    expect(v.checkpoint.size).toBe(10n);
    expect(v.witnesses).toEqual(['witness1.example', 'witness2.example']);
  });

  it('checks cosignature timestamps and messages', () => {
    const note = openNote(log.signed(), [cosignatureVerifier(log.w1.verifierKey)]);
    const t = cosignatureTimestamp(note.verified[0]!.sig);
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('refuses when fewer witnesses than the quorum cosigned', () => {
    const strict = parsePolicy({ ...log.policyJson, quorum: 2 });
    expect(code(() => verifyCheckpoint(log.signed(10n, { witnesses: 1 }), strict))).toBe('quorum');
    expect(code(() => verifyCheckpoint(log.signed(10n, { witnesses: 0 }), log.policy))).toBe('quorum');
  });

  it('refuses a note without the log signature or from another origin', () => {
    const other = makeLog('other.example/log');
    expect(code(() => verifyCheckpoint(other.signed(), log.policy))).toBe('bad_signature');
    const renamed = parsePolicy({ ...log.policyJson, origin: 'elsewhere' });
    expect(code(() => verifyCheckpoint(log.signed(), renamed))).toBe('origin');
  });

  it('refuses a tampered checkpoint or cosignature', () => {
    const note = log.signed();
    expect(code(() => verifyCheckpoint(note.replace('\n10\n', '\n11\n'), log.policy))).toBe('bad_signature');
    const lines = note.split('\n');
    const last = lines[lines.length - 2]!;
    const tampered = last.slice(0, -6) + (last.slice(-6, -5) === 'A' ? 'B' : 'A') + last.slice(-5);
    expect(code(() => verifyCheckpoint(note.replace(last, tampered), log.policy))).toBe('bad_signature');
  });

  it('rejects bad policies', () => {
    expect(code(() => parsePolicy('{'))).toBe('bad_policy');
    expect(code(() => parsePolicy({ ...log.policyJson, quorum: 3 }))).toBe('bad_policy');
    expect(code(() => parsePolicy({ ...log.policyJson, witnesses: [log.w1.verifierKey, log.w1.verifierKey] }))).toBe('bad_policy');
    expect(code(() => parsePolicy({ log: log.w1.verifierKey }))).toBe('bad_key');
  });
});

describe('StateStore', () => {
  it('advances with consistency, refuses rollback, and records forks', async () => {
    const log = makeLog();
    for (let i = 0; i < 5; i++) log.tree.append(new Uint8Array([i]));
    const dir = mkdtempSync(join(tmpdir(), 'tlog-state-'));
    const store = new StateStore(dir);
    expect(await store.advance(verifyCheckpoint(log.signed(3n), log.policy))).toBe('new');
    expect(await store.advance(verifyCheckpoint(log.signed(3n), log.policy))).toBe('same');

    const v5 = verifyCheckpoint(log.signed(5n), log.policy);
    expect(await codeAsync(store.advance(v5))).toBe('bad_proof');
    expect(await store.advance(v5, log.tree.consistencyProof(3, 5))).toBe('advanced');
    expect(store.latest(log.origin)?.size).toBe(5n);

    expect(await codeAsync(store.advance(verifyCheckpoint(log.signed(4n), log.policy)))).toBe('rollback');
    expect(readdirSync(dir).filter((f) => f.startsWith('fork-evidence'))).toEqual([]);

    // A second tree signed by the same key at the same size: a fork.
    const forkRoot = leafHash(new Uint8Array([42]));
    const forked = log.signed(5n, { root: forkRoot });
    expect(await codeAsync(store.advance(verifyCheckpoint(forked, log.policy)))).toBe('fork');
    const evidence = join(dir, 'fork-evidence-example.com_parley-test-5.txt');
    const text = readFileSync(evidence, 'utf8');
    expect(text).toContain(log.signed(5n).split('\n\n')[0]);
    expect(text).toContain(forked.split('\n\n')[0]);

    // A larger checkpoint that does not extend the stored tree.
    for (let i = 5; i < 8; i++) log.tree.append(new Uint8Array([i]));
    const bogus = verifyCheckpoint(log.signed(8n, { root: forkRoot }), log.policy);
    expect(await codeAsync(store.advance(bogus, async (a, b) => log.tree.consistencyProof(a, b)))).toBe('fork');
    expect(readdirSync(dir)).toContain('fork-evidence-example.com_parley-test-8.txt');
    expect(store.latest(log.origin)?.size).toBe(5n);

    // Older checkpoints (from receipts) are checked as prefixes of the stored one.
    expect(await store.checkOlder(verifyCheckpoint(log.signed(2n), log.policy), log.tree.consistencyProof(2, 5))).toBe('consistent');
  });
});
