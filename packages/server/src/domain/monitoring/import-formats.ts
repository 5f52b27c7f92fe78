import { invalid, type ErrorReason } from '../shared/app-error.ts';
import type { CsvProblem, CsvRecord } from './csv.ts';
import type { Incident, Problem } from './incident.ts';
import type { RowReport, UcdpParse } from './ucdp.ts';

export type ImportFormat = 'ucdp' | 'acled' | 'hxl' | 'geojson';

/** An incident a file yields, under the id that makes a re-import of the same file find it. */
export interface ParsedIncident {
  line: number;
  id: string;
  incident: Incident;
}

/**
 * What reading a file gave, whatever its format. `line` is the physical line a CSV record
 * starts on; a GeoJSON feature has no line once parsed, so there it is the feature's
 * 1-based position in the collection.
 */
export interface IncidentParse {
  format: ImportFormat;
  encoding: UcdpParse['encoding'];
  rows: RowReport[];
  incidents: ParsedIncident[];
  complete: boolean;
  totals: UcdpParse['totals'];
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A dataset's own id made into a record id: the same row always lands on the same incident. */
export const idFrom = (prefix: string, externalId: string) => `${prefix}-${externalId.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`.slice(0, 64);

/**
 * An id for a row that carries none, derived from its content (two FNV-1a hashes), so
 * re-importing the same file is still idempotent. A collision is not a silent merge:
 * the second row meets the first's id with another body and is refused as id_reused.
 */
export function contentId(prefix: string, text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${prefix}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

export class RowError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}
export const refuse = (field: string, reason: ErrorReason, message: string): never => {
  throw new RowError({ field, reason, message });
};

export interface RowMapping {
  id?: string;
  /** The id as the file spells it, for the report (ACLED's UKR1004 rather than acled-ukr1004). */
  label?: string;
  incident?: Incident;
  problems: Problem[];
  refused: boolean;
}

/** Runs a row mapper, turning a RowError into a refusal of that row alone, reported under the row's id when it has one. */
export function mapRow(map: () => { id: string; incident: Incident; problems: Problem[] }, label?: string): RowMapping {
  try {
    return { ...map(), label, refused: false };
  } catch (e) {
    if (e instanceof RowError) return { label, problems: [e.problem], refused: true };
    throw e;
  }
}

/**
 * Turns CSV records into row reports and incidents: a record with the wrong number of
 * fields, a refused row and a repeated id contribute nothing; a file cut off inside a
 * record ends with a refused row on the line the record starts.
 */
export function readRecords(
  records: CsvRecord[],
  header: string[],
  problem: CsvProblem | undefined,
  map: (row: Record<string, string>) => RowMapping,
): { rows: RowReport[]; incidents: ParsedIncident[] } {
  const rows: RowReport[] = [];
  const incidents: ParsedIncident[] = [];
  const seen = new Set<string>();
  for (const rec of records) {
    if (rec.fields.length === 1 && rec.fields[0] === '') continue;
    if (rec.fields.length !== header.length) {
      rows.push({
        line: rec.line,
        status: 'refused',
        problems: [
          { field: 'row', reason: 'wrong_field_count', message: `Line ${rec.line} has ${rec.fields.length} fields; the header has ${header.length}.` },
        ],
      });
      continue;
    }
    const mapped = map(Object.fromEntries(header.map((h, i) => [h, rec.fields[i]!])));
    rows.push(report(rec.line, mapped, seen, incidents));
  }
  if (problem) rows.push({ line: problem.line, status: 'refused', problems: [{ field: 'row', reason: problem.reason, message: problem.message }] });
  return { rows, incidents };
}

/** The report of one mapped row; an accepted row's incident is added to `incidents`. */
export function report(line: number, mapped: RowMapping, seen: Set<string>, incidents: ParsedIncident[]): RowReport {
  const id = mapped.id;
  const shown = mapped.label ?? id;
  if (!mapped.refused && seen.has(id!)) {
    return { line, id: shown, status: 'refused', problems: [{ field: 'id', reason: 'duplicate_id', message: `The id ${shown} appears earlier in the file.` }] };
  }
  if (mapped.refused) return { line, id: shown, status: 'refused', problems: mapped.problems };
  seen.add(id!);
  incidents.push({ line, id: id!, incident: mapped.incident! });
  return { line, id: shown, status: mapped.problems.length ? 'warned' : 'accepted', problems: mapped.problems };
}

export function summarise(
  format: ImportFormat,
  encoding: IncidentParse['encoding'],
  rows: RowReport[],
  incidents: ParsedIncident[],
  complete: boolean,
): IncidentParse {
  const sum = (k: 'best' | 'low' | 'high') => incidents.reduce((s, { incident }) => s + incident.casualties.killed[k], 0);
  const by = (s: RowReport['status']) => rows.filter((r) => r.status === s).length;
  return {
    format,
    encoding,
    rows,
    incidents,
    complete,
    totals: {
      rows: rows.length,
      accepted: by('accepted'),
      warned: by('warned'),
      refused: by('refused'),
      best: sum('best'),
      low: sum('low'),
      high: sum('high'),
    },
  };
}

/** Every non-empty field of the line is a hashtag: HXL's tag row. */
export const isHxlTagRow = (fields: string[] | undefined) =>
  !!fields && fields.some((f) => f.trim() !== '') && fields.every((f) => f.trim() === '' || /^#[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*$/i.test(f.trim()));

export const unknownLayout = (message: string) => invalid('file', 'unknown_layout', message);
