/**
 * Positions in a source's body text. Every candidate Parley proposes points at its words with spans, so a reviewer
 * sees exactly what it was read from and a confirmed record cites the place.
 */

/** A half-open range of UTF-16 code units, [start, end), into the body text: what `body.slice(start, end)` gives. */
export interface Span {
  start: number;
  end: number;
}

export const textOf = (body: string, span: Span) => body.slice(span.start, span.end);

/** Words after which a full stop does not end a sentence (titles and initials), in the three languages. */
const NO_END_AFTER =
  /(?:^|[\s(«"“])(?:mr|mrs|ms|dr|prof|gen|col|lt|maj|sgt|st|no|vs|jan|feb|mar|apr|aug|sept?|oct|nov|dec|ім|т|тов|м|г|гг|ул|вул|п|пп|ст|[a-zа-яіїєґ])\.$/iu;

const ENDS = /[.!?…\n\r\u2028\u2029。！？‼⁇⁈⁉]/;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** ICU's segmenter slows down more than linearly on one very long paragraph (13 s on 192 KB of short sentences). */
const WINDOW = 3000;
/**
 * A long paragraph as pieces of at most about WINDOW characters, each cut after a sentence's end and the space
 * after it, so segmenting the pieces gives the sentences of the whole; a piece with no such place is cut hard.
 */
function windows(para: string): string[] {
  if (para.length <= WINDOW) return [para];
  const out: string[] = [];
  let at = 0;
  while (para.length - at > WINDOW) {
    const part = para.slice(at, at + WINDOW);
    const cut = Math.max(part.lastIndexOf('. '), part.lastIndexOf('! '), part.lastIndexOf('? '), part.lastIndexOf('.” '), part.lastIndexOf('." '));
    const end = cut > WINDOW / 2 ? at + part.indexOf(' ', cut) + 1 : at + WINDOW;
    out.push(para.slice(at, end));
    at = end;
  }
  out.push(para.slice(at));
  return out;
}

/**
 * The sentences of a body, as spans without their surrounding whitespace. Intl's segmenter (ICU's sentence rules) does
 * the cutting; a cut after a title or an initial ("Mr.", "A.") is mended, as ICU breaks there. Paragraph breaks
 * always end a sentence.
 */
export function sentences(body: string): Span[] {
  const out: Span[] = [];
  let paraStart = 0;
  for (const para of body.split(/(\n\s*\n)/).flatMap(windows)) {
    if (/^\n\s*\n$/.test(para) || !para.trim()) {
      paraStart += para.length;
      continue;
    }
    // Without a sentence end the paragraph is one sentence; the segmenter costs more than that (a body of many short lines).
    if (!ENDS.test(para)) {
      const lead = para.length - para.trimStart().length;
      out.push({ start: paraStart + lead, end: paraStart + lead + para.trim().length });
      paraStart += para.length;
      continue;
    }
    let pending: Span | null = null;
    for (const seg of segmenter.segment(para)) {
      const lead = seg.segment.length - seg.segment.trimStart().length;
      const text = seg.segment.trim();
      if (!text) continue;
      const span = { start: paraStart + seg.index + lead, end: paraStart + seg.index + lead + text.length };
      if (pending) pending.end = span.end;
      else pending = span;
      if (!NO_END_AFTER.test(body.slice(pending.start, pending.end))) {
        out.push(pending);
        pending = null;
      }
    }
    if (pending) out.push(pending);
    paraStart += para.length;
  }
  return out;
}
