import { describe, expect, it } from 'vitest';
import { assertLine, type Line } from './line.ts';
import { firstSelfIntersection } from './self-intersection.ts';

const line = (coordinates: [number, number][]): Line => ({
  kind: 'demarcation_proposal',
  date: '2014-11-20',
  approximate: false,
  geometry: { type: 'LineString', coordinates },
});
const refusal = (coordinates: [number, number][]) => {
  try {
    assertLine(line(coordinates));
    return null;
  } catch (e) {
    const err = e as { reason: string; details: { field: string } };
    return [err.reason, err.details.field];
  }
};

describe('line rules', () => {
  it('refuses a line that crosses itself, at the segment that crosses', () => {
    expect(
      refusal([
        [0, 0],
        [1, 0],
        [1, 1],
        [0.5, -1],
      ]),
    ).toEqual(['self_intersecting_line', 'geometry/coordinates/2']);
  });
  it('refuses a line that comes back to touch itself, and a closed loop', () => {
    expect(
      refusal([
        [0, 0],
        [2, 0],
        [2, 1],
        [1, 0],
      ])?.[0],
    ).toBe('self_intersecting_line');
    expect(
      refusal([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ])?.[0],
    ).toBe('self_intersecting_line');
  });
  it('refuses a line across the antimeridian and one of a single repeated point', () => {
    expect(
      refusal([
        [179.5, 60],
        [-179.5, 60],
      ]),
    ).toEqual(['crosses_antimeridian', 'geometry/coordinates/1']);
    expect(
      refusal([
        [1, 1],
        [1, 1],
      ])?.[0],
    ).toBe('degenerate_line');
  });
  it('accepts a simple zigzag, and a 20,000-vertex simple line', () => {
    expect(
      refusal([
        [0, 0.5],
        [0.05, 0.25],
        [0, 0],
        [0.05, -0.25],
        [0, -0.5],
      ]),
    ).toBeNull();
    const long = Array.from({ length: 20_000 }, (_, i) => [37 + i * 0.0001, 48 + 0.001 * Math.sin(i / 7)] as [number, number]);
    expect(firstSelfIntersection(long)).toBeNull();
    long.push([37.5, 47]);
    long.push([37.5, 49]);
    expect(firstSelfIntersection(long)).toBe(20_000);
  });
});
