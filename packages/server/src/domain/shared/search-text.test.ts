import { describe, expect, it } from 'vitest';
import { foldSearchText, SEARCH_FOLD, searchExcerpt, searchWords } from './search-text.ts';

describe('the search fold', () => {
  it('lower-cases Latin and Cyrillic and takes accents off Latin letters', () => {
    expect(foldSearchText('Déclaration de MINSK')).toBe('declaration de minsk');
    expect(foldSearchText('Straße Æon Œuvre Þing Łódź Øresund Đakovo')).toBe('strasse aeon oeuvre thing lodz oresund dakovo');
    expect(foldSearchText('ДОНЕЦК Донецьк')).toBe('донецк донецьк');
    expect(foldSearchText('Việt Nam')).toBe('viet nam');
  });

  it('folds ё into е and keeps й, ї, і, є, ґ and ў as letters of their own', () => {
    expect(foldSearchText('Трёхсторонняя ЁЛКА')).toBe('трехсторонняя елка');
    expect(foldSearchText('Йошкар Їжак Ірпінь Європа Ґанок Ўсход')).toBe('йошкар їжак ірпінь європа ґанок ўсход');
    expect(foldSearchText('й')).not.toBe(foldSearchText('и'));
    expect(foldSearchText('ї')).not.toBe(foldSearchText('і'));
    expect(foldSearchText('і')).not.toBe(foldSearchText('i'));
  });

  it('composes decomposed letters first, so a typed и + breve is й', () => {
    expect(foldSearchText('и\u0306')).toBe('й');
    expect(foldSearchText('i\u0308')).toBe('i');
    expect(foldSearchText('е\u0308')).toBe('е');
  });

  it('removes apostrophes and invisible marks inside words, and separates words at everything else', () => {
    expect(foldSearchText('сім’я Об\u02bcєднані O\u2019Brien soft\u00adhyphen zero\u200bwidth')).toBe('сімя обєднані obrien softhyphen zerowidth');
    expect(foldSearchText('«Київ»—Донецьк, 2014-09-05; a&b|c!(d):*')).toBe('київ донецьк 2014 09 05 a b c d');
    expect(foldSearchText('😀 中文 Ελλάδα')).toBe('');
  });

  it('maps one character to one in the table SQL translate() takes', () => {
    expect([...SEARCH_FOLD.from].length).toBe([...SEARCH_FOLD.to].length);
    expect(new Set(SEARCH_FOLD.from).size).toBe([...SEARCH_FOLD.from].length);
    expect(SEARCH_FOLD.to).toMatch(/^[a-z\u0430-\u044f\u0452-\u045f\u0491]+$/u);
  });

  it('gives the distinct words of a query, none for punctuation alone', () => {
    expect(searchWords('  Донец  донец, Minsk ')).toEqual(['донец', 'minsk']);
    expect(searchWords("&|!():*'")).toEqual([]);
  });
});

describe('the excerpt of a hit', () => {
  it('shows the piece where most of the words start a word', () => {
    expect(searchExcerpt(['Ukraine', 'Україна', 'Украина'], ['укр'])).toBe('Україна');
    expect(searchExcerpt(['Minsk Protocol', 'the ceasefire at Minsk'], ['ceasefire', 'minsk'])).toBe('the ceasefire at Minsk');
    expect(searchExcerpt(['ДОНЕЦЬК'], ['донець'])).toBe('ДОНЕЦЬК');
  });

  it('cuts a long piece around its first match, on word boundaries', () => {
    const long = `${'filler '.repeat(60)}the Донецк airport ${'tail '.repeat(60)}`;
    const e = searchExcerpt([long], ['донецк']);
    expect(e.length).toBeLessThanOrEqual(202);
    expect(e).toContain('Донецк');
    expect(e.startsWith('…')).toBe(true);
    expect(e.endsWith('…')).toBe(true);
    expect(e).not.toMatch(/…\S*fille…|^…ille/);
  });

  it('falls back to the first piece when no word matches there (the match was across pieces)', () => {
    expect(searchExcerpt(['First', 'Second'], ['zzz'])).toBe('First');
    expect(searchExcerpt([], ['x'])).toBe('');
  });
});
