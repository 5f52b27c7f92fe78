/**
 * The language of a page: its own declaration (`<html lang>`, as Readability reads it) when it gives one, else a
 * guess from the letters for the three languages Parley's sources mostly use. Ukrainian and Russian share most of
 * the Cyrillic alphabet; і, ї, є and ґ are Ukrainian only, ы, э, ъ and ё Russian only.
 */
export function articleLanguage(declared: string | null | undefined, text: string): string | undefined {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary && /^[a-z]{2,3}$/.test(primary)) return primary;
  const sample = text.slice(0, 5000);
  const uk = (sample.match(/[іїєґ]/giu) ?? []).length;
  const ru = (sample.match(/[ыэъё]/giu) ?? []).length;
  const cyrillic = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (sample.match(/[a-z]/giu) ?? []).length;
  if (cyrillic > latin) return uk > ru ? 'uk' : ru > uk ? 'ru' : undefined;
  // Latin letters alone do not make English: its commonest words must be there too.
  if (latin > cyrillic && (sample.match(/\b(the|and|of|to|is|that|for)\b/giu) ?? []).length >= 3) return 'en';
  return undefined;
}
