import { AppError } from '../shared/app-error.ts';

export interface InvitationState {
  partyId: string;
  status: string;
}

/**
 * Some hosts (Belarus for the contact group) host a round only once every invited
 * party has confirmed; scheduling before that would announce a meeting that may not happen.
 */
export function assertHostRule(requiresConfirmation: boolean, invitations: readonly InvitationState[]): void {
  if (!requiresConfirmation) return;
  const pending = invitations
    .filter((i) => i.status !== 'confirmed')
    .map((i) => i.partyId)
    .sort();
  if (invitations.length === 0 || pending.length > 0) {
    throw new AppError(
      'invalid_transition',
      'host_requires_confirmation',
      invitations.length === 0
        ? 'The host requires every party to confirm before scheduling, and no party has been invited yet.'
        : `The host requires every party to confirm before scheduling; not yet confirmed: ${pending.join(', ')}.`,
      { field: 'to', pending },
    );
  }
}
