import { Type, type Static } from '@sinclair/typebox';

/**
 * The closed list of error codes. Clients switch on `code`; `reason` is a finer,
 * equally stable identifier; `message` is for people and may change wording.
 */
export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'invalid_transition',
  'unauthenticated',
  'forbidden',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.Union(ERROR_CODES.map((c) => Type.Literal(c))),
    reason: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Object({ field: Type.Optional(Type.String()) }, { additionalProperties: true })),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
