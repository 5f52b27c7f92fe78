import { invalid } from '../shared/app-error.ts';

/**
 * Who is said to be responsible for an incident. Views are appended side by side and
 * never overwrite each other: a party's claim, the mediator's assessment and a dispute
 * of either are all part of the record, as the product's principle "attributed" asks.
 */
export interface Attribution {
  kind: 'claimed' | 'assessed' | 'disputed';
  responsiblePartyId?: string;
  responsibleLabel?: string;
  byPartyId?: string;
  disputes?: string;
  text: string;
}

export function assertAttribution(a: Attribution): void {
  if (a.kind !== 'disputed' && !a.responsiblePartyId && !a.responsibleLabel)
    throw invalid('responsiblePartyId', 'responsible_required', 'Name who is said to be responsible: a party, or a label such as "unidentified armed group".');
  if (a.kind === 'claimed' && !a.byPartyId) throw invalid('byPartyId', 'claimant_required', 'A claim names the party that makes it.');
  if (a.kind === 'disputed' && !a.disputes) throw invalid('disputes', 'disputed_attribution_required', 'A dispute names the attribution it disputes.');
  if (a.kind !== 'disputed' && a.disputes) throw invalid('disputes', 'disputes_unexpected', 'Only a dispute names another attribution.');
}
