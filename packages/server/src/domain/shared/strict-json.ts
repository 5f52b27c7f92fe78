import { AppError, type ErrorReason } from './app-error.ts';

/**
 * JSON read strictly: anything JSON.parse would accept but store altered or the database
 * would refuse is an error with a stable reason and the JSON pointer of the value.
 * It is a scanner of its own because JSON.parse cannot be asked the questions: its reviver
 * (on Node 20) never sees the source text, so it cannot tell 9007199254740993 from
 * 9007199254740992, 1e309 from a number, or a repeated key from a single one (the last
 * silently wins), and it would give \u0000 and lone surrogates through to PostgreSQL,
 * which refuses both in jsonb.
 */

export const MAX_DEPTH = 64;

/** A pointer in the form Parley's errors use: segments joined by "/", RFC 6901 escapes, no leading slash. */
const pointer = (path: readonly (string | number)[]) => path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

const refuse = (reason: ErrorReason, message: string, path?: readonly (string | number)[], extra: Record<string, unknown> = {}) =>
  new AppError('validation', reason, message, path && path.length ? { field: pointer(path), ...extra } : extra);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- JSON strings end at a quote, a backslash or a control character
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A decimal number in one canonical spelling (significant digits and exponent), to compare what was sent with what is kept. */
function decimal(t: string): string {
  const m = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m) return t;
  const all = `${m[1]}${m[2] ?? ''}`.replace(/^0+/, '');
  const digits = all.replace(/0+$/, '');
  if (!digits) return '0';
  const exponent = Number(m[3] ?? 0) - (m[2]?.length ?? 0) + (all.length - digits.length);
  return `${t.startsWith('-') ? '-' : ''}${digits}e${exponent}`;
}

/** Refuses the text values PostgreSQL cannot store (NUL) or cannot encode (unpaired surrogates). */
export function assertStorableText(s: string, path: readonly (string | number)[] = []): void {
  if (s.includes('\u0000'))
    throw refuse('nul_character', `"${pointer(path) || 'the value'}" contains a NUL character (\\u0000), which Parley does not store.`, path);
  if (LONE_SURROGATE.test(s))
    throw refuse('lone_surrogate', `"${pointer(path) || 'the value'}" contains an unpaired UTF-16 surrogate, which is not a character.`, path);
}

/** Decodes UTF-8, refusing invalid bytes rather than replacing them with U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('invalid_utf8', 'The body is not valid UTF-8; Parley does not guess at or replace undecodable bytes.');
  }
}

class Scanner {
  i = 0;
  /** The pointer to the value being read, kept as one stack so reading allocates no paths. */
  readonly path: (string | number)[] = [];
  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  malformed(what: string): never {
    const at = this.i >= this.text.length ? 'the end' : `position ${this.i}`;
    throw refuse('malformed_json', `The body is not valid JSON: ${what} at ${at}.`, undefined, { offset: this.i });
  }

  ws() {
    let c = this.text.charCodeAt(this.i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = this.text.charCodeAt(++this.i);
  }

  value(depth: number): unknown {
    const path = this.path;
    this.ws();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      if (depth >= this.maxDepth) throw refuse('too_deep', `The body nests objects and arrays more than ${this.maxDepth} deep.`, path);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (this.text.startsWith(word, this.i)) return ((this.i += word.length), v);
    return this.malformed(c === undefined ? 'unexpected end' : 'unexpected character');
  }

  object(depth: number): Record<string, unknown> {
    const path = this.path;
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') return (this.i++, out);
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') this.malformed('expected a quoted key');
      const key = this.string();
      path.push(key);
      if (Object.hasOwn(out, key))
        throw refuse('duplicate_key', `The key "${key}" appears twice in the same object; JSON parsers disagree on which one counts.`, path);
      this.ws();
      if (this.text[this.i] !== ':') this.malformed('expected ":"');
      this.i++;
      // defineProperty, so a key "__proto__" is a field as JSON.parse makes it, never the prototype.
      Object.defineProperty(out, key, { value: this.value(depth), enumerable: true, writable: true, configurable: true });
      path.pop();
      this.ws();
      const c = this.text[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.malformed('expected "," or "}"');
    }
  }

  array(depth: number): unknown[] {
    const path = this.path;
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') return (this.i++, out);
    for (;;) {
      path.push(out.length);
      out.push(this.value(depth));
      path.pop();
      this.ws();
      const c = this.text[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.malformed('expected "," or "]"');
    }
  }

  string(): string {
    const path = this.path;
    let out = '';
    this.i++;
    for (;;) {
      PLAIN.lastIndex = this.i;
      PLAIN.test(this.text);
      out += this.text.slice(this.i, PLAIN.lastIndex);
      this.i = PLAIN.lastIndex;
      const c = this.text[this.i];
      if (c === '"') break;
      if (c === undefined) this.malformed('unterminated string');
      if (c !== '\\') {
        if (c === '\u0000') throw refuse('nul_character', `"${pointer(path) || 'the value'}" contains a NUL character, which Parley does not store.`, path);
        this.malformed('unescaped control character in a string');
      }
      const e = this.text[this.i + 1];
      const simple =
        e === undefined ? undefined : ({ '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e];
      if (simple !== undefined) {
        out += simple;
        this.i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.i + 2, this.i + 6), 16));
        this.i += 6;
      } else this.malformed('bad escape in a string');
    }
    this.i++;
    assertStorableText(out, path);
    return out;
  }

  number(): number {
    const path = this.path;
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m || m.index !== this.i) return this.malformed('bad number');
    this.i = NUMBER.lastIndex;
    const text = m[0];
    const v = Number(text);
    // Up to 15 characters without an exponent cannot overflow, underflow or lose a digit.
    if (text.length <= 15 && !/[eE]/.test(text)) return v;
    const where = pointer(path) || 'the body';
    if (!Number.isFinite(v)) throw refuse('number_out_of_range', `"${where}" is ${text}, beyond the range of numbers Parley stores.`, path);
    // What is stored is the double's shortest form: it must denote the very decimal that was sent.
    if (decimal(String(v)) !== decimal(text))
      throw refuse(
        'number_out_of_range',
        `"${where}" is ${text}, which a number cannot hold exactly (it would be stored as ${String(v)}); send fewer digits.`,
        path,
      );
    return v;
  }
}

/** Parses JSON text strictly (see above); `maxDepth` bounds how deep objects and arrays may nest. */
export function parseStrictJson(text: string, maxDepth = MAX_DEPTH): unknown {
  const s = new Scanner(text, maxDepth);
  if (s.text.trim() === '') s.malformed('empty body');
  const value = s.value(0);
  s.ws();
  if (s.i < s.text.length) s.malformed('text after the value');
  return value;
}
