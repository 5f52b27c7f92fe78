import type ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import type { DetaineeEntry } from '@parley/contracts';
import { parseCsv } from '../monitoring/csv.ts';
import { AppError, invalid } from '../shared/app-error.ts';
import { clean, readHeader, toEntry, type Column } from './list-columns.ts';

/**
 * A prisoner list as a side submits it: CSV in whatever encoding its office uses, or an Excel workbook.
 * Nothing is partial: the caller stores the rows only when `problems` is empty, so every problem of the file
 * is reported at once, each with its line, for the side to correct and send again.
 */

export interface ListRow {
  /** The 1-based line of the CSV file the row starts on, or its row number in the sheet. */
  line: number;
  entry: DetaineeEntry;
}
export interface RowProblem {
  line: number;
  field?: string;
  code: string;
  message: string;
}
export interface ListFileResult {
  format: 'csv' | 'xlsx';
  /** The CSV file's encoding (utf-8, utf-16le, utf-16be, windows-1251, koi8-r, koi8-u); "unicode" for a workbook. */
  encoding: string;
  rows: ListRow[];
  /** The first MAX_PROBLEMS problems; `problemCount` counts them all. */
  problems: RowProblem[];
  problemCount: number;
}
export interface ReadListOptions {
  /** YYYY-MM-DD; dates after it are refused. Today's UTC date when left out. */
  today?: string;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
export const MAX_PROBLEMS = 1_000;
/** What a workbook's sheets may unpack to: a 20 MiB zip can hold gigabytes of XML, and exceljs keeps it all. */
export const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;

const MIB = 1024 * 1024;
const tooManyRows = (n: string) =>
  new AppError('too_large', 'too_many_rows', `The list has ${n} rows; one upload may hold at most ${MAX_ROWS.toLocaleString('en')}. Split it.`, {
    field: 'file',
    limit: MAX_ROWS,
  });
const unreadableWorkbook = (message: string) => invalid('file', 'unreadable_workbook', message);
const unreadableText = (message: string) => invalid('file', 'unreadable_encoding', message);

export async function readListFile(bytes: Uint8Array, fileName: string, options: ReadListOptions = {}): Promise<ListFileResult> {
  if (bytes.length > MAX_FILE_BYTES)
    throw new AppError(
      'too_large',
      'file_too_large',
      `The file is ${(bytes.length / MIB).toFixed(1)} MiB; a list may be at most ${MAX_FILE_BYTES / MIB} MiB.`,
      {
        field: 'file',
        limit: MAX_FILE_BYTES,
      },
    );
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // The bytes decide, not the name: lists are renamed, mailed and re-saved, and a name says little.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const sink = new Rows(today, 'Row');
    await readWorkbook(bytes, sink);
    return sink.result('xlsx', 'unicode');
  }
  if ((bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) || /\.xls$/iu.test(fileName))
    throw unreadableWorkbook(`"${fileName}" is an Excel 97–2003 workbook (.xls); save it as .xlsx or as CSV.`);
  if (/\.xlsx$/iu.test(fileName)) throw unreadableWorkbook(`"${fileName}" is named as an Excel workbook but is not one (it is not a zip archive).`);
  const decoded = decodeList(bytes);
  const sink = new Rows(today, 'Line');
  for (const line of decoded.badLines)
    sink.problem({
      line,
      code: 'mixed_encoding',
      message: `Line ${line} is not ${decoded.encoding} like the rest of the file (it was pasted from a file in another encoding); its text would be garbled.`,
    });
  readCsv(decoded.text, sink, new Set(decoded.badLines));
  return sink.result('csv', decoded.encoding);
}

/** Collects rows: the header first, then entries, problems and repeats, and the row limit as it is passed. */
class Rows {
  private columns: (Column | null)[] | undefined;
  private count = 0;
  private readonly seen = new Map<string, number>();
  readonly rows: ListRow[] = [];
  readonly problems: RowProblem[] = [];
  problemCount = 0;
  constructor(
    private readonly today: string,
    /** How a person finds the row: "Line" of a CSV file, "Row" of a sheet. */
    private readonly unit: 'Line' | 'Row',
  ) {}

  problem(p: RowProblem) {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  /** `garbled` rows are counted but not read: their problem is already reported and the rest would be noise. */
  add(line: number, cells: readonly string[], garbled = false) {
    if (cells.every((c) => !clean(c))) return;
    if (!this.columns) {
      if (garbled) throw unreadableText(`The header (line ${line}) is in another encoding than the rest of the file; save the file in one encoding.`);
      this.columns = readHeader(cells);
      return;
    }
    if (++this.count > MAX_ROWS) throw tooManyRows(`more than ${MAX_ROWS.toLocaleString('en')}`);
    if (garbled) return;
    const values = new Map<Column, string>();
    let stray = 0;
    cells.forEach((c, i) => {
      const column = this.columns![i];
      if (column) values.set(column, c);
      else if (clean(c)) stray = i + 1;
    });
    if (stray)
      this.problem({
        line,
        code: 'wrong_field_count',
        message: `${this.unit} ${line} has a value in column ${stray}, which the header does not name (the header has ${this.columns.length} columns); a value may have shifted.`,
      });
    const { entry, problems } = toEntry(values, this.today);
    for (const p of problems) this.problem({ line, ...p, message: `${this.unit} ${line}: ${p.message}` });
    if (!entry || stray) return;
    const key = JSON.stringify(entry);
    const first = this.seen.get(key);
    if (first !== undefined) this.problem({ line, code: 'duplicate_row', message: `${this.unit} ${line} repeats ${this.unit.toLowerCase()} ${first}.` });
    else {
      this.seen.set(key, line);
      this.rows.push({ line, entry });
    }
  }

  result(format: ListFileResult['format'], encoding: string): ListFileResult {
    if (!this.columns) throw invalid('file', 'empty_file', 'The file has no header and no rows.');
    return { format, encoding, rows: this.rows, problems: this.problems, problemCount: this.problemCount };
  }
}

// ——— CSV ———

/** Records are parsed in chunks so a file far over the row limit is refused after the first 100,000, not after all. */
const CHUNK_LINES = 5_000;

function readCsv(text: string, sink: Rows, badLines: ReadonlySet<number>) {
  const firstLine = text.match(/^[^\n]*\S[^\n]*$/mu)?.[0] ?? '';
  const [to, from] = delimiterSwap(delimiterOf(firstLine));
  let pos = 0;
  let line = 1;
  let quote = text.indexOf('"');
  while (pos < text.length) {
    let end = pos;
    let lines = 0;
    let quotes = 0;
    // A chunk ends only at a line end outside quotes, where RFC 4180 cannot be in the middle of a field.
    while (end < text.length && (lines < CHUNK_LINES || quotes % 2)) {
      const nl = text.indexOf('\n', end);
      const stop = nl < 0 ? text.length : nl + 1;
      for (; quote >= 0 && quote < stop; quote = text.indexOf('"', quote + 1)) quotes++;
      end = stop;
      lines++;
    }
    const parsed = parseCsv(to(text.slice(pos, end)));
    for (const r of parsed.records) {
      const start = r.line + line - 1;
      const fields = r.fields.map(from);
      const span = fields.reduce((n, f) => n + (f.split('\n').length - 1), 0);
      let garbled = false;
      for (let l = start; l <= start + span && !garbled; l++) garbled = badLines.has(l);
      sink.add(start, fields, garbled);
    }
    if (parsed.problem) {
      const at = parsed.problem.line + line - 1;
      sink.problem({
        line: at,
        code: parsed.problem.reason,
        message:
          parsed.problem.reason === 'unterminated_quote'
            ? `The quoted field opened on line ${at} never closes: the file is cut off or malformed. Nothing after it was read.`
            : `Line ${at} has a stray quote (inside an unquoted field, or right after a closing quote). Nothing after it was read.`,
      });
      return;
    }
    line += lines;
    pos = end;
  }
}

/** The header tells the delimiter: whichever of comma, semicolon (Excel in Ukrainian and Russian locales) or tab it has most of. */
function delimiterOf(header: string): string {
  const outside = header.replace(/"[^"]*"/gu, '');
  const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * parseCsv reads commas only; another delimiter is swapped with the comma (through a private-use character,
 * so the swap is one-to-one) before parsing and swapped back in each field after.
 */
function delimiterSwap(d: string): [(s: string) => string, (s: string) => string] {
  if (d === ',') return [(s) => s, (s) => s];
  const P = '\ue000';
  const there = new RegExp(`[,${d}${P}]`, 'gu');
  const back = new RegExp(`[,${d}${P}]`, 'gu');
  return [(s) => s.replace(there, (c) => (c === d ? ',' : c === ',' ? P : d)), (s) => s.replace(back, (c) => (c === ',' ? d : c === P ? ',' : P))];
}

// ——— Encodings ———

interface DecodedList {
  text: string;
  encoding: string;
  /** Lines (1-based) whose bytes are not text in `encoding`. */
  badLines: number[];
}

function decodeList(bytes: Uint8Array): DecodedList {
  for (const [bom, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const)
    if (bytes[0] === bom[0] && bytes[1] === bom[1]) {
      let text: string;
      try {
        text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
      } catch {
        throw unreadableText(`The file starts as ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()} text.`);
      }
      if (text.includes('\0')) throw unreadableText('The file contains NUL characters: it is binary, not a CSV list.');
      return { text, encoding, badLines: mojibakeLines(text) };
    }
  if (bytes.includes(0)) throw unreadableText('The file contains NUL bytes: it is binary (or UTF-16 without a byte-order mark), not a CSV list.');
  let controls = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
  if (controls > bytes.length / 100) throw unreadableText('The file is mostly control characters: it is binary, not a CSV list.');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const scan = scanUtf8(body);
  let decoded: DecodedList;
  // A file that is UTF-8 except for some lines is UTF-8 with lines pasted in from elsewhere, and the other way round.
  if (!scan.invalid.length || bom || scan.multibyte.length >= scan.invalid.length)
    decoded = { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', badLines: scan.invalid };
  else {
    const encoding = cyrillicCodePage(body, scan.invalidRanges);
    decoded = { text: new TextDecoder(encoding).decode(body), encoding, badLines: scan.multibyte };
  }
  decoded.badLines = [...new Set([...decoded.badLines, ...mojibakeLines(decoded.text)])].sort((a, b) => a - b);
  return decoded;
}

/** Per line, whether it holds multi-byte UTF-8, or bytes that are not UTF-8 at all; one pass, no exceptions. */
function scanUtf8(b: Uint8Array) {
  const invalid: number[] = [];
  const multibyte: number[] = [];
  const invalidRanges: [number, number][] = [];
  let line = 1;
  let lineStart = 0;
  let bad = false;
  let multi = false;
  const cont = (i: number) => i < b.length && (b[i]! & 0xc0) === 0x80;
  for (let i = 0; i <= b.length;) {
    const c = i < b.length ? b[i]! : 0x0a;
    if (c === 0x0a) {
      if (bad) {
        invalid.push(line);
        invalidRanges.push([lineStart, i]);
      } else if (multi) multibyte.push(line);
      line++;
      i++;
      lineStart = i;
      bad = multi = false;
    } else if (c < 0x80) i++;
    else {
      const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
      let ok = n > 0;
      for (let k = 1; k <= n && ok; k++) ok = cont(i + k);
      // Overlong forms and surrogates are not UTF-8 either.
      if (ok && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! > 0x9f) || (c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! > 0x8f)))
        ok = false;
      if (ok) multi = true;
      else bad = true;
      i += ok ? n + 1 : 1;
    }
  }
  return { invalid, multibyte, invalidRanges };
}

/**
 * Windows-1251 or KOI8: the same bytes read the wrong way are Cyrillic letters too, but the wrong letters, so
 * the reading in which the commonest letters of Ukrainian and Russian are common wins. KOI8-U is read as such
 * only when the file has one of the eight bytes where it adds Ukrainian letters to KOI8-R.
 */
function cyrillicCodePage(body: Uint8Array, ranges: readonly [number, number][]): string {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const [s, e] of ranges) {
    if (size > 256 * 1024) break;
    parts.push(body.subarray(s, e));
    size += e - s;
  }
  const sample = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    sample.set(p, at);
    at += p.length;
  }
  const score = (text: string) => (text.match(/[оеаинтсрвлкіОЕАИНТСРВЛКІ]/gu)?.length ?? 0) / ((text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0) + 1);
  if (score(new TextDecoder('windows-1251').decode(sample)) >= score(new TextDecoder('koi8-u').decode(sample))) return 'windows-1251';
  return sample.some((b) => [0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd].includes(b)) ? 'koi8-u' : 'koi8-r';
}

/**
 * UTF-8 Cyrillic once read as Windows-1251 or Windows-1252 and saved again: "Іван" becomes "Р†РІР°РЅ" or
 * "Ð†Ð²Ð°Ð½". The lead byte turns into Р/С or Ð/Ñ, followed by a character of the code page's upper half that no
 * Ukrainian or Russian word has there; three such pairs on a line leave no doubt.
 */
const upperHalf = (encoding: string) => new TextDecoder(encoding).decode(Uint8Array.from({ length: 64 }, (_, i) => 0x80 + i));
const AFTER_RS = new Set([...upperHalf('windows-1251')].filter((c) => !'ЁёЄєІіЇїҐґЎў'.includes(c)));
// Node reads 0x80–0x9F of Windows-1252 as C1 controls; a file saved by Windows has its punctuation there instead.
const AFTER_DN = new Set([...upperHalf('windows-1252'), ...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

function mojibakeLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let pairs = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === undefined) {
      if (pairs >= 3) lines.push(line);
      line++;
      pairs = 0;
    } else if (((c === 'Р' || c === 'С') && AFTER_RS.has(text[i + 1]!)) || ((c === 'Ð' || c === 'Ñ') && AFTER_DN.has(text[i + 1]!))) pairs++;
  }
  return lines;
}

// ——— XLSX ———

async function readWorkbook(bytes: Uint8Array, sink: Rows) {
  checkSheets(bytes);
  // Loaded when a workbook arrives: importing exceljs takes about 0.3 s, which every start would otherwise pay.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (e) {
    throw unreadableWorkbook(`The file is a zip archive but not a readable Excel workbook (${e instanceof Error ? e.message : 'damaged'}).`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadableWorkbook('The file is a zip archive but not an Excel workbook: it has no worksheet.');
  sheet.eachRow((row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    sink.add(n, cells);
  });
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // exceljs gives a date cell as midnight UTC of its day.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return 'result' in v ? cellText(v.result ?? null) : '';
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
  if ('error' in v) return v.error;
  return '';
}

/**
 * exceljs unpacks every sheet into memory, so a workbook is looked into before it is loaded: its zip directory
 * says where each sheet is, and each sheet is unpacked (capped) to count its rows. A million-row sheet is
 * refused here in a fraction of a second, where loading it would take a minute and gigabytes.
 */
function checkSheets(bytes: Uint8Array) {
  const damaged = () => unreadableWorkbook('The file starts like an Excel workbook (a zip archive) but is cut off or damaged.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged();
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let budget = MAX_UNPACKED_BYTES;
  const tooBig = () =>
    new AppError('too_large', 'file_too_large', `The workbook's sheets unpack to more than ${MAX_UNPACKED_BYTES / MIB} MiB.`, {
      field: 'file',
      limit: MAX_UNPACKED_BYTES,
    });
  for (let k = 0; k < entries; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw damaged();
    const method = view.getUint16(p + 10, true);
    const packed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (!/^xl\/worksheets\/[^/]+\.xml$/u.test(name)) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + packed);
    let xml: Uint8Array;
    try {
      xml = method === 0 ? data : inflateRawSync(data, { maxOutputLength: budget + 1 });
    } catch (e) {
      if (e instanceof RangeError) throw tooBig();
      throw damaged();
    }
    budget -= xml.length;
    if (budget < 0) throw tooBig();
    const rows = countRows(Buffer.from(xml.buffer, xml.byteOffset, xml.length));
    if (rows > MAX_ROWS + 1) throw tooManyRows(`${(rows - 1).toLocaleString('en')} (in one of its sheets)`);
  }
}

/** Rows with cells; a row that only carries formatting (`<row r="9" s="1"/>`) holds nothing. */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next !== 0x20 && next !== 0x3e) continue;
    const close = xml.indexOf('>', i);
    if (close > 0 && xml[close - 1] !== 0x2f) n++;
  }
  return n;
}
