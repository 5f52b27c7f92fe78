import type { MeetingStatus } from '@parley/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import { allowedNext, assertTransition, INITIAL_STATUS } from './meeting-lifecycle.ts';

const ALL: MeetingStatus[] = ['proposed', 'scheduled', 'in_progress', 'held', 'postponed', 'cancelled', 'lapsed'];
const FINAL: MeetingStatus[] = ['held', 'cancelled', 'lapsed'];

describe('meeting life cycle', () => {
  it('follows the brief: proposed → scheduled → in progress → held, postponed ⇄ scheduled', () => {
    expect(() => assertTransition('proposed', 'scheduled')).not.toThrow();
    expect(() => assertTransition('scheduled', 'in_progress')).not.toThrow();
    expect(() => assertTransition('in_progress', 'held')).not.toThrow();
    expect(() => assertTransition('scheduled', 'postponed')).not.toThrow();
    expect(() => assertTransition('postponed', 'scheduled')).not.toThrow();
  });

  it('never leaves a final status', () => {
    for (const from of FINAL) for (const to of ALL) expect(() => assertTransition(from, to)).toThrow(AppError);
  });

  it('cannot skip from proposed to held, nor hold a postponed meeting', () => {
    expect(() => assertTransition('proposed', 'held')).toThrow(/proposed meeting cannot become held/);
    expect(() => assertTransition('postponed', 'held')).toThrow(AppError);
  });

  it('accepts exactly the allowed steps along any random walk', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALL), { maxLength: 30 }), (steps) => {
        let status = INITIAL_STATUS;
        for (const to of steps) {
          const allowed = allowedNext(status).includes(to);
          let threw = false;
          try {
            assertTransition(status, to);
          } catch (e) {
            threw = true;
            expect((e as AppError).code).toBe('invalid_transition');
          }
          expect(threw).toBe(!allowed);
          if (allowed) status = to;
        }
        // Whatever happened, a final status was reached only through allowed steps and stayed final.
        if (FINAL.includes(status)) expect(allowedNext(status)).toEqual([]);
      }),
    );
  });
});
