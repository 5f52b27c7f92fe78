import { B, E } from './calendar.ts';
import { EN_WORDS, SCALE, SLAVIC_WORDS, scaleOf } from './lexicon.ts';

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** Written in digits without any separator, four long: a year unless a unit follows. */
  yearLike: boolean;
  words: boolean;
  /** The scale word's factor, 1 without one. */
  scale: number;
}

// Digits grouped by comma or a space of any width ("4,300", "4 300", "4 300"), or plain with one decimal mark.
// A digit, letter or separator on either side means an id, a time, a phone number or a code: "MH17", "18:00", "+380".
const DIGITS =
  /(?<![\p{L}\p{N}.,+#№/:_])(?<!\p{L}[-‑])(?:\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009])\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?!\p{N}|[.,:/]\d|[\u00a0\u202f\u2009 ]\d{3}(?!\p{N}))/gu;

/**
 * A number's value. A comma before exactly three digits groups thousands in English and, without a scale word, in
 * Ukrainian and Russian too; there a comma before other digits, or before a scale word ("1,2 млн"), is the decimal
 * mark. A full stop is decimal in English, and groups thousands in uk/ru when three digits follow and no scale does.
 */
export function parseDigits(raw: string, language: string, scaled: boolean): number {
  const s = raw.replace(/[ \u00a0\u202f\u2009]/g, '');
  const slavic = language === 'uk' || language === 'ru';
  let n: string;
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) n = slavic && scaled ? s.replace(',', '.') : s.replace(/,/g, '');
  else if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(s)) n = s.replace(/,/g, '');
  else if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) n = slavic && !scaled ? s.replace(/\./g, '') : s;
  else n = s.replace(',', '.');
  const v = Number(n);
  return Number.isFinite(v) ? v : NaN;
}

const EN_WORD_ALT = Object.keys(EN_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const EN_SEQ = new RegExp(`${B}(?:a\\s+(?=hundred|thousand|dozen|million))?(?:${EN_WORD_ALT})${E}(?:[\\s-]+(?:and\\s+)?(?:${EN_WORD_ALT})${E})*`, 'giu');
const SLAVIC_ALT = Object.keys(SLAVIC_WORDS).join('|');
const SLAVIC_SEQ = new RegExp(`${B}(?:${SLAVIC_ALT})${E}`, 'giu');

/** "two hundred and fifty" → 250, "a dozen" → 12, "three thousand" → 3000. */
function parseEnglish(text: string): number {
  let total = 0;
  let part = 0;
  for (const w of text.toLowerCase().split(/[\s-]+/)) {
    const v = EN_WORDS[w];
    if (v === undefined) continue;
    if (v === 100 || w === 'dozen') part = (part || 1) * v;
    else if (v >= 1000) {
      total += (part || 1) * v;
      part = 0;
    } else part += v;
  }
  return total + part;
}

/** Every number of a body, in text order, with any scale word ("1.2 million") taken into its span. */
export function scanNumbers(body: string, language: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of body.matchAll(DIGITS)) {
    const start = m.index;
    let end = start + m[0].length;
    const scale = SCALE.exec(body.slice(end, end + 16));
    const value0 = parseDigits(m[0], language, !!scale);
    if (Number.isNaN(value0)) continue;
    const factor = scale ? scaleOf(scale.groups!.s!) : 1;
    if (scale) end += scale[0].length;
    const yearLike = /^\d{4}$/.test(m[0]) && !scale && value0 >= 1900 && value0 < 2100;
    out.push({ start, end, value: value0 * factor, yearLike, words: false, scale: factor });
  }
  for (const m of body.matchAll(EN_SEQ)) {
    const value = parseEnglish(m[0]);
    // "one" mostly means "a certain" ("one of the"), not a count to record.
    if (value >= 2) out.push({ start: m.index, end: m.index + m[0].length, value, yearLike: false, words: true, scale: 1 });
  }
  if (language !== 'en')
    for (const m of body.matchAll(SLAVIC_SEQ)) {
      const value = SLAVIC_WORDS[m[0].toLowerCase()];
      if (value) out.push({ start: m.index, end: m.index + m[0].length, value, yearLike: false, words: true, scale: 1 });
    }
  // "1.2 million": the scale word was taken into the digits' span and is no number of its own.
  const digits = out.filter((t) => !t.words);
  return out.filter((t) => !t.words || !digits.some((d) => d.start < t.end && t.start < d.end)).sort((a, b) => a.start - b.start);
}
