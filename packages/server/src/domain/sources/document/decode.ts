import { refuse } from './errors.ts';

/**
 * Bytes to text. A Unicode byte-order mark decides; then valid UTF-8 is UTF-8 (a text in a single-byte code page
 * is almost never valid UTF-8 by chance); then a declared charset (an HTML page's <meta charset>, or the charset of
 * the declared media type) is taken if the text it gives is plausible; failing that, the code page whose reading is
 * most plausible. Windows-1251 and KOI8 both decode any byte to some letter, so plausibility is judged on letters:
 * words in one script, in one of the cases words have (lower, Capitalised, UPPER), with the commonest Ukrainian and
 * Russian letters common, and few stray symbols.
 *
 * exchanges/list-file.ts reads CSV lists much the same way, but its decoder is private to it and reports bad lines
 * rather than refusing, so this is a small equivalent for whole documents.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r' | 'koi8-u' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** How much of a document its encoding is judged on: enough for any statistics, bounded for a 20 MiB upload. */
const SAMPLE_BYTES = 256 * 1024;

export function decodeText(bytes: Uint8Array, declared: string | undefined): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    throw refuse('document_encoding_unknown', 'The document is UTF-32 text, which Parley does not read; save it as UTF-8.');
  for (const [b0, b1, encoding] of [
    [0xff, 0xfe, 'utf-16le'],
    [0xfe, 0xff, 'utf-16be'],
  ] as const)
    if (bytes[0] === b0 && bytes[1] === b1) {
      let text: string;
      try {
        text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      } catch {
        throw refuse(
          'document_encoding_unknown',
          `The document starts as ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()} (it is cut off or damaged).`,
        );
      }
      assertText(text);
      return { text, encoding };
    }
  if (bytes.includes(0))
    throw refuse('document_not_text', 'The file has NUL bytes: it is binary, not text (or UTF-16 text without a byte-order mark; save it as UTF-8).');
  assertFewControls(bytes);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: one of the code pages, below.
  }
  if (body !== bytes) throw notUtf8(body, 'starts with a UTF-8 byte-order mark');
  const sample = body.subarray(0, SAMPLE_BYTES);
  const readings = CODE_PAGES.map((page) => ({ page, score: plausibility(page.decode(sample), page.script) }));
  const want = codePageOf(declared);
  const chosen =
    readings.find((r) => r.page.encoding === want && r.score !== null) ??
    readings.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || CODE_PAGES.indexOf(a.page) - CODE_PAGES.indexOf(b.page))[0];
  if (!chosen) {
    const utf8 = scanUtf8(body);
    if (utf8.multibyte > utf8.invalid) throw notUtf8(body, 'is mostly UTF-8');
    const said = declared && !want ? ` It declares the charset "${declared}", which Parley does not read.` : '';
    throw refuse(
      'document_encoding_unknown',
      `The document's encoding could not be recognised: read as UTF-8, Windows-1251, KOI8-R or Windows-1252 its letters make no sense.${said} Save it as UTF-8.`,
    );
  }
  const encoding = chosen.page.encoding === 'koi8-r' && sample.some((b) => KOI8_U_ONLY.includes(b)) ? 'koi8-u' : chosen.page.encoding;
  return { text: chosen.page.decode(body), encoding };
}

function notUtf8(body: Uint8Array, what: string) {
  const { invalid, first } = scanUtf8(body);
  return refuse(
    'document_encoding_unknown',
    `The document ${what} but has ${invalid.toLocaleString('en')} byte sequence${invalid === 1 ? '' : 's'} that are not (the first at byte ${first.toLocaleString('en')}): it mixes encodings, or is damaged. Save it again as UTF-8.`,
  );
}

/** Decoded text has no NUL and few other control characters; a document with them is binary data or damaged. */
export function assertText(text: string) {
  if (text.includes('\0')) throw refuse('document_not_text', 'The document has NUL characters: it is binary or damaged, not text.');
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  if (controls > text.length / 100) throw refuse('document_not_text', 'The document is full of control characters: it is binary, not text.');
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and the DOS end-of-file mark (0x1A); and DEL. */
const isControl = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a) || c === 0x7f;

function assertFewControls(bytes: Uint8Array) {
  let controls = 0;
  for (const b of bytes) if (isControl(b)) controls++;
  if (controls > bytes.length / 100) throw refuse('document_not_text', 'The file is full of control bytes: it is binary, not text.');
}

// ——— Code pages ———

interface CodePage {
  encoding: 'windows-1252' | 'windows-1251' | 'koi8-r';
  script: 'latin' | 'cyrillic';
  decode(b: Uint8Array): string;
}

/**
 * Node's TextDecoder reads 0x80–0x9F of Windows-1252 as C1 control characters; Windows puts punctuation there
 * (WHATWG's windows-1252, which is also what "iso-8859-1" means on the web). The five unassigned bytes stay controls.
 */
const W1252_80 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const latin1 = new TextDecoder('windows-1252');
const decode1252 = (b: Uint8Array) => latin1.decode(b).replace(/[\x80-\x9f]/gu, (c) => W1252_80[c.charCodeAt(0) - 0x80]!);

/** In order of preference when two readings are equally plausible (text whose only high bytes are quotes and dashes). */
const CODE_PAGES: readonly CodePage[] = [
  { encoding: 'windows-1252', script: 'latin', decode: decode1252 },
  { encoding: 'windows-1251', script: 'cyrillic', decode: (b) => new TextDecoder('windows-1251').decode(b) },
  // KOI8-U is KOI8-R with Ukrainian letters where KOI8-R has box drawing that no prose uses, so it reads both.
  { encoding: 'koi8-r', script: 'cyrillic', decode: (b) => new TextDecoder('koi8-u').decode(b) },
];
/** The bytes where KOI8-U has Ukrainian letters (є і ї ґ Є І Ї Ґ) and KOI8-R box drawing. */
const KOI8_U_ONLY = [0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd];

/** The code page a charset label names (WHATWG's labels for the pages Parley reads), or undefined. */
export function codePageOf(label: string | undefined): CodePage['encoding'] | undefined {
  const l = label?.trim().toLowerCase();
  if (!l) return undefined;
  if (['windows-1251', 'cp1251', 'x-cp1251'].includes(l)) return 'windows-1251';
  if (['koi8-r', 'koi8', 'koi', 'koi8_r', 'cskoi8r', 'koi8-u', 'koi8-ru'].includes(l)) return 'koi8-r';
  if (['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819'].includes(l))
    return 'windows-1252';
  return undefined;
}

/** Whether a label names UTF-8 or another encoding Parley reads by a byte-order mark, so that a text declaring it is not refused for the label. */
export const isKnownCharset = (label: string) => codePageOf(label) !== undefined || /^(?:utf-?8|unicode-1-1-utf-8|utf-16(?:le|be)?)$/iu.test(label.trim());

/** Punctuation and signs that prose has in either script; other non-ASCII non-letters count against a reading. */
const PROSE_SIGNS = new Set([...'\u00a0\u00ad–—‘’‚“”„«»…•·№°§©®™€±×½¼¾£¥¢¿¡′″']);

/**
 * How plausible a reading of the bytes is as prose, or null when it is not: its words with non-ASCII letters are
 * words of the page's script (and in a case words have), with few stray symbols, and for Cyrillic with the letter
 * frequencies of Ukrainian or Russian. A higher score is a more plausible reading.
 */
export function plausibility(text: string, script: CodePage['script']): number | null {
  let letters = 0;
  let good = 0;
  let cyrillic = 0;
  let common = 0;
  for (const [word] of text.matchAll(/\p{L}+/gu)) {
    if (!/[^\p{ASCII}]/u.test(word)) continue;
    letters += word.length;
    if (script === 'cyrillic') {
      if (/^\p{Script=Cyrillic}+$/u.test(word) && /^(?:\p{Lu}?\p{Ll}+|\p{Lu}+)$/u.test(word)) good += word.length;
      for (const c of word) if (/\p{Script=Cyrillic}/u.test(c)) cyrillic++;
      common += word.match(/[оеаинтсрвлкіОЕАИНТСРВЛКІ]/gu)?.length ?? 0;
    } else if (/^\p{Script=Latin}+$/u.test(word)) {
      // A Latin word has a few accented letters among plain ones; Cyrillic read as Latin is runs of accented letters.
      const runs = word.match(/[^\p{ASCII}]+/gu) ?? [];
      if (runs.every((r) => r.length <= 2) && /[a-z]/iu.test(word)) good += word.length;
      else if (word.length <= 2) good += word.length;
    }
  }
  let high = 0;
  let odd = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    high++;
    if (!/\p{L}/u.test(c) && !PROSE_SIGNS.has(c)) odd++;
  }
  const goodShare = letters ? good / letters : 1;
  const oddShare = high ? odd / high : 0;
  // Too few letters for frequencies to mean anything: only the shape of the words is judged.
  const commonShare = script === 'cyrillic' && cyrillic >= 40 ? common / cyrillic : 0.6;
  if (goodShare < 0.85 || oddShare > 0.05 || commonShare < 0.42) return null;
  return goodShare + commonShare - oddShare;
}

/** Per file, how many multi-byte UTF-8 sequences it has, how many bytes that are not UTF-8, and where the first is. */
function scanUtf8(b: Uint8Array) {
  let invalid = 0;
  let multibyte = 0;
  let first = -1;
  const cont = (i: number) => i < b.length && (b[i]! & 0xc0) === 0x80;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    let ok = n > 0;
    for (let k = 1; k <= n && ok; k++) ok = cont(i + k);
    if (ok && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! > 0x9f) || (c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! > 0x8f)))
      ok = false;
    if (ok) {
      multibyte++;
      i += n + 1;
    } else {
      if (first < 0) first = i;
      invalid++;
      i++;
    }
  }
  return { invalid, multibyte, first };
}
