import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_REASON_DESCRIPTIONS, ERROR_REASONS, ErrorBody } from './errors.ts';

const docs = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('error reasons', () => {
  it('are the rows of the table in docs/errors.md, in order and with the same descriptions', () => {
    const rows = [...docs.matchAll(/^\| `([a-z0-9_]+)` +\| (.+?) *\|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(ERROR_REASON_DESCRIPTIONS));
  });

  it('are snake_case, each described by one sentence, and the error schema accepts exactly them', () => {
    for (const r of ERROR_REASONS) expect(r).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const d of Object.values(ERROR_REASON_DESCRIPTIONS)) expect(d).toMatch(/^[A-Z].*\.( \(warning\)\.)?$/);
    const reason = ErrorBody.properties.error.properties.reason;
    expect(reason.anyOf.map((x: { const: string }) => x.const)).toEqual(ERROR_REASONS);
  });
});
