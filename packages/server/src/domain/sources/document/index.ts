import { decodeText, isKnownCharset } from './decode.ts';
import { refuse, tooLarge } from './errors.ts';
import { scanHtml } from './html-scan.ts';
import { readPdf } from './pdf.ts';
import { binaryKind, isPdf, looksLikeHtml } from './sniff.ts';

/**
 * An uploaded document's bytes to text Parley can read as a source: an HTML page (its source, for the article
 * extractor), plain text, or a PDF's text layer. Everything that is not one of them, or that would make reading it
 * hang or eat memory, is refused with a reason and a sentence for the person who uploaded it.
 */

export type DocumentKind = 'html' | 'text' | 'pdf';

export interface ReadDocument {
  kind: DocumentKind;
  /** The HTML source for 'html'; plain text, lines ending in "\n", for 'text' and 'pdf' (a PDF's paragraphs separated by a blank line). */
  text: string;
  /** The encoding the bytes were read in (utf-8, utf-16le, utf-16be, windows-1251, koi8-r, koi8-u, windows-1252); "pdf" for a PDF. */
  encoding: string;
  /** For PDFs: the page count; else absent. */
  pages?: number;
}

export interface DocumentHint {
  /** The declared media type, with its parameters (`text/html; charset=windows-1251`). */
  mediaType?: string;
  fileName?: string;
}

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export { MAX_HTML_DEPTH, MAX_HTML_TAGS } from './html-scan.ts';
export { MAX_PDF_MS, MAX_PDF_PAGES } from './pdf.ts';
export { fingerprint, parseFingerprint, resemblance, NEAR_DUPLICATE, type Fingerprint } from './fingerprint.ts';

const MIB = 1024 * 1024;

/**
 * Decides the kind from the bytes (magic numbers, then content sniffing; the declared media type and the file name
 * only as a hint), decodes, and checks.
 */
export async function readDocument(bytes: Uint8Array, hint: DocumentHint = {}): Promise<ReadDocument> {
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw tooLarge(
      `The document is ${(bytes.length / MIB).toFixed(1)} MiB; Parley reads documents of at most ${MAX_DOCUMENT_BYTES / MIB} MiB.`,
      MAX_DOCUMENT_BYTES,
    );
  if (!bytes.length) throw refuse('document_empty', 'The document is empty (0 bytes).');
  if (isPdf(bytes)) {
    const { text, pages } = await readPdf(bytes);
    return { kind: 'pdf', text, encoding: 'pdf', pages };
  }
  const kind = binaryKind(bytes);
  if (kind) throw refuse('document_not_text', `The file is ${kind}, not a text document, HTML page or PDF.`);
  const declared = declaredCharset(bytes, hint.mediaType);
  const { text, encoding } = decodeText(bytes, declared);
  if (!/[^\s\u200b-\u200d\u2060\ufeff]/u.test(text)) throw refuse('document_empty', 'The document has no text: it is only whitespace.');
  if (looksLikeHtml(text, hint)) {
    const scan = scanHtml(text);
    if (!scan.textChars) throw refuse('document_empty', 'The HTML page has no text: only tags, scripts and styles.');
    return { kind: 'html', text, encoding };
  }
  return { kind: 'text', text: text.replace(/\r\n?/gu, '\n'), encoding };
}

/**
 * The charset the document says it is in: an HTML page's <meta charset> or <meta http-equiv="Content-Type"> in its
 * first 1024 bytes (where the HTML standard's prescan looks), else the charset parameter of the declared media type.
 * The page's own word wins, as pages are served through proxies and stores that relabel them.
 */
function declaredCharset(bytes: Uint8Array, mediaType: string | undefined): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const meta =
    /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head)?.[1] ?? /<meta\s[^>]*?content\s*=\s*["'][^"']*?charset\s*=\s*([\w.:-]+)/iu.exec(head)?.[1];
  const param = /;\s*charset\s*=\s*["']?([\w.:-]+)/iu.exec(mediaType ?? '')?.[1];
  // A declaration of an encoding Parley does not read is passed on too, so that the refusal can name it.
  return [meta, param].find((c) => c && isKnownCharset(c)) ?? meta ?? param;
}
