import type { DetaineeEntry } from '@parley/contracts';
import { AppError } from '../shared/app-error.ts';
import { parsePreciseDate } from '../shared/precise-date.ts';
import { nameProblem } from './list-columns.ts';

/** One refused row of a list, with the line it came from. */
export interface RowProblem {
  line: number;
  field?: string;
  code: string;
  message: string;
}

const NAMES = ['surname', 'given', 'patronymic'] as const;
const DATES = ['birthDate', 'capturedOn'] as const;

/**
 * What a list's rows must satisfy whatever they came from (a file or the browser): names in a script the name
 * key knows (each word Cyrillic or Latin, the same rule uploads are read by), real dates no later than today,
 * no capture before birth, and no row repeated. Names are evidence, so nothing is corrected: a row is stored
 * as written or refused.
 */
export function entryProblems(entries: readonly DetaineeEntry[], today: string, lines?: readonly number[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const line = lines?.[i] ?? i + 1;
    const add = (field: string, code: string, message: string) => problems.push({ line, field, code, message });
    for (const field of NAMES) {
      const problem = e[field] === undefined ? undefined : nameProblem(field, e[field]);
      if (problem) add(field, problem.code, problem.message);
    }
    for (const field of DATES) {
      const value = e[field];
      if (value === undefined) continue;
      try {
        const d = parsePreciseDate(value, field);
        if (d.precision === 'time') add(field, 'bad_date', `"${value}" is a time; give the day, month or year.`);
        else if (d.firstDay > today) add(field, 'impossible_date', `"${value}" is in the future.`);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        add(field, err.reason, err.message);
      }
    }
    if (e.birthDate && e.capturedOn && e.capturedOn < e.birthDate.slice(0, e.capturedOn.length))
      add('capturedOn', 'impossible_date', `The capture (${e.capturedOn}) is before the birth (${e.birthDate}).`);
    const key = JSON.stringify(Object.entries(e).sort(([a], [b]) => (a < b ? -1 : 1)));
    const first = seen.get(key);
    if (first !== undefined) add('surname', 'duplicate_row', `This row repeats line ${first}.`);
    else seen.set(key, line);
  });
  return problems;
}
