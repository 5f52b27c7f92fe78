/** What a reader may act on, and the day before which an assessment counts as old. Pure, so it is tested alone. */
export interface WithAbilities {
  abilities?: { actions?: readonly string[] } | null;
}

export const may = (r: WithAbilities, action: string) => !!r.abilities?.actions?.includes(action);

/** How long an assessment stays current: a provision not assessed for this long needs a new look. */
export const FRESH_DAYS = 90;

/** The first day still inside the window, as YYYY-MM-DD. */
export function freshSince(today: Date, days = FRESH_DAYS): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether an assessment "as of" a precise date (a year, a month or a day) falls inside the window. A month or a year
 * counts by its last day: "2026-09" is within 90 days of 2026-11-30, since the month ran to the 30th.
 */
export function isFresh(asOf: string, since: string): boolean {
  const end = /^\d{4}$/.test(asOf) ? `${asOf}-12-31` : /^\d{4}-\d{2}$/.test(asOf) ? `${asOf}-31` : asOf.slice(0, 10);
  return end >= since;
}

/** The latest "as of" per provision. */
export function latestByProvision(assessments: { provisionId: string; asOf: string }[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const a of assessments) {
    const prev = latest.get(a.provisionId);
    if (!prev || a.asOf.localeCompare(prev) > 0) latest.set(a.provisionId, a.asOf);
  }
  return latest;
}
