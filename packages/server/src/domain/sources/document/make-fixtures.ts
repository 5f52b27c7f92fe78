/**
 * Test fixtures made from scratch, so that every test says exactly what its file holds: PDFs written byte by byte
 * (with a correct cross-reference table), and texts encoded in the single-byte code pages Node can decode but not encode.
 */

export interface PdfLine {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

const escapePdf = (s: string) => s.replace(/[\\()]/gu, (c) => `\\${c}`);

/**
 * A PDF of the given pages, each a list of lines of Helvetica (ASCII) at given positions, or a raw content stream.
 * Objects: 1 catalog, 2 page tree, 3 font, then per page its page object and its content stream.
 */
export function makePdf(pages: readonly (readonly PdfLine[] | string)[]): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const kids: string[] = [];
  for (const page of pages) {
    const content =
      typeof page === 'string'
        ? page
        : `BT\n${page.map((l) => `/F1 ${l.size ?? 12} Tf 1 0 0 1 ${l.x ?? 72} ${l.y} Tm (${escapePdf(l.text)}) Tj`).join('\n')}\nET`;
    const pageNo = objects.length + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
    kids.push(`${pageNo} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Text encoded in a single-byte code page, by inverting Node's decoder for it; a character the page lacks throws. */
export function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  const decoded = new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  [...decoded].forEach((c, i) => {
    if (!table.has(c)) table.set(c, i);
  });
  return Uint8Array.from([...text], (c) => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`${encoding} has no "${c}"`);
    return b;
  });
}

/** Bytes from a seeded generator (xorshift32), so a "random" fixture is the same on every run. */
export function randomBytes(n: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
