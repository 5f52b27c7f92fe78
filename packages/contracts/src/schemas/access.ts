import { Type } from '@sinclair/typebox';
import { Id, Strict } from './common.ts';

export const Role = Type.Union([Type.Literal('mediator'), Type.Literal('delegate'), Type.Literal('monitor'), Type.Literal('analyst')]);

export const LoginInput = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  Strict,
);

export const TokenInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'days until the token expires; 90 when left out' })),
  },
  Strict,
);

export const TokenParams = Type.Object({ id: Id }, Strict);
export const CalendarFeedParams = Type.Object({ processId: Id, feedId: Id }, Strict);
/** A feed's secret: 'cal_' and 43 base64url characters (32 random bytes). */
export const CalendarFeedTokenParams = Type.Object({ token: Type.String({ pattern: '^cal_[A-Za-z0-9_-]{43}$' }) }, Strict);

export const RoleGrant = Type.Object({ processId: Id, role: Role, partyId: Type.Union([Id, Type.Null()]) }, Strict);

export const Me = Type.Object({
  username: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleGrant),
});
