import { describe, expect, it } from 'vitest';
import { findQuotes } from './quotes.ts';

const inner = (body: string) => findQuotes(body).map((q) => body.slice(q.inner.start, q.inner.end));

describe('findQuotes', () => {
  it('reads the four styles of quotation marks', () => {
    expect(inner('A “one” b "two" c «three» d „four“ e „five”.')).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('keeps an inner quote inside the outer one', () => {
    expect(inner('Він сказав: «Так званий „режим тиші“ не діє».')).toEqual(['Так званий „режим тиші“ не діє']);
    expect(inner('He said: “They call it a “truce” but it is not.”')).toEqual(['They call it a “truce” but it is not.']);
  });

  it('does not take an inch mark or a stray mark for a quote', () => {
    expect(inner('A 12" gun fired. Then "the talks" began.')).toEqual(['the talks']);
    expect(inner('An unclosed “quote here.\n\nNext paragraph.')).toEqual([]);
  });

  it('continues a quote that the next paragraph reopens, as wire copy does', () => {
    const body = '“We are ready to meet.\n\n“But not while they shoot,” he said.';
    const qs = findQuotes(body);
    expect(qs.map((q) => q.continued)).toEqual([true, false]);
    expect(inner(body)).toEqual(['We are ready to meet.', 'But not while they shoot,']);
  });

  it('spans several sentences', () => {
    expect(inner('“We will come. We will talk. We will sign,” he said.')).toEqual(['We will come. We will talk. We will sign,']);
  });
});
