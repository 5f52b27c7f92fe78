export type Role = 'mediator' | 'delegate' | 'monitor' | 'analyst';

export interface RoleGrant {
  processId: string;
  role: Role;
  /** The party a delegate (or a party's analyst) acts for; null for the mediator's staff and monitors. */
  partyId: string | null;
}

/** Who is asking. An anonymous reader has no account and no roles. */
export interface Actor {
  accountId: string | null;
  username: string | null;
  roles: RoleGrant[];
  /** A deployment administrator (opens processes, manages accounts); not a role in any process. */
  admin?: boolean;
}

export const ANONYMOUS: Actor = { accountId: null, username: null, roles: [] };
/** The system itself, for migrations and the demo loader run from the CLI. */
export const SYSTEM: Actor = { accountId: 'system', username: 'system', roles: [] };

export type Audience = 'public' | 'forum' | 'party' | 'mediator';

export interface Visibility {
  audience: Audience;
  audienceParty: string | null;
}
