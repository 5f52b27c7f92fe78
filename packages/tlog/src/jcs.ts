import { TlogError } from './errors.ts';
import { utf8 } from './encoding.ts';

/*
 * RFC 8785 JSON Canonicalization Scheme. Leaf hashes are computed over these
 * bytes, so anything JSON.stringify would quietly drop or coerce (undefined,
 * NaN, Dates, class instances) is refused instead.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function serializeString(s: string): string {
  // ECMAScript's JSON.stringify escapes exactly as RFC 8785 asks (short escapes, lower-case \u00xx),
  // and does it natively; only lone surrogates, which it would escape, must be refused first.
  if (!(s as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new TlogError('bad_json', 'A string holds a lone surrogate.');
  return JSON.stringify(s);
}

function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TlogError('bad_json', `The number ${n} has no JSON form.`);
  // ECMAScript Number::toString is exactly the RFC 8785 number format (and maps -0 to "0").
  return String(n);
}

function serialize(v: unknown, depth: number): string {
  if (depth > 1000) throw new TlogError('bad_json', 'The JSON value is nested too deeply.');
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return serializeNumber(v);
    case 'string':
      return serializeString(v);
    case 'object': {
      if (Array.isArray(v)) return '[' + v.map((e) => serialize(e, depth + 1)).join(',') + ']';
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new TlogError('bad_json', 'Only plain objects can be canonicalized.');
      }
      const obj = v as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is what the RFC asks for.
      const keys = Object.keys(obj).sort();
      return (
        '{' +
        keys
          .map((k) => {
            if (obj[k] === undefined) throw new TlogError('bad_json', `The property "${k}" is undefined.`);
            return serializeString(k) + ':' + serialize(obj[k], depth + 1);
          })
          .join(',') +
        '}'
      );
    }
    default:
      throw new TlogError('bad_json', `A ${typeof v} value has no JSON form.`);
  }
}

export function canonicalize(value: unknown): string {
  return serialize(value, 0);
}

export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(serialize(value, 0));
}
