// The 10,000 × 10,000 bench lists (bench/exchanges.bench.ts) as a test: the defaults that steady short lists
// must not move what EM finds on long ones. Quality only; time is the bench's business (the machine is shared).
import { describe, expect, it } from 'vitest';
import { exchangeFigures } from '../../../../../bench/exchanges.bench.ts';

describe('reconciling two lists of 10,000', () => {
  it('keeps the bench figures: auto precision 0.998, recall after review 0.977, review band under 2.05%', () => {
    const f = exchangeFigures();
    expect(f.records).toBe(10_000);
    expect(f.autoRight / f.auto).toBeGreaterThanOrEqual(0.998);
    expect(f.auto - f.autoRight).toBeLessThanOrEqual(13);
    expect(f.foundAfterReview / f.shared).toBeGreaterThanOrEqual(0.977);
    expect(f.review / f.records).toBeLessThan(0.0205);
  });
});
