import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from './strict-json.ts';

const reasonOf = (text: string) => {
  try {
    parseStrictJson(text);
    return 'accepted';
  } catch (e) {
    return (e as { reason: string }).reason;
  }
};

describe('strict JSON', () => {
  it('reads what JSON.stringify writes exactly as JSON.parse does, when nothing would be lost', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n', '\u2028', ' ') });
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(text, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        const json = JSON.stringify(v);
        expect(parseStrictJson(json)).toEqual(JSON.parse(json));
      }),
    );
  });

  it('refuses what JSON.parse would alter or PostgreSQL refuse, with a stable reason', () => {
    expect(reasonOf('{"a":"\\u0000"}')).toBe('nul_character');
    expect(reasonOf('["\\ud800"]')).toBe('lone_surrogate');
    expect(reasonOf('["\\udc00\\ud800"]')).toBe('lone_surrogate');
    expect(reasonOf('["\\ud83d\\ude00"]')).toBe('accepted');
    for (const n of ['1e309', '-1e309', '1e-400', '9007199254740993', '-9007199254740993', '1.00000000000000000001', '1152921504606846976'])
      expect(reasonOf(`[${n}]`), n).toBe('number_out_of_range');
    for (const n of ['9007199254740991', '9007199254740992', '1e300', '5e-324', '0.1', '0.30000000000000004', '-0', '0e0', '1.50000000000000000000'])
      expect(reasonOf(`[${n}]`), n).toBe('accepted');
    expect(reasonOf(`${'['.repeat(64)}${']'.repeat(64)}`)).toBe('accepted');
    expect(reasonOf(`${'['.repeat(65)}${']'.repeat(65)}`)).toBe('too_deep');
    expect(reasonOf('{"a":1,"b":{"a":2},"a":3}')).toBe('duplicate_key');
    for (const bad of ['', ' ', '[1,]', '{"a":1,}', "{'a':1}", '[01]', '[1.]', '[NaN]', '"\t"', '[1] x', '{"a" 1}', '[tru]', '"\\x"'])
      expect(reasonOf(bad), bad).toBe('malformed_json');
  });

  it('keeps a "__proto__" key as a field, as JSON.parse does', () => {
    const v = parseStrictJson('{"__proto__":{"admin":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect((v as { admin?: boolean }).admin).toBeUndefined();
  });
});
