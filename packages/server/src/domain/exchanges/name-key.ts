/**
 * The script-neutral name key: Ukrainian Cyrillic, Russian Cyrillic, Ukrainian KMU 2010 romanisation, Russian
 * ICAO 9303 / BGN-PCGN / GOST 7.79 and the usual ad-hoc spellings of the same name all land on one key.
 *
 * Why a key of our own rather than transliterating to one standard: the lists arrive already romanised, by
 * any scheme or by ear, and no scheme's output can be reversed to the others. So both scripts are taken down to
 * the sounds the schemes disagree on least. Each Cyrillic letter, and each Latin letter or digraph of any scheme,
 * becomes a token of one small alphabet:
 *   - г, ґ, h, g, kh, х all become `g` (Ukrainian г is KMU "h", Russian г is "g", ad-hoc spellings write х as "h");
 *   - е, є, и, і, ї, й, ы, e, i, y, j all become `i` (the schemes spread these five Cyrillic vowels over four
 *     Latin letters in every combination: Sergii / Sergey / Serhiy / Sergej);
 *   - ж zh ž → `ž`, ч ch č tsch cz → `č`, ш sh š sch sz → `š`, ц ts tz c → `c`, x → `ks`, w → `v`, ph → `f`;
 *   - ё, ë and "yo" after a consonant become `i`, as ICAO's "e" does (Fyodor / Fedor / Fëdor);
 *   - soft and hard signs and apostrophes vanish (Знам'янка, Наталья), and a repeated token counts once
 *     (Kirill / Kiril, Zakarpattia / Zakarpatia).
 * Two different names can share a key (that is what the comparison's other fields are for); the same name
 * written two ways should not get two keys.
 */

/** Cyrillic letters (lower case) to tokens; Ukrainian and Russian letters in one table. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'i',
  є: 'ii',
  ё: 'i',
  ж: 'ž',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'g',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  щ: 'šč',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'i',
  ю: 'iu',
  я: 'ia',
};

/** Latin digraphs and trigraphs of the schemes, longest first (tried before single letters). */
const LATIN_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'šč'],
  ['tsch', 'č'],
  ['sch', 'š'],
  ['tch', 'č'],
  ['zh', 'ž'],
  ['kh', 'g'],
  ['gh', 'g'],
  ['ch', 'č'],
  ['cz', 'č'],
  ['sh', 'š'],
  ['sz', 'š'],
  ['ts', 'c'],
  ['tz', 'c'],
  ['ck', 'k'],
  ['ph', 'f'],
];

const GROUP_STARTS = new Set(LATIN_GROUPS.map(([g]) => g[0]!));

/** Single Latin letters, after diacritics of GOST 7.79 / ISO 9 / BGN-PCGN are resolved. */
const LATIN: Readonly<Record<string, string>> = {
  a: 'a',
  b: 'b',
  c: 'c',
  d: 'd',
  e: 'i',
  f: 'f',
  g: 'g',
  h: 'g',
  i: 'i',
  j: 'i',
  k: 'k',
  l: 'l',
  m: 'm',
  n: 'n',
  o: 'o',
  p: 'p',
  q: 'k',
  r: 'r',
  s: 's',
  t: 't',
  u: 'u',
  v: 'v',
  w: 'v',
  x: 'ks',
  y: 'i',
  z: 'z',
};

/** Latin letters with diacritics that carry a sound of their own in GOST 7.79 A, ISO 9 or BGN-PCGN. */
const LATIN_MARKED: Readonly<Record<string, string>> = {
  ž: 'ž',
  č: 'č',
  š: 'š',
  ŝ: 'šč',
  ĉ: 'č',
  ẑ: 'ž',
  û: 'iu',
  â: 'ia',
  ë: 'i',
  ǵ: 'g',
  ì: 'i',
  ï: 'i',
  è: 'i',
  é: 'i',
  ê: 'i',
  ŷ: 'i',
};

const APOSTROPHES = /['\u2018\u2019\u02bc\u02b9\u02ba"`\u00b4\u02bb\u201c\u201d]/gu;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const ANY_LETTER = /\p{L}/u;

export type NameScript = 'cyrillic' | 'latin' | 'mixed' | 'unknown' | 'none';

/** Which script a name is written in; `unknown` when it has letters of neither (Greek, Georgian…). */
export function nameScript(text: string): NameScript {
  let cyr = false;
  let lat = false;
  for (const ch of text.normalize('NFC')) {
    if (CYRILLIC_LETTER.test(ch)) cyr = true;
    else if (LATIN_LETTER.test(ch)) lat = true;
    else if (ANY_LETTER.test(ch)) return 'unknown';
  }
  return cyr && lat ? 'mixed' : cyr ? 'cyrillic' : lat ? 'latin' : 'none';
}

/** Tokens of one word; characters of no known script are dropped (nameScript tells the caller). */
function wordTokens(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    const cyr = CYRILLIC[ch];
    if (cyr !== undefined) {
      out += cyr;
      i++;
      continue;
    }
    const group = GROUP_STARTS.has(ch) ? LATIN_GROUPS.find(([g]) => word.startsWith(g, i)) : undefined;
    if (group) {
      out += group[1];
      i += group[0].length;
      continue;
    }
    const marked = LATIN_MARKED[ch];
    if (marked !== undefined) {
      out += marked;
      i++;
      continue;
    }
    // Other accents (á, ó, ú…) are spelling help only: drop the mark, keep the letter.
    const bare = ch < '\u0080' ? ch : ch.normalize('NFD').charAt(0);
    out += LATIN[bare] ?? '';
    i++;
  }
  // ё is "e" in ICAO and most passports, "yo" by ear: after a consonant, "yo" / "io" is taken as ё.
  out = out.replace(/([bvgdžzklmnprstfcčš])io/gu, '$1i');
  let key = '';
  for (const t of out) if (t !== key.at(-1)) key += t;
  return key;
}

/** The key of a name, one key word per written word ("Біла Церква" → "bila circva"). */
export function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .split(/[^\p{L}]+/u)
    .map(wordTokens)
    .filter(Boolean)
    .join(' ');
}

/**
 * A surname's key with its gendered and language-specific ending taken to one form, so the husband's and the
 * wife's surnames, and the Ukrainian and Russian spellings of either, meet: Kovalova / Kovaleva / Kovalyova /
 * Kovalov / Kovalev / Ковальова → "kovalov"; -ska / -skaya / -skyi / -skii / -skiy → "-ski"; -ina → -in.
 * Ukrainian -iv (Petriv) meets Russian -ov (Petrov) too: the two are the same family name in the two languages
 * as often as not, and the other fields decide.
 */
export function surnameKey(text: string): string {
  return nameKey(text)
    .split(' ')
    .map((w) =>
      w
        .replace(/([sc])k(?:aia|oi|a|i)$/u, '$1ki')
        .replace(/(?:io|i|o)va?$/u, 'ov')
        .replace(/ina$/u, 'in'),
    )
    .join(' ');
}

/** Whether a surname is written in its feminine form (the explanation says so). */
export const isFeminineSurname = (text: string): boolean =>
  /(?:ova|eva|yova|iova|ina|yna|ska|skaya|skaia|skaja|cka|ая|ова|ева|ёва|ьова|іна|ина|ська|ская|цька|цкая)$/iu.test(text.trim());
