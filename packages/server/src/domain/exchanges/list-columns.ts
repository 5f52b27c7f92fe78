import type { DetaineeEntry } from '@parley/contracts';
import { AppError, invalid } from '../shared/app-error.ts';
import { nameScript } from './name-key.ts';

/**
 * The columns of a prisoner list and what one row becomes. The lists come from ministries, ombudsmen and
 * families, in English, Ukrainian or Russian, typed by hand; the headers are matched loosely (case, spaces,
 * apostrophes), the values strictly: a name is evidence, so it is only trimmed and NFC-normalised, and
 * anything doubtful is reported rather than repaired.
 */

export type Column = keyof DetaineeEntry | 'fullName';

const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  surname: ['surname', 'last name', 'family name', 'прізвище', 'фамилия'],
  given: ['given name', 'given', 'first name', 'forename', "ім'я", 'имя'],
  patronymic: ['patronymic', 'middle name', 'father’s name', 'по батькові', 'отчество'],
  fullName: ['full name', 'піб', 'п.і.б.', "прізвище, ім'я, по батькові", 'фио', 'ф.и.о.', 'фамилия, имя, отчество', 'фамилия имя отчество'],
  birthDate: ['date of birth', 'birth date', 'born', 'дата народження', 'дата рождения'],
  birthPlace: ['place of birth', 'birth place', 'місце народження', 'место рождения'],
  category: ['status', 'category', 'статус', 'категорія', 'категория'],
  unit: ['unit', 'military unit', 'військова частина', 'в/ч', 'підрозділ', 'воинская часть', 'войсковая часть', 'подразделение'],
  capturedOn: ['date of capture', 'captured on', 'дата полону', 'дата захоплення', 'дата пленения', 'дата захвата'],
  capturedAt: ['place of capture', 'captured at', 'місце полону', 'місце захоплення', 'место пленения', 'место захвата'],
  note: ['note', 'notes', 'comment', 'примітка', 'примітки', 'примечание', 'примечания'],
};

/** Case, spaces, dots and the several apostrophes of Ukrainian keyboards do not tell two headers apart. */
const headerKey = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2019\u02bc`\u2018]/gu, "'")
    .replace(/ё/gu, 'е')
    .replace(/[\s._,-]+/gu, '');

const BY_KEY = new Map<string, Column>();
for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) for (const n of names) BY_KEY.set(headerKey(n), column);

// Every accepted name, so whoever prepared the list can rename a column to one of them.
const ACCEPTED = Object.values(HEADERS)
  .map((names) => names.join(' / '))
  .join('; ');

/**
 * The column of each header cell (null for an empty one). An unknown header is refused rather than ignored:
 * a column silently dropped is information lost from a list that someone signed.
 */
export function readHeader(cells: readonly string[]): (Column | null)[] {
  const known = cells.map((c) => (clean(c) ? BY_KEY.get(headerKey(clean(c))) : null));
  const unknown = cells.filter((_, i) => known[i] === undefined).map(clean);
  if (unknown.length)
    throw new AppError(
      'validation',
      'unknown_column',
      `The list has columns Parley does not know: ${unknown.map((u) => `"${u}"`).join(', ')}. It reads: ${ACCEPTED}.`,
      { field: 'file', columns: unknown },
    );
  const columns = known as (Column | null)[];
  const twice = columns.find((c, i) => c !== null && columns.indexOf(c) !== i);
  if (twice) throw invalid('file', 'unknown_layout', `Two columns of the header both mean "${HEADERS[twice][0]}"; keep one.`);
  const has = (c: Column) => columns.includes(c);
  if (has('fullName') && (has('surname') || has('given') || has('patronymic')))
    throw invalid('file', 'unknown_layout', 'The header has a full-name column (ПІБ / ФИО) and separate name columns; give one or the other.');
  if (!has('fullName') && !(has('surname') && has('given'))) {
    const lacking = !has('surname') && !has('given') ? 'a name' : has('surname') ? 'the given name' : 'the surname';
    throw new AppError(
      'validation',
      'missing_column',
      `The list has no column for ${lacking}: it needs surname and given name (прізвище, ім'я / фамилия, имя), or one full name column (ПІБ / ФИО).`,
      { field: 'file' },
    );
  }
  return columns;
}

/** The one change a value gets: NFC, and runs of whitespace (tabs, no-break spaces) as one space. */
export const clean = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** 'military', 'civilian' or 'unknown' as the lists write it, in either gender and any case. */
const CATEGORIES: Record<string, DetaineeEntry['category']> = {};
const category = (c: DetaineeEntry['category'], ...words: string[]) => words.forEach((w) => (CATEGORIES[headerKey(w)] = c));
category('military', 'military', 'soldier', 'serviceman', 'servicewoman', 'combatant', 'pow', 'prisoner of war');
category('military', 'військовий', 'військова', 'військовослужбовець', 'військовослужбовиця', 'військовополонений', 'військовополонена');
category('military', 'военный', 'военная', 'военнослужащий', 'военнослужащая', 'военнопленный', 'военнопленная');
category('civilian', 'civilian', 'civil', 'цивільний', 'цивільна', 'цивільна особа', 'мирний житель', 'мирна жителька');
category('civilian', 'гражданский', 'гражданская', 'гражданское лицо', 'мирный житель', 'мирная жительница');
category('unknown', 'unknown', 'невідомо', 'невідомий', 'неизвестно', 'неизвестный');

/**
 * YYYY, YYYY-MM or YYYY-MM-DD with the precision the list gives. Dates are read as the forms the lists use
 * (ISO, and the dotted day-first form of both countries); a slash date is ambiguous between D/M and M/D and is
 * not guessed at.
 */
export function readDate(raw: string, today: string): { value?: string; problem?: Omit<FieldProblem, 'field'> } {
  const s = raw.trim();
  if (!s) return {};
  let m: RegExpMatchArray | null;
  let y: number, mo: number | undefined, d: number | undefined;
  if ((m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(s))) [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u.exec(s))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else if ((m = /^(\d{1,2})\.(\d{4})$/u.exec(s))) [y, mo] = [Number(m[2]), Number(m[1])];
  else return { problem: { code: 'bad_date', message: `"${s}" is not a date in a form Parley reads (YYYY-MM-DD, DD.MM.YYYY, MM.YYYY or YYYY).` } };
  const iso = [String(y).padStart(4, '0'), mo && String(mo).padStart(2, '0'), d && String(d).padStart(2, '0')].filter(Boolean).join('-');
  const exists = (mo === undefined || (mo >= 1 && mo <= 12)) && (d === undefined || (d >= 1 && d <= new Date(Date.UTC(y, mo!, 0)).getUTCDate()));
  if (!exists) return { problem: { code: 'impossible_date', message: `"${s}" does not exist in the calendar.` } };
  if (y < 1900) return { problem: { code: 'impossible_date', message: `"${s}" is before 1900.` } };
  // Compared at the date's own precision, so "2024" is not "after" 2024-06-01.
  if (iso > today.slice(0, iso.length)) return { problem: { code: 'impossible_date', message: `"${s}" is after today (${today}).` } };
  return { value: iso };
}

const LIMITS: Readonly<Record<string, number>> = { surname: 100, given: 100, patronymic: 100, birthPlace: 200, unit: 200, capturedAt: 200, note: 1000 };
const NAME_FIELDS = new Set(['surname', 'given', 'patronymic']);
const DATE_FIELDS = new Set(['birthDate', 'capturedOn']);

/** Each word by itself, so a double-barrelled name may be written in Latin and Cyrillic, but no word in both. */
export function nameProblem(field: string, value: string): FieldProblem | undefined {
  const words = value.split(/[\s\-\u2010\u2011]+/u);
  const bad = words.find((w) => /\p{N}/u.test(w) || !['cyrillic', 'latin', 'none'].includes(nameScript(w)));
  if (bad !== undefined || nameScript(value) === 'none')
    return {
      field,
      code: 'unknown_script',
      message: `"${value}" is not a name in Cyrillic or Latin letters${bad !== undefined ? ` ("${bad}" has ${/\p{N}/u.test(bad) ? 'digits' : nameScript(bad) === 'mixed' ? 'letters of both scripts' : 'letters of another script'})` : ' (it has no letters)'}.`,
    };
  return undefined;
}

/**
 * One row's values by column to an entry, or the problems that keep it out. A full name is split on spaces as
 * the lists write it, surname first: ПІБ "Шевченко Тарас Григорович"; the words after the given name are the
 * patronymic, which keeps Turkic ones ("Гасан оглы") whole.
 */
export function toEntry(values: ReadonlyMap<Column, string>, today: string): { entry?: DetaineeEntry; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const v = new Map<string, string>();
  for (const [c, raw] of values) if (clean(raw)) v.set(c, clean(raw));
  const full = v.get('fullName');
  if (full !== undefined) {
    const [surname, given, ...rest] = full.split(' ');
    v.delete('fullName');
    v.set('surname', surname!);
    if (given) v.set('given', given);
    if (rest.length) v.set('patronymic', rest.join(' '));
  }
  for (const f of ['surname', 'given'])
    if (!v.has(f))
      problems.push({
        field: full !== undefined ? 'fullName' : f,
        code: 'missing_name',
        message:
          full !== undefined
            ? `The full name "${full}" has no ${f === 'given' ? 'given name after the surname' : 'surname'}.`
            : `The ${f === 'surname' ? 'surname' : 'given name'} is empty.`,
      });
  const entry: Record<string, string> = {};
  for (const [f, value] of v) {
    const limit = LIMITS[f];
    if (limit !== undefined && [...value].length > limit) {
      problems.push({ field: f, code: 'too_long', message: `The ${f} is ${[...value].length} characters long; at most ${limit} are kept.` });
      continue;
    }
    if (NAME_FIELDS.has(f)) {
      const p = nameProblem(full !== undefined ? 'fullName' : f, value);
      if (p) problems.push(p);
      else entry[f] = value;
    } else if (DATE_FIELDS.has(f)) {
      const d = readDate(value, today);
      if (d.problem) problems.push({ field: f, ...d.problem });
      else if (d.value) entry[f] = d.value;
    } else if (f === 'category') {
      const c = CATEGORIES[headerKey(value)];
      if (c) entry[f] = c;
      else
        problems.push({
          field: f,
          code: 'unknown_category',
          message: `"${value}" is not a category Parley knows: military (військовий, военный) or civilian (цивільний, гражданский).`,
        });
    } else entry[f] = value;
  }
  if (problems.length) return { problems };
  const order = ['surname', 'given', 'patronymic', 'birthDate', 'birthPlace', 'category', 'unit', 'capturedOn', 'capturedAt', 'note'] as const;
  const out: Record<string, string> = {};
  for (const f of order)
    if (f === 'category') out[f] = entry[f] ?? 'unknown';
    else if (entry[f] !== undefined) out[f] = entry[f];
  return { entry: out as DetaineeEntry, problems };
}
