import { describe, expect, it } from 'vitest';
import { compilePending, lazily } from './lazy-compile.ts';

describe('lazily compiled schemas', () => {
  it('compiles once, on first use or when the pending ones are compiled, and lets a refused schema throw', () => {
    let runs = 0;
    const used = lazily(() => ++runs);
    const waiting = lazily(() => ++runs * 10);
    expect(runs).toBe(0);
    expect(used()).toBe(1);
    expect(used()).toBe(1);
    expect(compilePending()).toBe(0);
    expect(runs).toBe(2);
    expect(waiting()).toBe(20);

    lazily(() => 'a');
    const broken = lazily<string>(() => {
      throw new Error('schema refused');
    });
    expect(compilePending(1)).toBe(1);
    expect(() => compilePending()).toThrow('schema refused');
    expect(() => broken()).toThrow('schema refused');
  });
});
