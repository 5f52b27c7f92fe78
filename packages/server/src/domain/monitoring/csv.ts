/**
 * RFC 4180 CSV, read and written by hand. The project may not add dependencies, and the
 * job is small enough to get exactly right: quoted fields may span lines and contain
 * doubled quotes, and an import must report the line a broken record starts on, which
 * is the one thing a general-purpose parser's error messages rarely give.
 */

export interface CsvRecord {
  /** 1-based physical line on which the record starts (a quoted field may run over several). */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  reason: 'unterminated_quote' | 'stray_quote';
  message: string;
}

export interface CsvParse {
  records: CsvRecord[];
  /** Set when the text breaks off or is malformed; records before it are still returned. */
  problem?: CsvProblem;
}

/**
 * Parses CSV text. Line ends may be CRLF or LF; a final line end is optional. A quote
 * inside an unquoted field, or text after a closing quote, is malformed rather than
 * guessed at, and so is a quoted field that never closes (a truncated file).
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n)
            return {
              records,
              problem: {
                line: start,
                reason: 'unterminated_quote',
                message: `The quoted field opened on line ${start} never closes: the file is cut off or malformed.`,
              },
            };
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          value += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n'))
          return { records, problem: { line, reason: 'stray_quote', message: `Line ${line} has text right after a closing quote.` } };
      } else {
        const from = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"') return { records, problem: { line, reason: 'stray_quote', message: `Line ${line} has a quote inside an unquoted field.` } };
          i++;
        }
        value = text.slice(from, i);
      }
      fields.push(value);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    records.push({ line: start, fields: fields.map(unescapeFormula) });
  }
  return { records };
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * OWASP's rule against CSV injection: a spreadsheet runs a cell that starts with = + - @,
 * a tab or a carriage return as a formula (=HYPERLINK(…) leaks data when clicked), so such
 * a cell is written with a leading apostrophe, which spreadsheets show as text. A plain
 * number (−1.5, a longitude) is no formula and is written as it is, so numbers stay numbers,
 * and neither is the character alone (UCDP writes "-" for an unknown place description).
 * Text that already starts with apostrophes before such a character gets one more, so the
 * import's undoing (one apostrophe less) gives back exactly what was exported.
 */
const FORMULA = /^'*[=+\-@\t\r]./s;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
export const escapeFormula = (v: string) => (FORMULA.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v);
/** Undoes escapeFormula on import, so a file Parley exported comes back as it was. */
export const unescapeFormula = (v: string) => (v.startsWith("'") && FORMULA.test(v.slice(1)) && !PLAIN_NUMBER.test(v.slice(1)) ? v.slice(1) : v);

/** Quotes a field only when it must, as the UCDP API and most spreadsheets do; formula-leading text is escaped. */
export function csvField(raw: string): string {
  const value = escapeFormula(raw);
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function stringifyCsv(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map(csvField).join(',') + eol).join('');
}
