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
