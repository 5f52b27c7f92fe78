import { describe, expect, it } from 'vitest';
import { assertCrossesArea, processArea } from './process-area.ts';
import type { Position } from './area-of-interest.ts';

// An L-shaped area: its bounding box holds the corner (1.5, 1.5), which lies outside it.
const L: Position[] = [
  [0, 0],
  [2, 0],
  [2, 1],
  [1, 1],
  [1, 2],
  [0, 2],
  [0, 0],
];
const area = processArea('p', { ring: L, approximate: false });
const reason = (f: () => void) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { reason: string }).reason;
  }
};

describe('a process area', () => {
  it('admits a line with a vertex inside, or one that only passes through', () => {
    expect(
      reason(() =>
        assertCrossesArea(
          [
            [0.5, 0.5],
            [5, 5],
          ],
          area,
        ),
      ),
    ).toBeNull();
    expect(
      reason(() =>
        assertCrossesArea(
          [
            [-1, 0.5],
            [3, 0.5],
          ],
          area,
        ),
      ),
    ).toBeNull();
  });

  it("refuses a line in the area's bounding box but outside the area", () => {
    expect(
      reason(() =>
        assertCrossesArea(
          [
            [1.5, 1.5],
            [1.9, 1.9],
          ],
          area,
        ),
      ),
    ).toBe('line_outside_area');
    expect(
      reason(() =>
        assertCrossesArea(
          [
            [10, 10],
            [11, 11],
          ],
          area,
        ),
      ),
    ).toBe('line_outside_area');
  });

  it('finds the one crossing of a long line beside a many-edged concave area', () => {
    // A strip along the bottom with a zigzag of 995 edges, and a tooth up the left side.
    const ring: Position[] = [];
    for (let i = 0; i <= 994; i++) ring.push([(i / 994) * 10, -(i % 2) * 0.01]);
    ring.push([10, 0.5], [0.5, 0.5], [0.5, 10], [0, 10], [0, 0]);
    const comb = processArea('p', { ring, approximate: true });
    const beside: Position[] = Array.from({ length: 20_000 }, (_, i) => [5 + (i % 2) * 0.001, 1 + i * 0.0004]);
    expect(reason(() => assertCrossesArea(beside, comb))).toBe('line_outside_area');
    // The same line carried on down into the strip: its last segment alone crosses the edge.
    expect(reason(() => assertCrossesArea([...beside.slice(0, 100).reverse(), [5, 0.2]], comb))).toBeNull();
  });

  it('reads lines across the longer side when no direction is given', () => {
    expect(
      processArea('p', {
        ring: [
          [0, 0],
          [4, 0],
          [4, 1],
          [0, 0],
        ],
        approximate: true,
      }).along,
    ).toEqual([1, 0]);
    expect(area.along).toEqual([0, -1]);
  });
});
