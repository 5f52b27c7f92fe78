import { refuse, tooLarge } from './errors.ts';

/**
 * A PDF's text layer, read with Mozilla's pdf.js (its legacy build, which runs on Node 20; loaded on the first PDF,
 * as importing it takes about a second that every start of the server would otherwise pay). pdf.js runs its
 * parser in this thread (its "fake worker"), so no worker file is needed; it yields between pages, where the
 * time limit is checked.
 */

export const MAX_PDF_PAGES = 500;
export const MAX_PDF_MS = 20_000;
/** The most text a PDF may give: a 20 MiB PDF of compressed text streams can unpack to far more than its size. */
export const MAX_PDF_TEXT_CHARS = 20 * 1024 * 1024;

/** One run of text as pdf.js gives it: its string, where it starts on the page (PDF units, y upwards), its size. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface PdfText {
  text: string;
  pages: number;
}

export async function readPdf(bytes: Uint8Array, limits: { ms?: number } = {}): Promise<PdfText> {
  const deadline = Date.now() + (limits.ms ?? MAX_PDF_MS);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js may take the buffer over; the caller keeps its bytes.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    verbosity: 0,
  });
  try {
    const doc = await withinTime(task.promise, deadline);
    if (doc.numPages > MAX_PDF_PAGES)
      throw tooLarge(
        `The PDF has ${doc.numPages.toLocaleString('en')} pages; Parley reads documents of at most ${MAX_PDF_PAGES} pages. Split it.`,
        MAX_PDF_PAGES,
      );
    const pages: TextRun[][] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await withinTime(doc.getPage(n), deadline);
      const content = await withinTime(page.getTextContent({ includeMarkedContent: false, disableNormalization: false }), deadline);
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const t = item.transform as number[];
        chars += item.str.length;
        runs.push({
          str: item.str,
          x: t[4] ?? 0,
          y: t[5] ?? 0,
          width: item.width,
          height: item.height || Math.hypot(t[2] ?? 0, t[3] ?? 0),
          hasEOL: item.hasEOL,
        });
      }
      page.cleanup();
      if (chars > MAX_PDF_TEXT_CHARS)
        throw tooLarge(
          `The PDF's text is more than ${MAX_PDF_TEXT_CHARS / (1024 * 1024)} million characters; Parley does not read documents that long.`,
          MAX_PDF_TEXT_CHARS,
        );
      pages.push(runs);
    }
    const text = layOut(pages);
    const letters = countLetters(text, 10 * doc.numPages);
    if (letters < 10 * doc.numPages)
      throw refuse(
        'pdf_no_text',
        `The PDF has ${doc.numPages === 1 ? 'one page' : `${doc.numPages} pages`} but ${letters ? `only ${letters} letters of text` : 'no text'}: it is scanned images without a text layer. Run text recognition (OCR) on it, or upload the original document.`,
      );
    return { text, pages: doc.numPages };
  } catch (e) {
    throw unreadable(e, limits.ms ?? MAX_PDF_MS);
  } finally {
    void task.destroy().catch(() => {});
  }
}

class Timeout extends Error {}

/** The promise's value, or a Timeout when the deadline passes first (or has passed: a small PDF settles before any timer). */
async function withinTime<T>(p: Promise<T>, deadline: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Given up on, the promise still settles (destroying the task rejects it), and an unhandled rejection would end the process.
  p.catch(() => {});
  try {
    if (Date.now() >= deadline) throw new Timeout();
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Timeout()), Math.max(0, deadline - Date.now()));
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Letters and digits in a text, counted up to `enough`. */
function countLetters(text: string, enough: number): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]/gu)) if (++n >= enough) break;
  return n;
}

function unreadable(e: unknown, ms: number): Error {
  if (e instanceof Error && e.name === 'AppError') return e;
  if (e instanceof Timeout)
    return refuse(
      'pdf_unreadable',
      `The PDF could not be read within ${ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`}: it is too complex, or damaged.`,
    );
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') return refuse('pdf_unreadable', 'The PDF is protected by a password; upload it without the protection.');
  const detail = e instanceof Error && e.message ? ` (${e.message.replace(/\.$/u, '')})` : '';
  return refuse('pdf_unreadable', `The file starts as a PDF but could not be read${detail}: it is cut off or damaged. Save or export it again.`);
}

// ——— Layout ———

/**
 * Runs to paragraphs. pdf.js gives runs in the order of the page's content stream, which is the reading order of
 * nearly every PDF a newsroom or ministry produces (sorting by position would interleave columns). A new line
 * starts where a run is lower or higher than the line's; a paragraph where the gap to the next line is clearly
 * wider than the page's usual line spacing. A word hyphenated at a line end is joined again. A paragraph that ends
 * a page without a full stop and is continued in lower case on the next is one paragraph.
 */
export function layOut(pages: readonly (readonly TextRun[])[]): string {
  const paragraphs: string[] = [];
  for (const runs of pages) {
    const paras = pageParagraphs(runs);
    const last = paragraphs[paragraphs.length - 1];
    if (last !== undefined && paras[0] !== undefined && !ENDS_SENTENCE.test(last) && /^\p{Ll}/u.test(paras[0]))
      paragraphs[paragraphs.length - 1] = joinLines(last, paras.shift()!);
    paragraphs.push(...paras);
  }
  return paragraphs.join('\n\n');
}

const ENDS_SENTENCE = /[.!?…:;»"”)\]]$/u;

interface Line {
  text: string;
  x: number;
  y: number;
  height: number;
  endX: number;
}

function pageParagraphs(runs: readonly TextRun[]): string[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  const end = () => {
    if (line && line.text.trim()) lines.push({ ...line, text: line.text.replace(/\s+/gu, ' ').trim() });
    line = undefined;
  };
  for (const r of runs) {
    if (r.str) {
      const h = r.height || 1;
      if (line && Math.abs(r.y - line.y) > 0.5 * Math.max(h, line.height)) end();
      if (!line) line = { text: r.str, x: r.x, y: r.y, height: h, endX: r.x + r.width };
      else {
        const gap = r.x - line.endX;
        const spaced = /\s$/u.test(line.text) || /^\s/u.test(r.str);
        line.text += !spaced && (gap > 0.15 * h || gap < -h) ? ` ${r.str}` : r.str;
        line.endX = r.x + r.width;
        line.height = Math.max(line.height, h);
      }
    }
    if (r.hasEOL) end();
  }
  end();
  // The page's usual line spacing: the lower median of the steps down between lines at most three lines apart
  // (lower, so that a page of short paragraphs, with as many gaps as lines, still finds its line spacing).
  const steps = lines
    .slice(1)
    .map((l, k) => lines[k]!.y - l.y)
    .filter((d, k) => d > 0 && d < 3 * lines[k + 1]!.height)
    .sort((a, b) => a - b);
  const usual = steps[Math.floor((steps.length - 1) / 2)];
  // The page's left margin, for paragraphs marked by an indented first line instead of a gap.
  const lefts = lines.map((l) => l.x).sort((a, b) => a - b);
  const margin = lefts[Math.floor(lefts.length / 4)] ?? 0;
  const paragraphs: string[] = [];
  let para = '';
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    let breaks = false;
    if (prev) {
      const step = prev.y - l.y;
      // Higher up than the line before: the next column or box; it continues the paragraph unless that ended a sentence.
      if (step < -0.5 * l.height) breaks = ENDS_SENTENCE.test(para);
      else breaks = usual !== undefined && steps.length >= 2 ? step > 1.4 * usual : step > 1.8 * Math.max(prev.height, l.height);
      if (!breaks && step > 0 && l.x > margin + 0.8 * l.height && prev.x <= margin + 0.5 * l.height && ENDS_SENTENCE.test(para)) breaks = true;
    }
    if (breaks && para) {
      paragraphs.push(para);
      para = '';
    }
    para = para ? joinLines(para, l.text) : l.text;
  });
  if (para) paragraphs.push(para);
  return paragraphs;
}

/** A line joined to the next: a word hyphenated across them is joined again, other lines are joined by a space. */
function joinLines(a: string, b: string): string {
  if (/\p{L}[-\u00ad\u2010]$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  if (a.endsWith('\u00ad')) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}
