import { nameKey, surnameKey } from './name-key.ts';
import type { NameTable } from './name-table.ts';

/** A person as one list writes them: names as written, date of birth with its precision. */
export interface ListedPerson {
  id: string;
  surname: string;
  given: string;
  patronymic?: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the list does not give it. */
  birthDate?: string | null;
}

/** What the engine derives from a person once, before any pair is compared. */
export interface PreparedPerson {
  person: ListedPerson;
  surname: NameKeys;
  given: NameKeys;
  patronymic: NameKeys | null;
  birth: { y: string; m: string | null; d: string | null } | null;
}

export interface NameKeys {
  key: string;
  cls: string;
  diminutiveOf: readonly string[];
}

export const FIELDS = ['surname', 'given', 'patronymic', 'birthDate'] as const;
export type Field = (typeof FIELDS)[number];

/** Agreement levels per field, best first; `missing` is never weighed (nothing observed). */
export const LEVELS = {
  surname: ['exact', 'equivalent', 'similar', 'different'],
  given: ['exact', 'equivalent', 'diminutive', 'similar', 'different'],
  patronymic: ['exact', 'equivalent', 'similar', 'different'],
  birthDate: ['exact', 'month', 'year', 'near', 'otherDay', 'different'],
} as const satisfies Record<Field, readonly string[]>;
export type Level = (typeof LEVELS)[Field][number] | 'missing';

/** Keys of spellings already seen; bounded, and the keys are a pure function of the text and the one table. */
const KEYS = new Map<string, NameKeys>();

export function prepare(person: ListedPerson, table: NameTable): PreparedPerson {
  const keys = (text: string): NameKeys => {
    const known = KEYS.get(text);
    if (known) return known;
    const k = surnameKey(text);
    const out = { key: k, cls: table.classOf(k), diminutiveOf: table.diminutiveOf(nameKey(text)) };
    if (KEYS.size > 200_000) KEYS.clear();
    KEYS.set(text, out);
    return out;
  };
  const b = person.birthDate ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(person.birthDate) : null;
  return {
    person,
    surname: keys(person.surname),
    given: keys(person.given),
    patronymic: person.patronymic ? keys(person.patronymic) : null,
    birth: b ? { y: b[1]!, m: b[2] ?? null, d: b[3] ?? null } : null,
  };
}

/** Scratch space for jaroWinkler, reused: it runs a few hundred thousand times per reconciliation. */
let usedB = new Uint8Array(64);
let matchA = new Int32Array(64);

/**
 * Jaro–Winkler similarity of two keys. Written here because it is a dozen lines over strings of our own token
 * alphabet, and the packages at hand compute edit distances, which punish a transposed pair (a common typo) twice.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  if (lb > usedB.length) usedB = new Uint8Array(2 * lb);
  if (la > matchA.length) matchA = new Int32Array(2 * la);
  usedB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    for (let j = Math.max(0, i - window); j < Math.min(lb, i + window + 1); j++) {
      if (!usedB[j] && c === b.charCodeAt(j)) {
        usedB[j] = 1;
        matchA[m++] = i;
        break;
      }
    }
  }
  if (!m) return 0;
  let t = 0;
  let j = 0;
  for (let k = 0; k < m; k++) {
    while (!usedB[j]) j++;
    if (a.charCodeAt(matchA[k]!) !== b.charCodeAt(j)) t++;
    j++;
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const SIMILAR = 0.9;

function compareName(a: NameKeys | null, b: NameKeys | null, allowDiminutive: boolean): Level {
  if (!a || !b || !a.key || !b.key) return 'missing';
  if (a.key === b.key) return 'exact';
  if (a.cls === b.cls) return 'equivalent';
  if (allowDiminutive && (a.diminutiveOf.includes(b.cls) || b.diminutiveOf.includes(a.cls) || a.diminutiveOf.some((c) => b.diminutiveOf.includes(c))))
    return 'diminutive';
  // Keys whose lengths differ by more than a third cannot reach SIMILAR: skip the computation.
  if (Math.abs(a.key.length - b.key.length) * 3 > Math.max(a.key.length, b.key.length)) return 'different';
  return jaroWinkler(a.key, b.key) >= SIMILAR ? 'similar' : 'different';
}

function compareBirth(a: PreparedPerson['birth'], b: PreparedPerson['birth']): Level {
  if (!a || !b) return 'missing';
  if (a.d && b.d && a.m === b.m && a.y === b.y && a.d === b.d) return 'exact';
  if (a.y === b.y) {
    // Same month, another day: far more common by chance than a slip below, so it gets a level of its own.
    if (a.m && b.m && a.m === b.m) return a.d && b.d ? 'otherDay' : 'month';
    // Day and month swapped (03-04 for 04-03) is a clerk's slip, not a different person.
    if (a.m && b.m && a.d && b.d && a.m === b.d && a.d === b.m) return 'near';
    return !a.m || !b.m ? 'year' : 'different';
  }
  if (a.m && b.m && a.d && b.d && a.m === b.m && a.d === b.d && Math.abs(Number(a.y) - Number(b.y)) <= 1) return 'near';
  return 'different';
}

export interface Comparison {
  levels: Record<Field, Level>;
  /** The second list wrote the given name in the surname's place and the surname in the given name's. */
  swapped: boolean;
}

const RANK: Record<string, number> = { exact: 3, equivalent: 3, diminutive: 2, similar: 1 };

const rank = (l: Level) => RANK[l] ?? 0;

export function compare(a: PreparedPerson, b: PreparedPerson): Comparison {
  let surname = compareName(a.surname, b.surname, false);
  let given = compareName(a.given, b.given, true);
  let swapped = false;
  const straight = rank(surname) + rank(given);
  // The crossed order can only win where the straight one is not already at least "equivalent" on both names.
  if (straight < 6) {
    const s = compareName(a.surname, b.given, false);
    const g = compareName(a.given, b.surname, true);
    if (rank(s) + rank(g) > straight) [surname, given, swapped] = [s, g, true];
  }
  return {
    levels: { surname, given, patronymic: compareName(a.patronymic, b.patronymic, false), birthDate: compareBirth(a.birth, b.birth) },
    swapped,
  };
}
