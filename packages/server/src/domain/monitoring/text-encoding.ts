import { invalid } from '../shared/app-error.ts';

/**
 * Windows-1252 in and out. UCDP's API exports in that code page; reading it as UTF-8
 * would turn every en dash and curly quote into replacement characters, silently.
 *
 * Node 20's `new TextDecoder('windows-1252')` decodes as ISO-8859-1 (0x92 becomes the
 * control U+0092, not ’), so the 32 bytes where the two differ are mapped here.
 */

export interface Decoded {
  text: string;
  encoding: 'windows-1252' | 'utf-8';
}

/** Bytes that Windows-1252 leaves undefined: their presence means the file is in some other encoding. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const unreadable = (message: string) => invalid('file', 'unreadable_encoding', message);

/**
 * Decodes a file that should be Windows-1252. A UTF-8 file (BOM, or valid UTF-8 with
 * multi-byte sequences, which Windows-1252 text practically never is) is read as UTF-8
 * rather than turned into mojibake; UTF-16 and binary files are refused.
 */
export function decodeSourceFile(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw unreadable('The file is UTF-16; save it as Windows-1252 or UTF-8.');
  if (bytes.includes(0)) throw unreadable('The file contains NUL bytes: it is binary or UTF-16, not CSV text.');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes.some((b) => b >= 0x80)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // not UTF-8: the expected case, Windows-1252
    }
  }
  const bad = bytes.findIndex((b) => UNDEFINED_1252.has(b));
  if (bad >= 0) {
    const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
    throw unreadable(`Byte 0x${bytes[bad]!.toString(16)} on line ${line} is not a Windows-1252 character: the file is in another encoding.`);
  }
  return { text: decode1252(bytes), encoding: 'windows-1252' };
}

/** 0x80–0x9F; the rest of the upper half is identical to Unicode U+00A0–U+00FF. */
const C1 =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
const charOf = (b: number) => (b >= 0x80 && b < 0xa0 ? C1[b - 0x80]! : String.fromCharCode(b));

function decode1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, i + 8192)).replace(/[\x80-\x9f]/g, (c) => C1[c.charCodeAt(0) - 0x80]!);
  return out;
}

const HIGH = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) if (!UNDEFINED_1252.has(b)) HIGH.set(charOf(b), b);

/** Encodes text as Windows-1252; a character the code page lacks is an error naming it, never a silent '?'. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const b = code < 0x80 ? code : HIGH.get(ch);
    if (b === undefined) throw unreadable(`"${ch}" cannot be written in Windows-1252; export as UTF-8 instead.`);
    out[i++] = b;
  }
  return out.subarray(0, i);
}
