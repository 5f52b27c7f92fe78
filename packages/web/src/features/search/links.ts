import type { SearchKind } from '@parley/contracts';

/**
 * The page that shows a record of this kind: meetings, agreements and incidents have their own; lines and
 * restrictions live on the monitoring map; every other record opens on the record page with its receipt.
 */
export function recordHref(kind: SearchKind, id: string): string {
  const at = encodeURIComponent(id);
  switch (kind) {
    case 'meeting':
      return `/talks/${at}`;
    case 'agreement':
      return `/agreements/${at}`;
    case 'incident':
      return `/monitoring/incidents/${at}`;
    case 'line':
    case 'restriction':
      return '/monitoring';
    default:
      // The record page's address (recordPath in features/record), written here so this module stays free of the page.
      return `/record/${encodeURIComponent(kind)}/${at}`;
  }
}

/** The address of a search, so it can be shared: `/search?q=…&kind=…`. */
export function searchHref(q: string, kind = ''): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('kind', kind);
  const s = params.toString();
  return s ? `/search?${s}` : '/search';
}

/** The words of a query, for marking them in a snippet: letters and digits, as the server reads them. */
export function queryWords(q: string): string[] {
  return q.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Splits a snippet into plain and matched parts: a part matches when a word of the query starts a word there. */
export function markWords(text: string, words: string[]): { text: string; hit: boolean }[] {
  if (!words.length) return [{ text, hit: false }];
  const fold = (s: string) => s.toLocaleLowerCase().replaceAll('ё', 'е');
  const escaped = words.map((w) => fold(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'gu');
  const folded = fold(text);
  const parts: { text: string; hit: boolean }[] = [];
  let last = 0;
  // Lower-casing and ё→е keep lengths in these scripts, so offsets in the folded text hold in the original.
  for (const m of folded.length === text.length ? folded.matchAll(re) : []) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: text.slice(m.index, m.index + m[0].length), hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}
