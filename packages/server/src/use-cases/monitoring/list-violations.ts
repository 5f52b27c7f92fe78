import type { Actor } from '../../domain/shared/actor.ts';
import type { Violation } from '../../domain/lines/violation.ts';
import { MEMORANDUM_LINE_DATE, UKRAINE, WITHDRAWAL_RULES, rulesFor, type RuleSetId } from '../../domain/lines/withdrawal-rules.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { readScope } from '../../policies/access.ts';
import type { MonitoringDeps } from '../ports.ts';
import { reading } from '../reading.ts';
import { assertProcess } from '../support.ts';

export interface ViolationsQuery {
  date: string;
  /** The last day of a period from `date`; each day is measured under the rules and the line of that day. */
  to?: string;
  agreement?: RuleSetId;
  category?: string;
  /** Measure from this line (a proposal, another side's contact line) instead of the reference contact line. */
  line?: string;
}

/**
 * The weapons sighted on a day inside the distance their category must keep from the
 * line. The rule says the distance; PostGIS measures it; nobody types a violation in, so
 * a corrected line or sighting corrects every violation derived from it.
 */
export async function listViolations(deps: MonitoringDeps, actor: Actor, processId: string, q: ViolationsQuery): Promise<Violation[]> {
  const days = period(q.date, q.to);
  await assertProcess(deps.store.reader, processId);
  // A chosen line is read like any record: one the reader may not see is missing.
  if (q.line) await reading(deps.store.reader, actor, processId, 'view').one('lines', q.line, 'line');
  const rows = [];
  for (const date of days)
    rows.push(
      ...(await deps.monitoring.violations(processId, readScope(actor, processId), {
        ...(q.line ? { lineId: q.line } : {}),
        date,
        ukraine: UKRAINE,
        memorandumLineDate: MEMORANDUM_LINE_DATE,
        rules: rulesFor(date, q.agreement, q.category),
      })),
    );
  return rows.map((r) => {
    const rule = WITHDRAWAL_RULES.find((x) => x.ruleSet === r.ruleSet && x.category === r.category)!;
    return {
      observationId: r.observationId,
      date: r.date,
      weapon: r.weapon,
      weaponPartyId: r.weaponPartyId,
      position: { lat: r.lat, lon: r.lon },
      region: r.region,
      distanceKm: Math.round(r.distanceM) / 1000,
      rule: {
        ruleSet: rule.ruleSet,
        agreement: rule.agreement,
        category: rule.category,
        requiredKm: rule.requiredKm,
        zoneWidthKm: rule.zoneWidthKm,
        reference: r.reference,
        inForce: rule.signedOn <= r.date,
        text: rule.text,
      },
      line: { id: r.lineId, version: r.lineVersion, date: r.lineDate, approximate: r.lineApproximate },
    };
  });
}

const MAX_DAYS = 31;

/** The days from `from` to `to`, both included. */
function period(from: string, to = from): string[] {
  if (to < from) throw invalid('to', 'bounds_reversed', `The period ends (${to}) before it begins (${from}).`);
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    if (days.length === MAX_DAYS) throw invalid('to', 'too_many_dates', `Ask for at most ${MAX_DAYS} days at once.`);
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
