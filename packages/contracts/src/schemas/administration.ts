import { Type } from '@sinclair/typebox';
import { Names, Strict } from './common.ts';
import { Role } from './access.ts';
import { AreaOfInterestInput } from './lines.ts';

/**
 * Deployment and process administration: the first administrator's set-up, processes, account invites
 * (one-time links giving a person a role in a process; not a meeting's invitation), grants, and accounts.
 */

const Username = (description = '2–50 lower-case letters, digits, dots, dashes or underscores') =>
  Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,49}$', description });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const PartyId = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' });
/** A one-time link's token: `<id>.<secret>`; the part after the dot is shown once and stored only as a hash. */
export const LinkToken = Type.String({ minLength: 1, maxLength: 100, description: 'the one-time token from the link' });
export const ProcessId = Type.String({
  pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$',
  description: 'a slug: lower-case letters, digits and dashes, not at either end',
});

export const SetupInput = Type.Object({ token: LinkToken, username: Username(), password: Password }, Strict);
export const TokenPathParams = Type.Object({ token: LinkToken }, Strict);

export const ProcessCreateInput = Type.Object(
  {
    id: ProcessId,
    names: Names,
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    areaOfInterest: Type.Optional(AreaOfInterestInput),
    mediator: Type.Optional(Username('the first mediator; the administrator who opens the process when left out')),
  },
  Strict,
);
export const ProcessCreated = Type.Object(
  { id: Type.String(), mediator: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: true, description: 'the new process and its first mediator' },
);

export const InviteInput = Type.Object(
  {
    role: Role,
    partyId: Type.Optional(Type.Union([PartyId, Type.Null()], { description: 'required for a delegate; optional for an analyst' })),
    username: Type.Optional(Username('a suggestion for the new account; the invitee may choose another')),
  },
  Strict,
);
const InviteFields = {
  id: Type.String(),
  processId: Type.String(),
  role: Role,
  partyId: Type.Union([Type.String(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.String(),
};
export const InviteView = Type.Object(InviteFields, { additionalProperties: true, description: 'a pending account invite, never its token' });
export const InviteCreated = Type.Object(
  { ...InviteFields, token: Type.String({ description: 'shown once' }), path: Type.String({ description: 'the link to hand over: /invite/<token>' }) },
  { additionalProperties: true, description: 'a new account invite with its one-time link' },
);
export const InviteParams = Type.Object({ processId: Type.String({ maxLength: 64 }), inviteId: Type.String({ maxLength: 64 }) }, Strict);
export const InviteSummary = Type.Object(
  {
    processId: Type.String(),
    processNames: Type.Record(Type.String(), Type.String()),
    role: Role,
    partyId: Type.Union([Type.String(), Type.Null()]),
    partyNames: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
    username: Type.Union([Type.String(), Type.Null()]),
    expiresAt: Type.String(),
  },
  { additionalProperties: true, description: 'what an account invite offers' },
);
export const InviteAcceptInput = Type.Object(
  {
    username: Type.Optional(Username()),
    password: Type.Optional(Password),
  },
  { ...Strict, description: 'a new account; leave both out to add the role to the account you are signed in with (a session)' },
);
export const InviteAccepted = Type.Object(
  { username: Type.String(), processId: Type.String(), role: Role, partyId: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: true, description: 'the role granted, and to whom' },
);

export const RoleGrantInput = Type.Object({ username: Username(), role: Role, partyId: Type.Optional(Type.Union([PartyId, Type.Null()])) }, Strict);
export const RoleGrantView = Type.Object(
  { username: Type.String(), role: Role, partyId: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: true, description: 'a role granted' },
);
export const RoleRevokeParams = Type.Object({ processId: Type.String({ maxLength: 64 }), username: Type.String({ maxLength: 50 }), role: Role }, Strict);
export const ProcessPerson = Type.Object(
  {
    accountId: Type.String(),
    username: Type.String(),
    active: Type.Boolean(),
    roles: Type.Array(
      Type.Object(
        {
          role: Role,
          partyId: Type.Union([Type.String(), Type.Null()]),
          version: Type.Integer(),
          status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
          revokedAt: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true, description: 'a person of the process with their grants, revoked ones included' },
);

export const AccountParams = Type.Object({ username: Type.String({ maxLength: 50 }) }, Strict);
export const AccountView = Type.Object(
  {
    accountId: Type.String(),
    username: Type.String(),
    admin: Type.Boolean(),
    active: Type.Boolean(),
    roles: Type.Array(Type.Object({ processId: Type.String(), role: Role, partyId: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: true })),
  },
  { additionalProperties: true, description: 'an account as the administrator sees it' },
);
export const AdminFlagInput = Type.Object({ admin: Type.Boolean() }, Strict);
export const AdminFlagView = Type.Object({ username: Type.String(), admin: Type.Boolean() }, { additionalProperties: true });
export const ResetLinkCreated = Type.Object(
  { id: Type.String(), username: Type.String(), expiresAt: Type.String(), token: Type.String(), path: Type.String({ description: '/reset/<token>' }) },
  { additionalProperties: true, description: 'a one-time password reset link, shown once' },
);
export const ResetInput = Type.Object({ password: Password }, Strict);
export const ResetDone = Type.Object({ username: Type.String() }, { additionalProperties: true, description: 'the account whose password was set' });
