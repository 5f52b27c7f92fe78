/** What the daily report needs of a provision to know whether a ceasefire held on a day. */
export interface CeasefireProvision {
  id: string;
  agreementId: string;
  number: string;
  categories: readonly string[];
  deadline?: { kind: string; at?: string } | undefined;
}

export interface CeasefireInForce {
  agreementId: string;
  provisionId: string;
  provisionNumber: string;
  /** The moment it began, as the agreement wrote it (with its own offset). */
  since: string;
}

/**
 * The ceasefire in force on a day: the latest ceasefire provision (PA-X category "Cea") with a
 * start time on or before that day, read in the agreement's own offset. Incidents on a day
 * with none are incidents, not violations of a ceasefire that had not begun.
 */
export function ceasefireOn(day: string, provisions: readonly CeasefireProvision[]): CeasefireInForce | null {
  let best: CeasefireInForce | null = null;
  for (const p of provisions) {
    const at = p.deadline?.kind === 'absolute' ? p.deadline.at : undefined;
    if (!p.categories.includes('Cea') || !at || !/^\d{4}-\d{2}-\d{2}T/.test(at) || at.slice(0, 10) > day) continue;
    if (!best || Date.parse(at) > Date.parse(best.since)) best = { agreementId: p.agreementId, provisionId: p.id, provisionNumber: p.number, since: at };
  }
  return best;
}
