/**
 * What the first bytes of a file say it is. The bytes decide, not the name or the declared type: files are renamed,
 * mailed and re-saved, and a browser guesses the media type from the name.
 */

/** Where a PDF's header may be: the specification lets a file start with up to 1024 bytes of anything before it. */
const PDF_HEADER_WINDOW = 1024;

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_HEADER.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= end; i++) if (PDF_HEADER.every((b, k) => bytes[i + k] === b)) return true;
  return false;
}

interface Magic {
  at?: number;
  bytes: readonly number[];
  kind: string;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Signatures of common binary files people upload by mistake, and what to tell them each is. */
const MAGICS: readonly Magic[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (a Word, Excel or OpenDocument file is one too; save it as PDF)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an Office 97–2003 document (.doc, .xls); save it as PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: ascii('GIF87a'), kind: 'a GIF image' },
  { bytes: ascii('GIF89a'), kind: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], kind: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], kind: 'a TIFF image' },
  { at: 8, bytes: ascii('WEBP'), kind: 'a WebP image' },
  { at: 8, bytes: ascii('WAVE'), kind: 'a WAV recording' },
  { at: 4, bytes: ascii('ftyp'), kind: 'an MP4 or QuickTime video' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], kind: 'a Matroska or WebM video' },
  { bytes: ascii('OggS'), kind: 'an Ogg recording' },
  { bytes: ascii('ID3'), kind: 'an MP3 recording' },
  { bytes: ascii('fLaC'), kind: 'a FLAC recording' },
  { bytes: [0x4d, 0x5a], kind: 'a Windows program (EXE or DLL)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'a Linux program (ELF)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: 'a macOS program (Mach-O)' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], kind: 'a WebAssembly module' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: ascii('BZh'), kind: 'a bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: 'an xz archive' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: 'a Zstandard archive' },
  { bytes: ascii('Rar!\x1a\x07'), kind: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'a 7-Zip archive' },
  { bytes: ascii('SQLite format 3\0'), kind: 'an SQLite database' },
  { bytes: ascii('{\\rtf'), kind: 'an RTF document; save it as PDF or plain text' },
];

/**
 * The kind of binary file the bytes start like, if they start like one Parley knows. Short signatures ("MZ",
 * "ID3", "BZh") are also the first letters of some texts, so they count only when the start of the file is not
 * text (it has NUL or other control bytes); an RTF file is text but not a document Parley reads, so it always counts.
 */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const m of MAGICS) {
    const at = m.at ?? 0;
    if (bytes.length < at + m.bytes.length || !m.bytes.every((b, k) => bytes[at + k] === b)) continue;
    if (m.bytes.length >= 4 || m.kind.startsWith('an RTF') || hasControls(bytes.subarray(0, 512))) return m.kind;
  }
  return undefined;
}

const hasControls = (b: Uint8Array) => b.some((c) => c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c);

/**
 * Whether decoded text is an HTML page, after the WHATWG MIME sniffing rule: after optional whitespace it opens
 * with one of the tags only HTML starts with (or a comment). Short of that, a declared HTML type or an .html name
 * makes it HTML when the start of it has tags at all; XHTML (an XML declaration then <html>) is HTML too.
 */
export function looksLikeHtml(text: string, hint: { mediaType?: string | undefined; fileName?: string | undefined }): boolean {
  const head = text.slice(0, 4096).replace(/^[\s\ufeff]+/u, '');
  if (/^<(?:!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|meta|link)[\s/>]/iu.test(head)) return true;
  if (/^<!--/u.test(head)) return /<(?:html|head|body|div|p|meta)[\s/>]/iu.test(head);
  if (/^<\?xml[^>]*>\s*(?:<!--(?:(?!-->)[^])*-->\s*)*(?:<!doctype\s+html[^>]*>\s*)?<html[\s>]/iu.test(head)) return true;
  const declared = /^(?:text\/html|application\/xhtml\+xml)\b/iu.test(hint.mediaType?.trim() ?? '') || /\.x?html?$/iu.test(hint.fileName ?? '');
  return declared && /<\/?[a-z][a-z0-9-]*[\s/>]/iu.test(head);
}
