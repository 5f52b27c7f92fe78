import type { Reference, RuleSetId } from './withdrawal-rules.ts';

/** A weapon sighted closer to its reference line than its category must keep: computed, never typed in. */
export interface Violation {
  observationId: string;
  date: string;
  weapon: string;
  weaponPartyId: string | null;
  position: { lat: number; lon: number };
  /** The region (adm1) of the incident the sighting supports, when it supports one. */
  region: string | null;
  distanceKm: number;
  rule: {
    ruleSet: RuleSetId;
    agreement: string;
    category: string;
    requiredKm: number;
    zoneWidthKm: number;
    reference: Reference;
    inForce: boolean;
    text: string;
  };
  line: { id: string; version: number; date: string; approximate: boolean };
}
