import { AppError } from '../shared/app-error.ts';
import { withArticle } from '../shared/article.ts';

/**
 * An incident's verification, kept apart from its publication: a report is corroborated
 * by a second source, verified by the mission, or disputed; a retraction is final,
 * because a withdrawn report reinstated would hide that it was once withdrawn.
 */
export type VerificationStatus = 'reported' | 'corroborated' | 'verified' | 'disputed' | 'retracted';

const NEXT: Record<VerificationStatus, readonly VerificationStatus[]> = {
  reported: ['corroborated', 'verified', 'disputed', 'retracted'],
  corroborated: ['verified', 'disputed', 'retracted'],
  verified: ['disputed', 'retracted'],
  disputed: ['corroborated', 'verified', 'retracted'],
  retracted: [],
};

export function canVerify(from: VerificationStatus, to: VerificationStatus): boolean {
  return NEXT[from].includes(to);
}

export interface VerificationStep {
  from: VerificationStatus;
  to: VerificationStatus;
  reason: string;
}

/** Every step names why; an empty reason would leave the history unable to answer "on what grounds?". */
export function verify(from: VerificationStatus, to: VerificationStatus, reason: string): VerificationStep {
  if (!reason.trim()) throw new AppError('validation', 'reason_required', 'Say why the verification status changes.', { field: 'reason' });
  if (!canVerify(from, to))
    throw new AppError(
      'invalid_transition',
      'verification_transition_forbidden',
      `${withArticle(`${from} incident`, true)} cannot become ${to}${from === 'retracted' ? ': a retraction is final' : ''}.`,
      { field: 'to', from, to },
    );
  return { from, to, reason };
}
