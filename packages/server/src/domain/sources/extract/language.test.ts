import { describe, expect, it } from 'vitest';
import { articleLanguage } from './language.ts';

describe('articleLanguage', () => {
  it("takes the page's declaration, reduced to its primary subtag", () => {
    expect(articleLanguage('uk-UA', 'whatever')).toBe('uk');
    expect(articleLanguage('EN_us', '')).toBe('en');
  });

  it('tells Ukrainian from Russian by the letters only one of them has, and English by its common words', () => {
    expect(articleLanguage(null, 'Сторони домовилися про обмін полоненими, повідомили в офісі.')).toBe('uk');
    expect(articleLanguage(undefined, 'Наблюдатели зафиксировали нарушения режима тишины у трёх сёл.')).toBe('ru');
    expect(articleLanguage('', 'The talks resumed on Tuesday and the parties agreed to meet for a fourth round.')).toBe('en');
    expect(articleLanguage(null, 'Le cessez-le-feu tient depuis trois jours.')).toBeUndefined();
  });
});
