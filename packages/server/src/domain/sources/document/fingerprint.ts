import { invalid } from '../../shared/app-error.ts';

/**
 * Near-duplicate detection by MinHash over word shingles: the share of the 256 hash functions whose minimum over two
 * texts' shingles agrees estimates the Jaccard resemblance |A ∩ B| / |A ∪ B| of their shingle sets (Broder 1997).
 * The same wire story run by two outlets, with its own intro line and footer, shares most of its shingles; two
 * different articles on the same event share almost none, though they share many words.
 *
 * The stored form, version 1 ("mh1"), is `mh1:<shingles>:<512 hex digits>`: the number of distinct shingles, then
 * the lowest 8 bits of each of the 256 minima ("b-bit MinHash", Li and König 2010), two hex digits each. Keeping
 * 8 bits of each costs 1/256 of chance agreement, which `resemblance` takes out; the estimate's standard error is
 * about 0.025 near the threshold. The shingle counts bound the resemblance too: two sets of 100 and 300 shingles
 * share at most a third of their union. The algorithm below is part of the format: changing the tokens, the shingle
 * width, the hash or the seeds makes a new version, as stored fingerprints could no longer be compared.
 */

export interface Fingerprint {
  version: 'mh1';
  /** Distinct shingles of the text (0 for a text without words). */
  shingles: number;
  /** The lowest 8 bits of the minimum of each of the 256 hash functions; empty for a text without words. */
  minima: Uint8Array;
}

/**
 * Two texts at least this alike are the same report. In the test beside this file a wire story of some 450 words,
 * printed by a paper with its own intro line and footer instead of the agency's dateline and credit line, resembles
 * the agency's text at 0.90 (exactly; the estimate is within 0.03), and an article of the same length on the same
 * exchange, with the same names, at 0.01. A copy of N words with c words changed on each side resembles the original
 * at about N / (N + 2c), so 0.8 lets each side differ in about an eighth of its words: some 55 in a 450-word story,
 * but only 25 in a 200-word brief. Copies cut or rewritten more than that fall below it, and are left for people to link.
 */
export const NEAR_DUPLICATE = 0.8;

const HASHES = 256;
/** Shingles of three words: two are common phrases ("the ceasefire"), four lose too much to each small edit. */
const WIDTH = 3;
/** Texts are compared on their first 100,000 words: enough for any report, and bounded work for a long PDF. */
const MAX_WORDS = 100_000;
const TOKEN = /[\p{L}\p{N}]+/gu;

export function fingerprint(text: string): string {
  const words: string[] = [];
  for (const [w] of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    // "ё" is written "е" in most Russian print; the same copy may have either.
    words.push(w.replace(/ё/gu, 'е'));
    if (words.length >= MAX_WORDS) break;
  }
  const seen = new Set<number>();
  const minima = new Uint32Array(HASHES).fill(0xffffffff);
  const count = Math.max(words.length ? 1 : 0, words.length - WIDTH + 1);
  for (let i = 0; i < count; i++) {
    const h1 = fnv1a(words.slice(i, i + WIDTH).join(' '));
    if (seen.has(h1)) continue;
    seen.add(h1);
    // Kirsch–Mitzenmacher: the k-th hash is a mix of h1 + k·h2, as good for MinHash as independent hashes.
    const h2 = fmix32(h1 ^ 0x9e3779b9) | 1;
    for (let k = 0; k < HASHES; k++) {
      const v = fmix32((h1 + Math.imul(k, h2)) >>> 0);
      if (v < minima[k]!) minima[k] = v;
    }
  }
  if (!seen.size) return 'mh1:0:';
  let hex = '';
  for (const m of minima) hex += (m & 0xff).toString(16).padStart(2, '0');
  return `mh1:${seen.size}:${hex}`;
}

export function parseFingerprint(s: string): Fingerprint {
  const m = /^mh1:(0|[1-9]\d{0,9}):((?:[0-9a-f]{2}){256})?$/u.exec(s);
  if (!m || (m[1] === '0') !== (m[2] === undefined))
    throw invalid(
      'fingerprint',
      'invalid_format',
      `"${s.slice(0, 40)}${s.length > 40 ? '…' : ''}" is not a document fingerprint (mh1:<shingles>:<512 hex digits>).`,
    );
  const hex = m[2] ?? '';
  const minima = new Uint8Array(hex.length / 2);
  for (let k = 0; k < minima.length; k++) minima[k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
  return { version: 'mh1', shingles: Number(m[1]), minima };
}

/** 0..1: the estimated share of the two texts' shingles that both have. A text without words resembles nothing. */
export function resemblance(a: string, b: string): number {
  const fa = parseFingerprint(a);
  const fb = parseFingerprint(b);
  if (!fa.shingles || !fb.shingles) return 0;
  let agree = 0;
  for (let k = 0; k < HASHES; k++) if (fa.minima[k] === fb.minima[k]) agree++;
  const chance = 1 / 256;
  const estimate = Math.max(0, (agree / HASHES - chance) / (1 - chance));
  const bound = Math.min(fa.shingles, fb.shingles) / Math.max(fa.shingles, fb.shingles);
  return Math.min(1, estimate, bound);
}

/** FNV-1a over the UTF-16 code units, then mixed: a 32-bit hash of a shingle. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
