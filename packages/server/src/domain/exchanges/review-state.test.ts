import { describe, expect, it } from 'vitest';
import { entryProblems } from './entry-check.ts';
import { conflictsOf, matchedElsewhere, refusalOf, reviewState, type DecisionFact, type KeptMatch, type KeptReconciliation } from './review-state.ts';

const match = (a: string, b: string, band: 'auto' | 'review', birth = 'exact'): KeptMatch => ({
  a,
  b,
  band,
  weight: 10,
  probability: band === 'auto' ? 0.99 : 0.5,
  swapped: false,
  fields: [
    { field: 'surname', level: 'exact', weight: 4 },
    { field: 'birthDate', level: birth as 'exact', weight: birth === 'exact' ? 5 : -3 },
  ],
});
const result: KeptReconciliation = {
  matches: [match('a1', 'b1', 'auto'), match('a2', 'b2', 'review', 'otherDay')],
  onlyA: ['a3'],
  onlyB: ['b3'],
  candidatePairs: 3,
  emIterations: 1,
};
let seq = 0;
const decide = (a: string, b: string, decision: DecisionFact['decision']): DecisionFact => ({
  seq: ++seq,
  a,
  b,
  decision,
  reason: null,
  recordedBy: 'x',
  recordedAt: '2017-12-27T00:00:00Z',
});
const A = ['a1', 'a2', 'a3'];
const B = ['b1', 'b2', 'b3'];

describe('the review state of a reconciliation', () => {
  it('matches the auto band, waits on the review band, and leaves the rest on one list', () => {
    const s = reviewState(result, [], A, B);
    expect(s.pairs.map((p) => [p.a, p.state])).toEqual([
      ['a1', 'matched'],
      ['a2', 'pending'],
    ]);
    expect([s.onlyA, s.onlyB]).toEqual([['a3'], ['b3']]);
  });

  it('follows the last decision on each pair; a skip only notes that someone looked', () => {
    const s = reviewState(result, [decide('a2', 'b2', 'skip'), decide('a1', 'b1', 'split'), decide('a2', 'b2', 'accept')], A, B);
    expect(s.pairs.map((p) => [p.a, p.state, p.decisions.length])).toEqual([
      ['a1', 'rejected', 1],
      ['a2', 'matched', 2],
    ]);
    expect(s.onlyA).toEqual(['a1', 'a3']);
  });

  it('joins two people the engine kept apart, one to one', () => {
    const s = reviewState(result, [decide('a3', 'b3', 'merge')], A, B);
    expect(s.pairs.find((p) => p.a === 'a3')).toMatchObject({ band: 'manual', state: 'matched', match: null });
    expect(matchedElsewhere(s, 'a3', 'b1')).toBe(true);
    expect(matchedElsewhere(s, 'a3', 'b3')).toBe(false);
  });

  it('says which decisions a pair admits', () => {
    const s = reviewState(result, [], A, B);
    expect(refusalOf(s.pairs[0], 'split')).toBeNull();
    expect(refusalOf(s.pairs[1], 'split')).toMatch(/Only a matched pair/);
    expect(refusalOf(undefined, 'accept')).toMatch(/did not propose/);
    expect(refusalOf(s.pairs[0], 'merge')).toMatch(/already matched/);
  });

  it('names a matched pair whose dates of birth disagree', () => {
    const s = reviewState(result, [], A, B);
    expect(conflictsOf(s.pairs[1]!)).toEqual(['birthDate']);
    expect(conflictsOf(s.pairs[0]!)).toEqual([]);
  });
});

describe('the rows of a list', () => {
  const ok = { surname: 'Коваленко', given: 'Микола', category: 'military' as const };
  it('refuses unknown scripts, impossible or future dates, a capture before birth and repeated rows, each at its line', () => {
    const problems = entryProblems(
      [
        ok,
        { ...ok, surname: 'كوفالينكو' },
        { ...ok, given: 'Mиkола' },
        { ...ok, birthDate: '1990-02-30' },
        { ...ok, birthDate: '2030' },
        { ...ok, birthDate: '1990-05', capturedOn: '1989' },
        ok,
      ],
      '2026-12-03',
      [2, 3, 4, 5, 6, 7, 8],
    );
    expect(problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [3, 'surname', 'unknown_script'],
      [4, 'given', 'unknown_script'],
      [5, 'birthDate', 'impossible_date'],
      [6, 'birthDate', 'impossible_date'],
      [7, 'capturedOn', 'impossible_date'],
      [8, 'surname', 'duplicate_row'],
    ]);
  });
  it('takes names as written in Cyrillic or Latin, with partial dates', () => {
    expect(entryProblems([ok, { surname: 'Shevchenko', given: 'Oleksandr', birthDate: '1990', category: 'unknown' }], '2026-12-03')).toEqual([]);
  });
});
