import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.ts';
import { MAX_DOCUMENT_BYTES, MAX_HTML_DEPTH, MAX_PDF_PAGES, readDocument, type DocumentHint } from './index.ts';
import { encodeSingleByte, makePdf, randomBytes } from './make-fixtures.ts';
import { readPdf } from './pdf.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The refusal readDocument gives, as code and reason (and the message, to look at). */
async function refusal(bytes: Uint8Array, hint: DocumentHint = {}) {
  try {
    await readDocument(bytes, hint);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, reason: e.reason as string, message: e.message, field: e.details.field };
  }
  throw new Error('readDocument accepted the document');
}

const RUSSIAN =
  'Стороны договорились об обмене пленными. Представители Красного Креста посетили места содержания ' +
  'и передали списки. Обмен состоялся утром на границе; всего освобождено сорок два человека, среди них ' +
  'трое тяжело раненых. Следующий раунд переговоров назначен на конец месяца.';
const UKRAINIAN =
  'Сторони домовилися про обмін полоненими. Представники Червоного Хреста відвідали місця утримання ' +
  'і передали списки. Обмін відбувся вранці на кордоні; всього звільнено сорок дві особи, серед них ' +
  'троє тяжко поранених. Наступний раунд перемовин призначено на кінець місяця. Ґрунтовні рішення ще попереду, їх чекають усі.';
const FRENCH =
  'Les parties se sont mises d’accord sur un échange de prisonniers. Des délégués de la Croix-Rouge ont visité ' +
  'les lieux de détention à l’est du pays. L’échange a eu lieu très tôt — quarante-deux personnes ont été libérées.';

describe('readDocument: what is refused', () => {
  it('refuses empty bytes and whitespace only', async () => {
    expect(await refusal(new Uint8Array())).toMatchObject({ code: 'validation', reason: 'document_empty', field: 'file' });
    expect(await refusal(utf8(' \n\t\r\n  \u00a0 '))).toMatchObject({ reason: 'document_empty' });
    expect(await refusal(utf8('\ufeff   \n'))).toMatchObject({ reason: 'document_empty' });
    expect(await refusal(utf8('<!doctype html><html><head><title></title><script>var x = "text";</script></head><body> </body></html>'))).toMatchObject({
      reason: 'document_empty',
    });
  });

  it('refuses more than MAX_DOCUMENT_BYTES as too large (413), before looking at the bytes', async () => {
    const r = await refusal(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61));
    expect(r).toMatchObject({ code: 'too_large', reason: 'document_too_large' });
    expect(r.message).toContain('20 MiB');
  });

  it('refuses random bytes as not text', async () => {
    const r = await refusal(randomBytes(64 * 1024));
    expect(r).toMatchObject({ code: 'validation', reason: 'document_not_text' });
  });

  it('says which kind of binary file it is when it has a known signature', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(200)]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, ...randomBytes(200)]);
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...randomBytes(200)]);
    expect(await refusal(png)).toMatchObject({ reason: 'document_not_text', message: expect.stringContaining('PNG image') });
    expect(await refusal(zip, { fileName: 'report.docx' })).toMatchObject({ reason: 'document_not_text', message: expect.stringContaining('ZIP archive') });
    expect(await refusal(exe)).toMatchObject({ reason: 'document_not_text', message: expect.stringContaining('Windows program') });
    // The name says text, the bytes say PNG: the bytes win.
    expect(await refusal(png, { mediaType: 'text/plain', fileName: 'notes.txt' })).toMatchObject({ reason: 'document_not_text' });
  });

  it('reads a text that merely starts with the letters of a short signature', async () => {
    const doc = await readDocument(utf8('MZ Holdings said on Monday that the convoy had passed the checkpoint.'), {});
    expect(doc).toMatchObject({ kind: 'text', encoding: 'utf-8' });
  });

  it('refuses NUL-laden text, including UTF-16 that has NULs in it', async () => {
    expect(await refusal(utf8('The talks resumed\0 on Monday in Geneva.'))).toMatchObject({
      reason: 'document_not_text',
      message: expect.stringContaining('NUL'),
    });
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from('Talks\0resumed', 'utf16le')]);
    expect(await refusal(le)).toMatchObject({ reason: 'document_not_text' });
  });

  it('refuses text full of control characters', async () => {
    const bytes = utf8('Talks resumed ' + '\x01\x02\x03\x04'.repeat(50) + ' in Geneva.');
    expect(await refusal(bytes)).toMatchObject({ reason: 'document_not_text' });
  });

  it('refuses text in an encoding it does not read (Greek Windows-1253, high bytes at random)', async () => {
    const greek = encodeSingleByte(
      'Οι δύο πλευρές συμφώνησαν σε ανταλλαγή αιχμαλώτων. Αντιπρόσωποι του Ερυθρού Σταυρού επισκέφθηκαν τους χώρους κράτησης και παρέδωσαν τους καταλόγους.',
      'windows-1253',
    );
    expect(await refusal(greek)).toMatchObject({ reason: 'document_encoding_unknown' });
    const highNoise = Uint8Array.from(randomBytes(4000), (b, i) => (i % 7 === 6 ? 0x20 : 0x80 | b));
    expect(await refusal(highNoise)).toMatchObject({ reason: 'document_encoding_unknown' });
  });

  it('names a declared charset it does not read in the refusal', async () => {
    const bytes = Uint8Array.from([
      ...utf8('<html><head><meta charset="gb2312"></head><body>'),
      ...Uint8Array.from(randomBytes(600), (b) => 0xa1 + (b % 0x5d)),
      ...utf8('</body></html>'),
    ]);
    const r = await refusal(bytes);
    expect(r).toMatchObject({ reason: 'document_encoding_unknown' });
    expect(r.message).toContain('"gb2312"');
  });

  it('refuses a document that is UTF-8 but for some pasted bytes, saying where', async () => {
    const bytes = Uint8Array.from([...utf8(RUSSIAN), 0x0a, ...encodeSingleByte('Обмен', 'windows-1251'), 0x0a, ...utf8(RUSSIAN)]);
    const r = await refusal(bytes);
    expect(r).toMatchObject({ reason: 'document_encoding_unknown', message: expect.stringContaining('mostly UTF-8') });
    expect(await refusal(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Talks'), 0xe9, ...utf8(' resumed')]))).toMatchObject({
      reason: 'document_encoding_unknown',
      message: expect.stringContaining('byte-order mark'),
    });
  });

  it('refuses a UTF-16 byte-order mark followed by no valid UTF-16', async () => {
    // A lone high surrogate (D800) and then a letter.
    expect(await refusal(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatchObject({ reason: 'document_encoding_unknown' });
  });
});

describe('readDocument: encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    expect(await readDocument(utf8(RUSSIAN), {})).toEqual({ kind: 'text', text: RUSSIAN, encoding: 'utf-8' });
    expect(await readDocument(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(RUSSIAN)]), {})).toEqual({ kind: 'text', text: RUSSIAN, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their byte-order marks', async () => {
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(UKRAINIAN, 'utf16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(UKRAINIAN, 'utf16le').swap16()]);
    expect(await readDocument(le, {})).toEqual({ kind: 'text', text: UKRAINIAN, encoding: 'utf-16le' });
    expect(await readDocument(be, {})).toEqual({ kind: 'text', text: UKRAINIAN, encoding: 'utf-16be' });
  });

  it('tells Windows-1251 from KOI8-R by the letters each reading gives', async () => {
    expect(await readDocument(encodeSingleByte(RUSSIAN, 'windows-1251'), {})).toEqual({ kind: 'text', text: RUSSIAN, encoding: 'windows-1251' });
    expect(await readDocument(encodeSingleByte(RUSSIAN, 'koi8-r'), {})).toEqual({ kind: 'text', text: RUSSIAN, encoding: 'koi8-r' });
    expect(await readDocument(encodeSingleByte(UKRAINIAN, 'windows-1251'), {})).toEqual({ kind: 'text', text: UKRAINIAN, encoding: 'windows-1251' });
    expect(await readDocument(encodeSingleByte(UKRAINIAN, 'koi8-u'), {})).toEqual({ kind: 'text', text: UKRAINIAN, encoding: 'koi8-u' });
  });

  it('tells them apart on a short text and on a text in capitals', async () => {
    for (const s of ['Обмен пленными состоялся утром.', 'ОБМЕН ПЛЕННЫМИ СОСТОЯЛСЯ УТРОМ НА ГРАНИЦЕ. ' + RUSSIAN])
      for (const enc of ['windows-1251', 'koi8-r'])
        expect(await readDocument(encodeSingleByte(s, enc), {}), `${enc}: ${s.slice(0, 20)}`).toMatchObject({ text: s, encoding: enc });
  });

  it('reads Windows-1252 (and ISO-8859-1) Western text, its quotes and dashes included', async () => {
    expect(await readDocument(win1252(FRENCH), {})).toEqual({ kind: 'text', text: FRENCH, encoding: 'windows-1252' });
    expect(await readDocument(win1252(FRENCH), { mediaType: 'text/plain; charset=ISO-8859-1' })).toMatchObject({ text: FRENCH, encoding: 'windows-1252' });
    const english = 'The mediator’s statement — issued on Monday — said “progress”.';
    expect(await readDocument(win1252(english), {})).toMatchObject({ text: english, encoding: 'windows-1252' });
  });

  it('takes the charset an HTML page declares when its reading is plausible', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><title>Обмен</title></head><body><p>${RUSSIAN}</p></body></html>`;
    expect(await readDocument(encodeSingleByte(html, 'koi8-r'), {})).toMatchObject({ kind: 'html', text: html, encoding: 'koi8-r' });
    const page = `<!doctype html><meta charset=windows-1251><p>${UKRAINIAN}</p>`;
    expect(await readDocument(encodeSingleByte(page, 'windows-1251'), {})).toMatchObject({ kind: 'html', text: page, encoding: 'windows-1251' });
  });

  it('reads the charset of the declared media type', async () => {
    // "Обмен" alone is too short for letter statistics; the declared charset decides.
    const bytes = encodeSingleByte('Обмен', 'koi8-r');
    expect(await readDocument(bytes, { mediaType: 'text/plain; charset=KOI8-R' })).toMatchObject({ text: 'Обмен', encoding: 'koi8-r' });
  });

  it('does not believe a declared charset whose reading is gibberish', async () => {
    const bytes = encodeSingleByte(RUSSIAN, 'windows-1251');
    expect(await readDocument(bytes, { mediaType: 'text/plain; charset=koi8-r' })).toMatchObject({ text: RUSSIAN, encoding: 'windows-1251' });
    // A page that says UTF-8 and is UTF-8 is read so whatever else it says.
    expect(await readDocument(utf8(`<html><meta charset="windows-1251"><p>${RUSSIAN}</p></html>`), {})).toMatchObject({ encoding: 'utf-8' });
  });
});

/** Western text in Windows-1252: Latin-1 bytes, with its punctuation in 0x80–0x9F. */
function win1252(s: string): Uint8Array {
  const extra: Record<string, number> = { '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '—': 0x97, '–': 0x96, '…': 0x85, '€': 0x80 };
  return Uint8Array.from([...s], (c) => extra[c] ?? c.charCodeAt(0));
}

describe('readDocument: HTML', () => {
  it('knows HTML by its content, with the declared type only as a hint', async () => {
    const page = '<!DOCTYPE html>\n<html><body><p>Talks resumed.</p></body></html>';
    expect(await readDocument(utf8(page), { mediaType: 'text/plain', fileName: 'a.txt' })).toMatchObject({ kind: 'html', text: page });
    expect(await readDocument(utf8('<p>Talks resumed.</p>'), {})).toMatchObject({ kind: 'html' });
    const fragment = 'Talks <em>resumed</em> on Monday.';
    expect(await readDocument(utf8(fragment), {})).toMatchObject({ kind: 'text' });
    expect(await readDocument(utf8(fragment), { mediaType: 'text/html; charset=utf-8' })).toMatchObject({ kind: 'html' });
    expect(await readDocument(utf8(fragment), { fileName: 'story.HTM' })).toMatchObject({ kind: 'html' });
    expect(await readDocument(utf8('If a < b then b > a.'), { fileName: 'note.html' })).toMatchObject({ kind: 'text' });
  });

  it('normalises line ends of plain text only', async () => {
    expect(await readDocument(utf8('One.\r\nTwo.\rThree.'), {})).toMatchObject({ kind: 'text', text: 'One.\nTwo.\nThree.' });
    expect(await readDocument(utf8('<p>One.\r\nTwo.</p>'), {})).toMatchObject({ kind: 'html', text: '<p>One.\r\nTwo.</p>' });
  });

  it(`refuses a nesting bomb (deeper than ${MAX_HTML_DEPTH}) at once, and reads ${MAX_HTML_DEPTH} deep`, async () => {
    const bomb = `<html><body>${'<div>'.repeat(1_000_000)}boom</body></html>`;
    expect(await refusal(utf8(bomb))).toMatchObject({ code: 'validation', reason: 'html_too_deep' });
    const deep = `<html><body>${'<div>'.repeat(MAX_HTML_DEPTH - 2)}deep${'</div>'.repeat(MAX_HTML_DEPTH - 2)}</body></html>`;
    expect(await readDocument(utf8(deep), {})).toMatchObject({ kind: 'html' });
  });

  it('refuses a page of millions of tags', async () => {
    const page = `<html><body>${'<b>x</b>'.repeat(2_000_000)}</body></html>`;
    expect(await refusal(utf8(page))).toMatchObject({ reason: 'html_too_large' });
  });
});

describe('readDocument: PDF', () => {
  const story = [
    [
      { text: 'The ceasefire monitors reported that the ex-', y: 720 },
      { text: 'change of prisoners took place at dawn near', y: 706 },
      { text: 'the border crossing.', y: 692 },
      { text: 'A second paragraph follows after a blank line.', y: 664 },
    ],
    [
      { text: 'On the second page the report goes on', y: 720 },
      { text: 'and ends here.', y: 706 },
    ],
  ];

  it('extracts the text in reading order, with paragraph breaks and hyphenated words joined', async () => {
    const doc = await readDocument(makePdf(story), { mediaType: 'application/pdf' });
    expect(doc).toEqual({
      kind: 'pdf',
      encoding: 'pdf',
      pages: 2,
      text:
        'The ceasefire monitors reported that the exchange of prisoners took place at dawn near the border crossing.\n\n' +
        'A second paragraph follows after a blank line.\n\n' +
        'On the second page the report goes on and ends here.',
    });
  });

  it('goes by the bytes: a PDF named .txt is a PDF, and a PDF header after some junk counts', async () => {
    expect(await readDocument(makePdf(story), { fileName: 'x.txt', mediaType: 'text/plain' })).toMatchObject({ kind: 'pdf' });
    const junk = Uint8Array.from([...utf8('\r\n\r\n'), ...makePdf(story)]);
    expect(await readDocument(junk, {})).toMatchObject({ kind: 'pdf', pages: 2 });
  });

  it('refuses a cut-off or damaged PDF as unreadable', async () => {
    const pdf = makePdf(story);
    for (const share of [0.2, 0.5, 0.8]) expect(await refusal(pdf.slice(0, Math.floor(pdf.length * share)))).toMatchObject({ reason: 'pdf_unreadable' });
    expect(await refusal(utf8('%PDF-1.7\nthis is not a pdf at all'))).toMatchObject({ code: 'validation', reason: 'pdf_unreadable' });
    expect(await refusal(Uint8Array.from([...utf8('%PDF-1.4\n'), ...randomBytes(5000)]))).toMatchObject({ reason: 'pdf_unreadable' });
  });

  it('refuses a PDF that takes longer than its time to read', async () => {
    await expect(readPdf(makePdf(story), { ms: 0 })).rejects.toMatchObject({ reason: 'pdf_unreadable', message: expect.stringContaining('within 0 ms') });
  });

  it('refuses a PDF without a text layer (scanned pages)', async () => {
    const drawing = '0.5 g 72 72 468 648 re f 0 0 1 RG 100 100 m 500 700 l S';
    const r = await refusal(makePdf([drawing, drawing]));
    expect(r).toMatchObject({ reason: 'pdf_no_text' });
    expect(r.message).toContain('2 pages');
  });

  it(`refuses a PDF of more than ${MAX_PDF_PAGES} pages`, async () => {
    const pages = Array.from({ length: MAX_PDF_PAGES + 1 }, (_, i) => [{ text: `Page ${i + 1} of the annex.`, y: 720 }]);
    expect(await refusal(makePdf(pages))).toMatchObject({ code: 'too_large', reason: 'document_too_large', message: expect.stringContaining('501 pages') });
  });
});
