import { parseCsv } from './csv.ts';
import { parseAcled } from './acled.ts';
import { parseGeoJson } from './geojson-import.ts';
import { parseHxl } from './hxl-import.ts';
import { idFrom, isHxlTagRow, summarise, unknownLayout, type ImportFormat, type IncidentParse } from './import-formats.ts';
import { decodeSourceFile } from './text-encoding.ts';
import { parseUcdp, UCDP_COLUMNS } from './ucdp.ts';

/** The first lines are enough to tell the formats apart, and a cut-off file still has them. */
const HEAD_BYTES = 64 * 1024;

/**
 * Tells the format from the file's start: JSON is GeoJSON; CSV is ACLED or UCDP GED by
 * their header, or HXL when the second line is a tag row. Anything else is refused
 * rather than guessed at, since a wrong guess would refuse every row for the wrong reason.
 */
export function detectFormat(bytes: Uint8Array): ImportFormat {
  const start = bytes.subarray(0, HEAD_BYTES);
  const first = start.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf);
  if (first === 0x7b) return 'geojson';
  // Cut after a line end, where no multi-byte character can be split (no UTF-8 continuation byte is 0x0A).
  const end = start.lastIndexOf(0x0a);
  const head = end > 0 && bytes.length > HEAD_BYTES ? start.subarray(0, end + 1) : start;
  const [header, second] = parseCsv(decodeSourceFile(head).text).records.map((r) => r.fields);
  if (!header) throw unknownLayout('The file is empty.');
  // Both ACLED layouts have event_id_cnty; parseAcled names the columns a near miss lacks.
  if (header.includes('event_id_cnty')) return 'acled';
  if (UCDP_COLUMNS.every((c) => header.includes(c))) return 'ucdp';
  if (isHxlTagRow(second)) return 'hxl';
  throw unknownLayout('The file is neither UCDP GED nor ACLED CSV (by its header), nor CSV with an HXL tag row on its second line, nor GeoJSON.');
}

/** Reads an incident file in the named format, or the one detected. */
export function parseIncidentFile(bytes: Uint8Array, format: ImportFormat = detectFormat(bytes)): IncidentParse {
  switch (format) {
    case 'acled':
      return parseAcled(bytes);
    case 'hxl':
      return parseHxl(bytes);
    case 'geojson':
      return parseGeoJson(bytes);
    case 'ucdp': {
      const p = parseUcdp(bytes);
      return summarise(
        'ucdp',
        p.encoding,
        p.rows,
        p.incidents.map((x) => ({ ...x, id: idFrom('ucdp', x.incident.external!.id) })),
        p.complete,
      );
    }
  }
}
