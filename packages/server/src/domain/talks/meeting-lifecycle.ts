import type { MeetingStatus } from '@parley/contracts';
import { AppError } from '../shared/app-error.ts';
import { withArticle } from '../shared/article.ts';

/**
 * The meeting life cycle. Held, cancelled and lapsed are final: a record of what
 * happened is corrected by a new transition's claims, never by reopening it.
 * `scheduled → held` is allowed because rounds are often recorded after the fact.
 */
const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  proposed: ['scheduled', 'cancelled', 'lapsed'],
  scheduled: ['in_progress', 'held', 'postponed', 'cancelled', 'lapsed'],
  postponed: ['scheduled', 'cancelled', 'lapsed'],
  in_progress: ['held'],
  held: [],
  cancelled: [],
  lapsed: [],
};

export const INITIAL_STATUS: MeetingStatus = 'proposed';

export function allowedNext(from: MeetingStatus): readonly MeetingStatus[] {
  return NEXT[from];
}

export function assertTransition(from: MeetingStatus, to: MeetingStatus): void {
  if (!NEXT[from].includes(to)) {
    const options = NEXT[from].length ? `it can go to ${NEXT[from].join(', ')}` : 'it is final';
    throw new AppError('invalid_transition', 'meeting_transition_forbidden', `${withArticle(`${from} meeting`, true)} cannot become ${to}: ${options}.`, {
      field: 'to',
      from,
      to,
    });
  }
}
