import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { lazily } from './lazy-compile.ts';

/**
 * Bodies are validated strictly: an unknown field or a number sent as a string is an
 * error, never silently dropped or coerced. Query strings and path parameters arrive
 * as text, so only they are coerced.
 */
const strict = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes: false, strict: false });
const coercing = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes: 'array', strict: false });
addFormats.default(strict);
addFormats.default(coercing);

/**
 * RFC 3339 date-times that JavaScript's Date reads as the same instant: ajv's own format lets
 * through offsets up to ±23:59 and leap seconds (23:59:60), which Date turns into an invalid
 * time; real UTC offsets run from −12:00 to +14:00.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
export function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 23 || mi > 59 || sec > 59) return false;
  if (m[9]) {
    const offset = (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
    if (Number(m[11]) > 59 || offset < -12 * 60 || offset > 14 * 60) return false;
  }
  return Number.isFinite(Date.parse(s));
}
for (const ajv of [strict, coercing]) ajv.addFormat('date-time', { type: 'string', validate: isDateTime });

/** Each schema is compiled on its first use (lazy-compile.ts); Fastify reads a validator's `errors` from the function. */
export const schemaCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  const compiled = lazily(() => ajv.compile(schema as object));
  const validate = (data: unknown) => {
    const check = compiled();
    const ok = check(data);
    validate.errors = check.errors;
    return ok;
  };
  validate.errors = null as ErrorObject[] | null | undefined;
  return validate as ReturnType<FastifySchemaCompiler<unknown>>;
};
