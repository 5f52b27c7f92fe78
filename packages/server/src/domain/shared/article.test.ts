import { describe, expect, it } from 'vitest';
import { withArticle } from './article.ts';

describe('withArticle', () => {
  it('says "an" before a vowel sound and "a" otherwise, capitalised on request', () => {
    expect(['incident', 'attribution', 'meeting', 'unverified incident', 'user', 'in progress meeting', 'source'].map((w) => withArticle(w))).toEqual([
      'an incident',
      'an attribution',
      'a meeting',
      'an unverified incident',
      'a user',
      'an in progress meeting',
      'a source',
    ]);
    expect(withArticle('adjourned meeting', true)).toBe('An adjourned meeting');
    expect(withArticle('held meeting', true)).toBe('A held meeting');
  });
});
