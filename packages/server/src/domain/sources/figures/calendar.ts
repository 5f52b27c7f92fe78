/**
 * Day arithmetic on ISO dates and the word tables the date reader needs in English, Ukrainian and Russian. Days are
 * counted in UTC so that no local time zone or summer time shifts a report's date.
 */

const DAY_MS = 86_400_000;

/** Day number of an ISO date (days since 1970-01-01), or null when it is not a real calendar day. */
export function dayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return dayFrom(+m[1]!, +m[2]!, +m[3]!);
}

export function dayFrom(y: number, month: number, d: number): number | null {
  if (month < 1 || month > 12 || d < 1 || d > monthLength(y, month)) return null;
  return Date.UTC(y, month - 1, d) / DAY_MS;
}

export const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const monthLength = (y: number, month: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
/** Monday 0 … Sunday 6: reports count weeks from Monday in all three languages. */
export const weekdayOf = (day: number) => (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
export const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
export const monthOf = (day: number) => new Date(day * DAY_MS).getUTCMonth() + 1;

// Unicode-aware word edges: JavaScript's \b only knows ASCII letters, and most of these words are Cyrillic.
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

/** Month names by number, each an alternation of the forms a report uses (case endings in uk/ru). */
const MONTHS: [number, string][] = [
  [1, 'january|jan\\.?|січ(?:ень|ня|ні)|январ[ьяе]'],
  [2, 'february|feb\\.?|лют(?:ий|ого|ому)|феврал[ьяе]'],
  [3, 'march|mar\\.?|берез(?:ень|ня|ні)|марта?|марте'],
  [4, 'april|apr\\.?|квіт(?:ень|ня|ні)|апрел[ьяе]'],
  [5, 'may|трав(?:ень|ня|ні)|ма[йяе]'],
  [6, 'june|jun\\.?|черв(?:ень|ня|ні)|июн[ьяе]'],
  [7, 'july|jul\\.?|лип(?:ень|ня|ні)|июл[ьяе]'],
  [8, 'august|aug\\.?|серп(?:ень|ня|ні)|августа?|августе'],
  [9, 'september|sept?\\.?|верес(?:ень|ня|ні)|сентябр[ьяе]'],
  [10, 'october|oct\\.?|жовт(?:ень|ня|ні)|октябр[ьяе]'],
  [11, 'november|nov\\.?|листопада?|листопаді|ноябр[ьяе]'],
  [12, 'december|dec\\.?|груд(?:ень|ня|ні)|декабр[ьяе]'],
];
export const MONTH = `(?:${MONTHS.map(([, p]) => p).join('|')})${E}`;
const MONTH_RES = MONTHS.map(([n, p]) => [n, new RegExp(`^(?:${p})$`, 'iu')] as const);

/**
 * The month a matched name means, or null. English names must be capitalised: "may" and "march" are common words,
 * while a month in running English text is always written with a capital.
 */
export function monthNumber(word: string): number | null {
  const w = word.trim();
  if (/^[a-z]/i.test(w) && !/^[A-Z]/.test(w)) return null;
  for (const [n, re] of MONTH_RES) if (re.test(w)) return n;
  return null;
}

const WEEKDAYS: string[] = [
  'monday|понеділ(?:ок|ка|ку)|понедельник[ауе]?',
  'tuesday|вівтор(?:ок|ка|ку)|вторник[ауе]?',
  // "серед" (among) and "среди"/"среды" (among, milieux) are common words: only the weekday's own forms are taken.
  'wednesday|серед(?:а|у|ою)|сред(?:у|ой)',
  'thursday|четвер(?:га|гу)?|четверг[ауе]?',
  "friday|п['’ʼ]?ятниц(?:я|ю|і)|пятниц(?:а|у|ы|е)",
  'saturday|субот(?:а|у|и)|суббот(?:а|у|ы)',
  'sunday|неділ(?:я|ю|і)|воскресень(?:е|я)',
];
export const WEEKDAY = `(?:${WEEKDAYS.join('|')})${E}`;
const WEEKDAY_RES = WEEKDAYS.map((p) => new RegExp(`^(?:${p})$`, 'iu'));
export const weekdayNumber = (word: string) => WEEKDAY_RES.findIndex((re) => re.test(word.trim()));

/** Meteorological seasons by first month; winter starts in December and runs into the next year. */
const SEASONS: [number, RegExp][] = [
  [3, /^(?:spring|весн\p{L}*|навесні)$/iu],
  [6, /^(?:summer|літ\p{L}*|влітку|лет\p{L}*)$/iu],
  [9, /^(?:autumn|fall|осен\p{L}*|восени|осін\p{L}*)$/iu],
  [12, /^(?:winter|зим\p{L}*|взимку)$/iu],
];
export const seasonStart = (word: string) => SEASONS.find(([, re]) => re.test(word.trim()))?.[0] ?? null;

/** The days of a season starting in month `m` of year `y`. */
export function seasonDays(y: number, m: number): [number, number] {
  const from = dayFrom(y, m, 1)!;
  const endMonth = m + 2 > 12 ? m + 2 - 12 : m + 2;
  const endYear = m + 2 > 12 ? y + 1 : y;
  return [from, dayFrom(endYear, endMonth, monthLength(endYear, endMonth))!];
}
