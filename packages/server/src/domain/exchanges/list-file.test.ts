import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import { MAX_PROBLEMS, readListFile, type ListFileResult } from './list-file.ts';

const TODAY = '2025-06-01';
const read = (bytes: Uint8Array, name = 'list.csv') => readListFile(bytes, name, { today: TODAY });
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Encodes text in a single-byte code page by inverting Node's decoder. */
function encode8(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((c) => table.get(c) ?? 0x3f));
}
const utf16 = (text: string, be = false) => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (be) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(le);
};
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const codes = (r: ListFileResult) => r.problems.map((p) => [p.line, p.code, p.field]);

/** A zip of stored (uncompressed) files, or deflated ones, for workbooks exceljs would not write. */
function zip(files: Record<string, string>, deflate = false): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const n = Buffer.from(name);
    const raw = Buffer.from(text);
    const data = deflate ? deflateRawSync(raw) : raw;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(deflate ? 8 : 0, 8);
    lh.writeUInt32LE(crc32(raw), 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(raw.length, 22);
    lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(deflate ? 8 : 0, 10);
    ch.writeUInt32LE(crc32(raw), 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(raw.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, n, data);
    central.push(ch, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

describe('reading a prisoner list file', () => {
  it('reads UTF-8 CSV with Ukrainian headers, keeping each date at its precision', async () => {
    const csv =
      '\ufeffПрізвище,Ім’я,По батькові,Дата народження,Місце народження,Статус,Військова частина,Дата полону,Місце полону,Примітка\r\n' +
      'Шевченко,Тарас,Григорович,09.03.1984,Моринці,військовополонений,А1234,2022-04,Маріуполь,"поранений, потребує допомоги"\r\n' +
      '\r\n' +
      '  Мар’яненко ,  Олена   Марія,,1990,,цивільна,,12.2022,,\r\n' +
      'Smith,John,,5.7.1979,,,,,,\r\n';
    const r = await read(utf8(csv));
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8', problems: [], problemCount: 0 });
    expect(r.rows).toEqual([
      {
        line: 2,
        entry: {
          surname: 'Шевченко',
          given: 'Тарас',
          patronymic: 'Григорович',
          birthDate: '1984-03-09',
          birthPlace: 'Моринці',
          category: 'military',
          unit: 'А1234',
          capturedOn: '2022-04',
          capturedAt: 'Маріуполь',
          note: 'поранений, потребує допомоги',
        },
      },
      // Blank line 3 is skipped; the apostrophe of Мар’яненко is kept as written.
      { line: 4, entry: { surname: 'Мар’яненко', given: 'Олена Марія', birthDate: '1990', category: 'civilian', capturedOn: '2022-12' } },
      { line: 5, entry: { surname: 'Smith', given: 'John', birthDate: '1979-07-05', category: 'unknown' } },
    ]);
  });

  it('reads Windows-1251 with Russian headers and semicolons, as Excel saves CSV in those locales', async () => {
    const csv =
      'ФАМИЛИЯ;Имя;Отчество;Дата рождения;Категория;Примечание\r\nИванов;Сергей;Петрович;01.02.1975;военный;"ранен; в госпитале, Донецк"\r\nПЕТРОВА;АННА;;;гражданская;\r\n';
    const r = await read(encode8(csv, 'windows-1251'));
    expect(r.encoding).toBe('windows-1251');
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.entry)).toEqual([
      { surname: 'Иванов', given: 'Сергей', patronymic: 'Петрович', birthDate: '1975-02-01', category: 'military', note: 'ранен; в госпитале, Донецк' },
      { surname: 'ПЕТРОВА', given: 'АННА', category: 'civilian' },
    ]);
  });

  it('tells KOI8-R from Windows-1251 by which reading gives plausible Cyrillic, in mixed and in upper case', async () => {
    const csv = 'Фамилия,Имя,Место рождения\nКОНСТАНТИНОВ,НИКОЛАЙ,Ростов-на-Дону\nСмирнова,Ольга,Воронеж\n';
    const r = await read(encode8(csv, 'koi8-r'));
    expect(r.encoding).toBe('koi8-r');
    expect(r.rows.map((x) => x.entry.surname)).toEqual(['КОНСТАНТИНОВ', 'Смирнова']);
    const u = await read(encode8('Прізвище,Ім’я\nЇжакевич,Ґеоргій\n'.replace('’', "'"), 'koi8-u'));
    expect(u.encoding).toBe('koi8-u');
    expect(u.rows[0]!.entry).toEqual({ surname: 'Їжакевич', given: 'Ґеоргій', category: 'unknown' });
  });

  it('reads UTF-16 LE and BE with a byte-order mark, tab-delimited', async () => {
    const csv = 'Фамилия\tИмя\tДата пленения\nКузнецов\tДмитрий\t24.02.2022\n';
    for (const [bytes, encoding] of [
      [utf16(csv), 'utf-16le'],
      [utf16(csv, true), 'utf-16be'],
    ] as const) {
      const r = await read(bytes);
      expect(r.encoding).toBe(encoding);
      expect(r.rows).toEqual([{ line: 2, entry: { surname: 'Кузнецов', given: 'Дмитрий', capturedOn: '2022-02-24', category: 'unknown' } }]);
    }
  });

  it('splits a full-name column (ПІБ / ФИО) surname first, and reports one with no given name', async () => {
    const r = await read(utf8('ПІБ;Дата народження\nКоваленко Іван Петрович;1991\nАлиев Рашид Гасан оглы;\nБондар;\n'));
    expect(r.rows.map((x) => x.entry)).toEqual([
      { surname: 'Коваленко', given: 'Іван', patronymic: 'Петрович', birthDate: '1991', category: 'unknown' },
      { surname: 'Алиев', given: 'Рашид', patronymic: 'Гасан оглы', category: 'unknown' },
    ]);
    expect(codes(r)).toEqual([[4, 'missing_name', 'fullName']]);
  });

  it('reads the first sheet of an XLSX workbook, with Excel dates as ISO dates and rows numbered as in the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Список');
    ws.addRow(['Surname', 'First name', 'Date of birth', 'Category', 'Date of capture']);
    ws.addRow(['Іваненко', 'Петро', new Date(Date.UTC(1990, 4, 17)), 'military', 2022]);
    ws.addRow([]);
    ws.addRow([{ richText: [{ text: 'Ко' }, { text: 'валь' }] }, { formula: '"Ан"&"на"', result: 'Анна' }, '31.02.1990', 'cat', null]);
    wb.addWorksheet('Other').addRow(['not', 'read']);
    const r = await read(new Uint8Array(await wb.xlsx.writeBuffer()), 'список.bin');
    expect(r).toMatchObject({ format: 'xlsx', encoding: 'unicode' });
    expect(r.rows).toEqual([{ line: 2, entry: { surname: 'Іваненко', given: 'Петро', birthDate: '1990-05-17', category: 'military', capturedOn: '2022' } }]);
    expect(codes(r)).toEqual([
      [4, 'impossible_date', 'birthDate'],
      [4, 'unknown_category', 'category'],
    ]);
    expect(r.problems[0]!.message).toMatch(/^Row 4: "31\.02\.1990" does not exist/u);
  });

  it('refuses a broken zip, a zip that is no workbook, and an old .xls, each as one clear error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow(['Surname', 'Given name']);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    for (const bytes of [good.subarray(0, good.length >> 1), zip({ 'readme.txt': 'hello' }), utf8('PK\x03\x04 not really')]) {
      const e = await refusal(read(bytes, 'list.xlsx'));
      expect(e.reason).toBe('unreadable_workbook');
      expect(e.details.field).toBe('file');
    }
    expect((await refusal(read(utf8('Surname,Given name\n'), 'list.xlsx'))).reason).toBe('unreadable_workbook');
    expect((await refusal(read(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'list'))).message).toMatch(/\.xls/u);
  });

  it('refuses a workbook with too many rows before exceljs loads it', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>a</t></is></c></row>`).join('');
    const bytes = zip({ 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${rows}</sheetData></worksheet>` }, true);
    const started = performance.now();
    const e = await refusal(read(bytes, 'big.xlsx'));
    expect(e.reason).toBe('too_many_rows');
    expect(e.message).toContain('100,000');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('reports each line of another encoding in a list put together from two files, instead of storing mojibake', async () => {
    const header = utf8('Фамилия,Имя\n');
    const cp1251 = encode8('Сидоренко,Михаил\nГончаренко,Юлия\nЛысенко,Анатолий\n', 'windows-1251');
    const mostly1251 = await read(concat(encode8('Фамилия,Имя\n', 'windows-1251'), cp1251, utf8('Кравченко,Вікторія\n')));
    expect(mostly1251.encoding).toBe('windows-1251');
    expect(codes(mostly1251)).toEqual([[5, 'mixed_encoding', undefined]]);
    expect(mostly1251.rows.map((x) => x.entry.surname)).toEqual(['Сидоренко', 'Гончаренко', 'Лысенко']);

    const mostlyUtf8 = await read(concat(header, utf8('Кравченко,Вікторія\nМельник,Андрій\nТкаченко,Ірина\n'), cp1251));
    expect(mostlyUtf8.encoding).toBe('utf-8');
    expect(codes(mostlyUtf8).map((c) => c[0])).toEqual([5, 6, 7]);
    expect(new Set(codes(mostlyUtf8).map((c) => c[1]))).toEqual(new Set(['mixed_encoding']));

    const headerApart = await refusal(read(concat(header, cp1251, cp1251.subarray(0, 20))));
    expect(headerApart.reason).toBe('unreadable_encoding');
    expect(headerApart.message).toContain('line 1');

    // Mojibake that was already saved as UTF-8 by some earlier tool: Р†РІР°РЅ / Ð†Ð²Ð°Ð½ for Іван.
    const garbled = new TextDecoder('windows-1251').decode(utf8('Шевчук,Іван'));
    const latin = Buffer.from(utf8('Шевчук,Іван')).toString('latin1');
    const again = await read(utf8(`Фамилия,Имя\nРябов,Степан\n${garbled}\n${latin}\nСергієнко,Рената\n`));
    expect(codes(again)).toEqual([
      [3, 'mixed_encoding', undefined],
      [4, 'mixed_encoding', undefined],
    ]);
    expect(again.rows.map((x) => x.entry.surname)).toEqual(['Рябов', 'Сергієнко']);
  });

  it('refuses binary garbage as unreadable', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    for (const bytes of [garbage, utf8('Surname,Given name\nA\0B,C\n')]) expect((await refusal(read(bytes))).reason).toBe('unreadable_encoding');
  });

  it('reports impossible, too early, future and unreadable dates, naming the field', async () => {
    const r = await read(
      utf8(
        'Surname,Given name,Date of birth,Date of capture\nА,Б,31.02.1990,\nВ,Г,1899,\nД,Е,,2025-07\nЖ,З,,02/03/2022\nИ,К,29.02.2024,06.2025\nЛ,М,13.1990,\n',
      ),
    );
    expect(codes(r)).toEqual([
      [2, 'impossible_date', 'birthDate'],
      [3, 'impossible_date', 'birthDate'],
      [4, 'impossible_date', 'capturedOn'],
      [5, 'bad_date', 'capturedOn'],
      [7, 'impossible_date', 'birthDate'],
    ]);
    expect(r.rows.map((x) => x.entry)).toEqual([{ surname: 'И', given: 'К', birthDate: '2024-02-29', capturedOn: '2025-06', category: 'unknown' }]);
  });

  it('refuses names in an unknown script, with digits, mixing scripts in one word, or empty; and overlong fields', async () => {
    const r = await read(
      utf8(
        'Surname,Given name,Patronymic,Note\n' +
          'محمد,Ахмед,,\n' +
          'Пeтров,Иван,,\n' + // a Latin "e" in a Cyrillic word
          'Петров2,Иван,,\n' +
          '---,Иван,,\n' +
          ',Иван,,\n' +
          'Müller-Шмидт,Hans,,\n' + // two words, each in one script: allowed
          `Довгий,${'я'.repeat(101)},,${'x'.repeat(1001)}\n`,
      ),
    );
    expect(codes(r)).toEqual([
      [2, 'unknown_script', 'surname'],
      [3, 'unknown_script', 'surname'],
      [4, 'unknown_script', 'surname'],
      [5, 'unknown_script', 'surname'],
      [6, 'missing_name', 'surname'],
      [8, 'too_long', 'given'],
      [8, 'too_long', 'note'],
    ]);
    expect(r.rows.map((x) => x.entry.surname)).toEqual(['Müller-Шмидт']);
  });

  it('reports a repeated row with the line it repeats, after normalising whitespace and NFC', async () => {
    const r = await read(utf8('Прізвище,Ім’я\nЙосипенко,Іван\nПетренко,Ольга\n Йосипенко ,Іван\nЙосипенко,Іван\n'.normalize('NFD')));
    expect(codes(r)).toEqual([
      [4, 'duplicate_row', undefined],
      [5, 'duplicate_row', undefined],
    ]);
    expect(r.problems[0]!.message).toBe('Line 4 repeats line 2.');
    expect(r.rows.map((x) => x.entry.surname)).toEqual(['Йосипенко', 'Петренко']);
    expect(r.rows[0]!.entry.surname).toBe('Йосипенко'.normalize('NFC'));
  });

  it('refuses unknown and missing columns by name, and reads headers in any case and spacing', async () => {
    const unknown = await refusal(read(utf8('Прізвище,Ім’я,Група крові\nА,Б,II\n')));
    expect(unknown.reason).toBe('unknown_column');
    expect(unknown.message).toContain('"Група крові"');
    expect(unknown.message).toContain('прізвище');
    expect((await refusal(read(utf8('Фамилия,Дата рождения\nА,1990\n')))).reason).toBe('missing_column');
    expect((await refusal(read(utf8('Surname,Surname,Given name\n')))).reason).toBe('unknown_layout');
    expect((await refusal(read(utf8('\n\n')))).reason).toBe('empty_file');
    const loose = await read(utf8('  SURNAME ,given   name,ДАТА  НАРОДЖЕННЯ\nА,Б,1990\n'));
    expect(loose.rows).toHaveLength(1);
  });

  it('reports values beyond the header and CSV that breaks off, with their lines', async () => {
    const r = await read(utf8('Surname,Given name\nА,Б,,\nВ,Г,extra\n"Д\nЕ",Ж\nЗ,"И\n'));
    expect(codes(r)).toEqual([
      [3, 'wrong_field_count', undefined],
      [6, 'unterminated_quote', undefined],
    ]);
    expect(r.rows.map((x) => [x.line, x.entry.surname])).toEqual([
      [2, 'А'],
      [4, 'Д Е'],
    ]);
  });

  it('caps the problem list and counts the rest', async () => {
    const r = await read(utf8('Surname,Given name\n' + '1,2\n'.repeat(1500)));
    expect(r.problems).toHaveLength(MAX_PROBLEMS);
    expect(r.problemCount).toBe(3000);
  });

  it('refuses a 1,000,000-row CSV quickly, and a file over 20 MiB at once', async () => {
    const body = 'Бо,Ян\n'.repeat(1_000_000);
    const bytes = utf8('Прізвище,Ім’я\n' + body);
    const started = performance.now();
    const e = await refusal(read(bytes));
    expect(e.reason).toBe('too_many_rows');
    expect(e.message).toContain('100,000');
    expect(performance.now() - started).toBeLessThan(5_000);
    const big = await refusal(read(new Uint8Array(20 * 1024 * 1024 + 1)));
    expect(big.reason).toBe('file_too_large');
    expect(big.message).toContain('20 MiB');
  });
});
