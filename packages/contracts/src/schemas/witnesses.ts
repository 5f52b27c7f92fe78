import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from './common.ts';

/** A note key name (c2sp.org/signed-note): no spaces, no plus sign. */
export const WitnessName = Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\s+]+$', description: "the witness key's name" });

const WitnessUrl = Type.String({
  format: 'uri',
  pattern: '^https?://',
  maxLength: 500,
  description: 'where the witness answers add-checkpoint; https (http only to a loopback address, when the server allows it)',
});

export const WitnessInput = Type.Object({ partyId: Id, vkey: Type.String({ minLength: 1, maxLength: 500 }), url: WitnessUrl }, Strict);
export type WitnessInput = Static<typeof WitnessInput>;

/** A new address for the same key; a new key is a new witness. */
export const WitnessChange = Type.Object({ url: WitnessUrl, version: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, Strict);

/** Approval names the version the mediator looked at. */
export const WitnessApproval = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, Strict);

export const WitnessRemoval = Type.Object({ version: Type.String({ pattern: '^[1-9][0-9]{0,9}$', description: 'the version being removed' }) }, Strict);

export const WitnessStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('removed')], {
  description: 'pending until the mediator approves; only an active witness is sent checkpoints and shown as a cosigner',
});

export const Witness = Type.Object({
  name: WitnessName,
  partyId: Id,
  vkey: Type.String(),
  url: Type.String(),
  status: WitnessStatus,
  version: Type.Integer(),
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  removedBy: Type.Union([Type.String(), Type.Null()]),
});
export type Witness = Static<typeof Witness>;
