import type { Me } from '../../app/api-types.ts';

/** An administrator, or the process's mediator, manages its people (the server checks again on every call). */
export function canManage(me: Me | null, processId: string): boolean {
  return !!me?.admin || !!me?.roles.some((r) => r.processId === processId && r.role === 'mediator');
}

/** The roles a grant or invite may give, and which of them speak for a party. */
export const ROLES = ['mediator', 'delegate', 'monitor', 'analyst'] as const;
export type RoleName = (typeof ROLES)[number];
export const takesParty = (role: RoleName) => role === 'delegate' || role === 'analyst';
