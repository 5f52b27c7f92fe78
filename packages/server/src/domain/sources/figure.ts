import { invalid } from '../shared/app-error.ts';

/** Low ≤ value ≤ high, when bounds are given: a figure that contradicts its own bounds is a typing error. */
export function assertFigureBounds(f: { value: number; low?: number; high?: number }): void {
  if (f.low !== undefined && f.low > f.value) throw invalid('low', 'bounds_reversed', `The low bound ${f.low} is above the value ${f.value}.`);
  if (f.high !== undefined && f.high < f.value) throw invalid('high', 'bounds_reversed', `The high bound ${f.high} is below the value ${f.value}.`);
}
