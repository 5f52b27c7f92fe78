import { invalid } from '../shared/app-error.ts';

/** A line named in a comparison: a record (at its current or a given version), or the contact line in force on a day. */
export type LineRef = { kind: 'record'; id: string; version?: number } | { kind: 'contact'; date: string };

const RECORD = /^([a-z0-9][a-z0-9_-]{0,63})(?:@([1-9][0-9]{0,8}))?$/;
const CONTACT = /^contact@(\d{4}-\d{2}-\d{2})$/;

/** Reads `<lineId>`, `<lineId>@<version>` or `contact@YYYY-MM-DD`. */
export function parseLineRef(text: string, field: string): LineRef {
  const contact = CONTACT.exec(text);
  if (contact) {
    const date = contact[1]!;
    const d = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw invalid(field, 'impossible_date', `${date} is not a day of the calendar.`);
    return { kind: 'contact', date };
  }
  const record = RECORD.exec(text);
  if (!record) throw invalid(field, 'invalid_pattern', `"${text}" names no line: give a line id, a line id and version (id@2), or contact@YYYY-MM-DD.`);
  return record[2] ? { kind: 'record', id: record[1]!, version: Number(record[2]) } : { kind: 'record', id: record[1]! };
}
