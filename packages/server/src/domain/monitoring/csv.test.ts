import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFormula, parseCsv, stringifyCsv, unescapeFormula } from './csv.ts';

describe('RFC 4180 CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers lines', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n3,,last';
    const { records, problem } = parseCsv(text);
    expect(problem).toBeUndefined();
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', ''] },
      { line: 5, fields: ['3', '', 'last'] },
    ]);
  });

  it('reports a truncated file at the line its broken record starts, keeping the records before', () => {
    const { records, problem } = parseCsv('a,b\n1,2\n3,"cut\noff');
    expect(records).toHaveLength(2);
    expect(problem).toMatchObject({ line: 3, reason: 'unterminated_quote' });
  });

  it('refuses quotes that RFC 4180 does not allow', () => {
    expect(parseCsv('a,b"c\n').problem).toMatchObject({ line: 1, reason: 'stray_quote' });
    expect(parseCsv('x\n"a"b,c\n').problem).toMatchObject({ line: 2, reason: 'stray_quote' });
  });

  it('gives back any table it wrote', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '–', '=', '+', '-', '@', '\t', "'", '1', '.', 'e') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(stringifyCsv(rows)).records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('escapes formula-leading cells (OWASP) but not plain numbers, and the import undoes it', () => {
    const row = ['=HYPERLINK("http://x","y")', '+cmd|x', '-2+3', '@SUM(A1)', '\tx', '\rx', "'=x", '-1.5', '+3', '-0', '1e-5', '-', 'text', ''];
    const csv = stringifyCsv([row]);
    expect(csv).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+cmd|x,'-2+3,'@SUM(A1),'\tx,"'\rx",''=x,-1.5,+3,-0,1e-5,-,text,\r\n`);
    expect(parseCsv(csv).records[0]!.fields).toEqual(row);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '-', '1', '.', 'a', '\t') }), (v) => {
        const out = escapeFormula(v);
        expect(unescapeFormula(out)).toBe(v);
        if (/^[=+\-@\t\r]./s.test(out)) expect(out).toMatch(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/);
      }),
    );
  });
});
