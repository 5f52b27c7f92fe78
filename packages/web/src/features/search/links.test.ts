import { describe, expect, it } from 'vitest';
import { markWords, queryWords, recordHref, searchHref } from './links.ts';

describe('search links and marks', () => {
  it('links each kind to the page that shows it', () => {
    expect(recordHref('meeting', 'tcg-2014-09-05')).toBe('/talks/tcg-2014-09-05');
    expect(recordHref('agreement', 'minsk protocol')).toBe('/agreements/minsk%20protocol');
    expect(recordHref('incident', 'i-1')).toBe('/monitoring/incidents/i-1');
    expect(recordHref('party', 'ukr')).toBe('/record/party/ukr');
    expect(recordHref('line', 'l-1')).toBe('/monitoring');
  });

  it('puts the query in the address', () => {
    expect(searchHref('Донецк мир', 'party')).toBe('/search?q=%D0%94%D0%BE%D0%BD%D0%B5%D1%86%D0%BA+%D0%BC%D0%B8%D1%80&kind=party');
    expect(searchHref('')).toBe('/search');
  });

  it('marks words that start with a word of the query, ignoring case and ё', () => {
    const parts = markWords('Донецкая Народная Республика, Ёлкино', queryWords('донец елк'));
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Донец', 'Ёлк']);
    expect(parts.map((p) => p.text).join('')).toBe('Донецкая Народная Республика, Ёлкино');
    expect(markWords('неДонецк', ['донец']).some((p) => p.hit)).toBe(false);
  });
});
