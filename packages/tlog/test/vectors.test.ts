import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VECTORS, readVector } from './helpers.ts';
import { ed25519Signer, ed25519Verifier, openNote, parseNote, signNote } from '../src/note.ts';
import { computeKeyHash, ed25519PublicKey, ed25519Verify, parseVerifierKeyText } from '../src/keys.ts';
import { canonicalize } from '../src/jcs.ts';
import { TlogError } from '../src/errors.ts';

describe('signed-note known answers', () => {
  const v = JSON.parse(readVector('signed-note/vectors.json').toString('utf8')) as {
    'go-sumdb': { signerKey: string; verifierKey: string; keyIdHex: string; text: string; note: string };
    'c2sp-spec': { verifierKey: string; keyIdHex: string; note: string };
  };
  const go = v['go-sumdb'];
  const spec = v['c2sp-spec'];

  it('reproduces the Go sumdb note byte for byte', () => {
    const signer = ed25519Signer(go.signerKey);
    expect(signer.keyHash.toString(16).padStart(8, '0')).toBe(go.keyIdHex);
    expect(signNote(go.text, [signer])).toBe(go.note);
  });

  it('verifies the Go sumdb note and the C2SP spec example', () => {
    const a = openNote(go.note, [ed25519Verifier(go.verifierKey)]);
    expect(a.text).toBe(go.text);
    expect(a.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
    const b = openNote(spec.note, [ed25519Verifier(spec.verifierKey)]);
    expect(b.text).toBe('This is an example message.\n');
    expect(b.verified[0]!.keyHash.toString(16)).toBe(spec.keyIdHex);
  });

  it('computes key hashes from name and key', () => {
    const p = parseVerifierKeyText(spec.verifierKey);
    expect(computeKeyHash(p.name, p.type, p.key)).toBe(0x530d903a);
  });

  it('rejects malformed notes and unverifiable ones', () => {
    const verifier = ed25519Verifier(go.verifierKey);
    const reject = (note: string, code: string): void => {
      try {
        openNote(note, [verifier]);
        expect.unreachable(`accepted: ${JSON.stringify(note)}`);
      } catch (e) {
        expect((e as TlogError).code).toBe(code);
      }
    };
    const [text, sigs] = go.note.split('\n\n') as [string, string];
    reject(go.note.replace('\u2014', '-'), 'bad_note'); // hyphen instead of em dash
    reject(go.note.slice(0, -1), 'bad_note'); // no final newline
    reject(text + '\n', 'bad_note'); // no signatures
    reject('\n' + go.note, 'bad_note'); // leading empty line
    reject(text + '\n\n\n' + sigs, 'bad_note'); // empty line in the signature block
    reject(go.note.replace('If you', 'If\tyou'), 'bad_note'); // control character
    reject(go.note.replace('cryptography', 'cryptographY'), 'bad_signature'); // tampered text
    reject(go.note.replace('x08go', 'x08gp'), 'bad_signature'); // tampered signature
    reject(go.note + sigs.split('\n')[0] + '\n', 'bad_note'); // duplicate known signature
    const many = Array.from({ length: 101 }, () => '\u2014 other AAAAAAAA\n').join('');
    reject(text + '\n\n' + many, 'bad_note');
    // Only unknown signers: parse succeeds, verification finds no known key.
    reject(text + '\n\n\u2014 someone AAAAAAAA\n', 'bad_signature');
    expect(() => parseNote(text + '\n\n\u2014 some+one AAAAAAAA\n')).toThrow(TlogError);
  });

  it('ignores unknown signers next to a known one', () => {
    const note = go.note + '\u2014 stranger AAAAAAAAAAAA\n';
    expect(openNote(note, [ed25519Verifier(go.verifierKey)]).verified).toHaveLength(1);
  });

  it('rejects keys whose hash does not match', () => {
    expect(() => ed25519Verifier(go.verifierKey.replace('c74f20a3', 'c74f20a4'))).toThrow(/hash/);
    expect(() => ed25519Verifier(go.verifierKey.replace('PeterNeumann', 'PeterNeuman'))).toThrow(/hash/);
    expect(() => ed25519Signer(go.signerKey.replace('c74f20a3', 'c74f20a4'))).toThrow(/hash/);
  });
});

describe('RFC 8785 JCS vectors', () => {
  const dir = join(VECTORS, 'jcs/testdata');
  const files = readdirSync(join(dir, 'input')).sort();
  it('has input files', () => expect(files.length).toBeGreaterThan(0));
  it.each(files)('%s', (name) => {
    const input = JSON.parse(readFileSync(join(dir, 'input', name), 'utf8')) as unknown;
    const want = readFileSync(join(dir, 'output', name));
    expect(Buffer.from(canonicalize(input), 'utf8').equals(want)).toBe(true);
  });
  it('refuses values without a canonical form', () => {
    for (const bad of [NaN, Infinity, undefined, { a: undefined }, [1n], new Date(0), '\ud800', () => 1]) {
      expect(() => canonicalize(bad)).toThrow(TlogError);
    }
    expect(canonicalize({ b: -0, a: [1e21, 1e-7, 'é\u2028\u001f'] })).toBe('{"a":[1e+21,1e-7,"é\u2028\\u001f"],"b":0}');
  });
});

describe('Ed25519 edge cases (C2SP CCTV)', () => {
  const v = JSON.parse(readVector('ed25519/ed25519vectors.json').toString('utf8')) as Array<{
    number: number;
    key: string;
    sig: string;
    msg: string;
    flags: string[] | null;
  }>;
  const accepted = v.filter((t) => ed25519Verify(ed25519PublicKey(Buffer.from(t.key, 'hex')), Buffer.from(t.msg), Buffer.from(t.sig, 'hex')));

  it('pins how many edge cases node:crypto accepts', () => {
    expect(v).toHaveLength(914);
    expect(accepted).toHaveLength(208);
  });

  it('behaves like ref10: rejects exactly non_canonical_R and low_order_residue', () => {
    const expected = v.filter((t) => !(t.flags ?? []).some((f) => f === 'non_canonical_R' || f === 'low_order_residue'));
    expect(accepted.map((t) => t.number)).toEqual(expected.map((t) => t.number));
  });

  it('pins the flag combinations that are accepted', () => {
    const combos = new Map<string, number>();
    for (const t of accepted) {
      const k = [...(t.flags ?? [])].sort().join(',');
      combos.set(k, (combos.get(k) ?? 0) + 1);
    }
    expect(Object.fromEntries([...combos].sort())).toEqual(ACCEPTED_FLAG_SETS);
  });
});

// Computed with node:crypto (OpenSSL) on Node 20; a change here means the verifier's edge-case behaviour changed.
const ACCEPTED_FLAG_SETS: Record<string, number> = {
  '': 1,
  low_order_A: 1,
  'low_order_A,low_order_R': 1,
  'low_order_A,low_order_R,low_order_component_A': 7,
  'low_order_A,low_order_R,low_order_component_A,low_order_component_R': 35,
  'low_order_A,low_order_R,low_order_component_A,low_order_component_R,non_canonical_A': 7,
  'low_order_A,low_order_R,low_order_component_A,non_canonical_A': 3,
  'low_order_A,low_order_R,non_canonical_A': 3,
  'low_order_A,low_order_component_A': 7,
  'low_order_A,low_order_component_A,low_order_component_R': 35,
  'low_order_A,low_order_component_A,low_order_component_R,non_canonical_A': 7,
  'low_order_A,low_order_component_A,low_order_component_R,non_canonical_A,reencoded_k': 5,
  'low_order_A,low_order_component_A,non_canonical_A': 3,
  'low_order_A,low_order_component_A,non_canonical_A,reencoded_k': 2,
  'low_order_A,non_canonical_A': 3,
  'low_order_A,non_canonical_A,reencoded_k': 3,
  low_order_R: 1,
  'low_order_R,low_order_component_A': 7,
  'low_order_R,low_order_component_A,low_order_component_R': 35,
  low_order_component_A: 7,
  'low_order_component_A,low_order_component_R': 35,
};
