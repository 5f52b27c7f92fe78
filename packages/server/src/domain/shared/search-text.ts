/**
 * The fold that search documents and search queries go through, so "ДОНЕЦК", "Донецк" and "донецк" are one word
 * and "Déclaration" is "declaration". The database applies the same fold in SQL (parley_search_fold in
 * migrations/010_search.sql, built from SEARCH_FOLD below); test/search.test.ts checks both agree on every
 * character of the tables, on both engines. We fold ourselves rather than with `unaccent` and `lower()` because
 * those follow the dictionary and the database's locale, and because unaccent folds й into и, which Russian and
 * Ukrainian readers keep apart.
 *
 * Rules: Unicode NFC first; Latin letters lose their accents (ß → ss, æ → ae, ø → o, ł → l); Cyrillic is
 * lower-cased, ё → е (Russian writers use е for ё), while й, ї, і, є, ґ and ў stay letters of their own; apostrophes
 * (', ’, ʼ) and invisible marks are removed, so "сім’я" is one word; every other character (punctuation, symbols,
 * other scripts) separates words. Greek, Georgian or Arabic text is therefore not searchable: the processes we
 * serve write in Ukrainian, Russian and English.
 */

/** Removed without a trace: combining marks left after NFC, apostrophes, soft hyphens and zero-width characters. */
export const SEARCH_REMOVED = /[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff'\u2018\u2019\u02bc\u02b9`\u00b4\u02bb]/gu;
/** What a folded word is made of; anything else separates words. */
export const SEARCH_KEPT = /[^0-9a-z\u0430-\u044f\u0452-\u045f\u0491]+/gu;
/** Replacements of one character by two, applied before the single-character map. */
export const SEARCH_EXPANSIONS: ReadonlyArray<readonly [string, string]> = [
  ['ß', 'ss'],
  ['ẞ', 'ss'],
  ['æ', 'ae'],
  ['Æ', 'ae'],
  ['œ', 'oe'],
  ['Œ', 'oe'],
  ['þ', 'th'],
  ['Þ', 'th'],
];

const LATIN_SPECIAL: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ł: 'l',
  Ł: 'l',
  ħ: 'h',
  Ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'l',
  ŧ: 't',
  Ŧ: 't',
  ĸ: 'k',
  ƒ: 'f',
};

function buildMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (let c = 0x41; c <= 0x5a; c++) map.set(String.fromCodePoint(c), String.fromCodePoint(c + 0x20));
  // Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional (Vietnamese): whatever is a base letter with marks.
  for (const [lo, hi] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const)
    for (let c = lo; c <= hi; c++) {
      const ch = String.fromCodePoint(c);
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (/^[A-Za-z]$/.test(base) && base !== ch) map.set(ch, base.toLowerCase());
    }
  for (const [ch, to] of Object.entries(LATIN_SPECIAL)) map.set(ch, to);
  // Cyrillic: А–Я to а–я, Ѐ–Џ to ѐ–џ, Ґ to ґ; then the folds readers expect.
  for (let c = 0x410; c <= 0x42f; c++) map.set(String.fromCodePoint(c), String.fromCodePoint(c + 0x20));
  for (let c = 0x400; c <= 0x40f; c++) map.set(String.fromCodePoint(c), String.fromCodePoint(c + 0x50));
  map.set('Ґ', 'ґ');
  for (const [from, to] of [
    ['Ё', 'е'],
    ['ё', 'е'],
    ['Ѐ', 'е'],
    ['ѐ', 'е'],
    ['Ѝ', 'и'],
    ['ѝ', 'и'],
  ])
    map.set(from!, to!);
  return map;
}

const MAP = buildMap();

/** The single-character map as two strings of equal length, for SQL's translate(). */
export const SEARCH_FOLD = { from: [...MAP.keys()].join(''), to: [...MAP.values()].join('') };

/** Folds text for search: lower case, no accents, words separated by single spaces. */
export function foldSearchText(text: string): string {
  let s = text.normalize('NFC').replace(SEARCH_REMOVED, '');
  for (const [from, to] of SEARCH_EXPANSIONS) s = s.replaceAll(from, to);
  s = Array.from(s, (ch) => MAP.get(ch) ?? ch).join('');
  return s.replace(SEARCH_KEPT, ' ').trim();
}

/** The words of a query, folded; empty when it has none (only punctuation, other scripts). */
export const searchWords = (query: string): string[] => [...new Set(foldSearchText(query).split(' ').filter(Boolean))];

/** A word as people write it, apostrophes and marks included, so it folds to one search word or more. */
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}'\u2018\u2019\u02bc\u02b9`\u00b4\u02bb\u00ad\u200b-\u200d\u2060\ufeff]+/gu;

/**
 * The passage of a hit to show: the piece of text in which most of the query's words start a word (the first
 * such piece on a tie, names before other text), cut to about `max` characters around its first match.
 */
export function searchExcerpt(pieces: readonly string[], words: readonly string[], max = 200): string {
  let best = { piece: pieces[0] ?? '', at: 0, score: 0 };
  for (const piece of pieces) {
    const found = new Set<string>();
    let first = -1;
    for (const m of piece.matchAll(WRITTEN_WORD)) {
      const folded = foldSearchText(m[0]).split(' ');
      const hit = words.filter((w) => folded.some((f) => f.startsWith(w)));
      if (hit.length === 0) continue;
      if (first < 0) first = m.index;
      hit.forEach((w) => found.add(w));
    }
    if (found.size > best.score) best = { piece, at: first, score: found.size };
    if (best.score === words.length) break;
  }
  // Same length as the piece, so the match's index still holds.
  const text = best.piece.replace(/\s/g, ' ');
  if (text.trim().length <= max) return text.trim().replace(/ {2,}/g, ' ');
  const at = Math.max(0, best.at - Math.floor(max / 4));
  const start = at === 0 ? 0 : text.lastIndexOf(' ', at) + 1;
  const cut = text.slice(start, start + max);
  const end = start + max < text.length ? cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)) : cut;
  return `${start > 0 ? '…' : ''}${end.trim()}${start + end.length < text.length ? '…' : ''}`;
}
