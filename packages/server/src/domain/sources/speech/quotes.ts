import type { Span } from '../read/text.ts';

/** A quotation: the offsets of its marks and the words between them. */
export interface Quote {
  open: number;
  /** Offset of the closing mark, or of the paragraph end for a quote the next paragraph reopens. */
  close: number;
  inner: Span;
  /** Left open at a paragraph end that the next paragraph reopens: its speaker is named after the reopened quote. */
  continued: boolean;
}

// Beyond this a quotation is more likely an unbalanced mark than speech; giving up keeps the scan linear.
const MAX_QUOTE = 6000;
const CLOSERS: Record<string, string> = { '«': '»', '“': '”', '„': '“”', '"': '"' };
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const paragraphBreakAt = (body: string, i: number) => {
  if (body[i] !== '\n') return -1;
  let j = i + 1;
  while (j < body.length && (body[j] === ' ' || body[j] === '\t' || body[j] === '\r')) j++;
  return body[j] === '\n' ? j : -1;
};

/**
 * Quotations in one pass. Nested marks of the same kind are counted so an inner quote does not end the outer one;
 * other kinds inside are words of the quote. A straight quote opens only where it cannot be an inch or feet mark
 * (not after a letter or digit). A quote left open at a paragraph end counts only if the next paragraph reopens
 * it, as wire copy continues a quote across paragraphs; otherwise the mark was stray.
 */
export function findQuotes(body: string): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  let closers = '';
  let opener = '';
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (open < 0) {
      if (!(c in CLOSERS)) continue;
      if (c === '"' && ((i > 0 && LETTER_OR_DIGIT.test(body[i - 1]!)) || /\s/.test(body[i + 1] ?? ' '))) continue;
      open = i;
      opener = c;
      closers = CLOSERS[c]!;
      depth = 0;
      continue;
    }
    const brk = paragraphBreakAt(body, i);
    if (brk >= 0 || i - open > MAX_QUOTE) {
      let next = brk + 1;
      while (brk >= 0 && next < body.length && next - brk < 16 && /\s/.test(body[next]!)) next++;
      if (brk >= 0 && body[next] === opener) out.push({ open, close: i, inner: { start: open + 1, end: i }, continued: true });
      open = -1;
      continue;
    }
    if (c === opener && opener !== '"' && !closers.includes(c)) depth++;
    else if (closers.includes(c)) {
      if (depth > 0) depth--;
      else {
        out.push({ open, close: i, inner: { start: open + 1, end: i }, continued: false });
        open = -1;
      }
    }
  }
  return out;
}
