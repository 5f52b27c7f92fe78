import { describe, expect, it } from 'vitest';
import { buildMatrix, compareProvisionNumbers } from './implementation-matrix.ts';

const a = (id: string, provisionNumber: string, level: number, asOf: string, perspective = 'neutral') => ({
  id,
  provisionNumber,
  level,
  asOf,
  perspective,
  assessor: 'x',
});

describe('implementation matrix', () => {
  it('takes the latest assessment per perspective on or before each date', () => {
    const rows = buildMatrix(
      ['1', '2'],
      [a('x1', '1', 0, '2014-09-10'), a('x2', '1', 1, '2014-11-18'), a('x3', '1', 3, '2014-11-18', 'rus')],
      ['2014-09-30', '2014-11-30'],
    );
    expect(rows[0]!.cells[0]).toEqual({ neutral: { level: 0, assessmentId: 'x1', assessor: 'x' } });
    expect(rows[0]!.cells[1]).toMatchObject({ neutral: { level: 1 }, rus: { level: 3 } });
    expect(rows[1]!.cells).toEqual([{}, {}]);
  });

  it('orders provision numbers numerically', () => {
    expect(['10', '2', '1.10', '1.2', '1'].sort(compareProvisionNumbers)).toEqual(['1', '1.2', '1.10', '2', '10']);
  });
});
