import type { Violation } from '../lines/violation.ts';
import type { CeasefireInForce } from './ceasefire.ts';
import { stringifyCsv } from './csv.ts';
import type { Bounds } from './incident.ts';

/** One region's counts for one day, as the database sums them. */
export interface RegionCounts {
  region: string;
  day: string;
  incidents: number;
  explosions: number;
  killed: Bounds;
  injured: Bounds;
}

export interface Restriction {
  id: string;
  date: string;
  place: { name: string; admin1?: string };
  byPartyId?: string;
  byLabel?: string;
  description: string;
}

export interface RegionReport {
  region: string;
  incidents: { today: number; previous: number; change: number };
  explosions: { today: number; previous: number; change: number };
  killed: Bounds;
  injured: Bounds;
  weaponsInViolation: Violation[];
  restrictions: Restriction[];
}

export interface DailyReport {
  date: string;
  previousDate: string;
  /** The ceasefire in force on the day, if any: before one begins, incidents are not its violations. */
  ceasefire: (CeasefireInForce & { agreementTitles: { en: string; uk?: string; ru?: string }; agreementShortName: string | null }) | null;
  regions: RegionReport[];
  totals: Omit<RegionReport, 'region' | 'weaponsInViolation' | 'restrictions'> & { weaponsInViolation: number; restrictions: number };
}

/** Incidents, sightings and restrictions without a region are still counted, under this name. */
export const NO_REGION = '(region not given)';
const zero = (): Bounds => ({ low: 0, best: 0, high: 0 });
const add = (a: Bounds, b: Bounds): Bounds => ({ low: a.low + b.low, best: a.best + b.best, high: a.high + b.high });

export const previousDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * A monitoring mission's daily report: per region, the day against the day before, the
 * casualties of the day, the weapons sighted inside their zones and the restrictions of
 * the monitors' movement. Regions appear when anything happened in them on either day.
 */
export function buildDailyReport(
  date: string,
  counts: RegionCounts[],
  violations: Violation[],
  restrictions: Restriction[],
  ceasefire: DailyReport['ceasefire'],
): DailyReport {
  const previousDate = previousDay(date);
  const regions = new Map<string, RegionReport>();
  const region = (name: string | null | undefined) => {
    const key = name || NO_REGION;
    let r = regions.get(key);
    if (!r) {
      r = {
        region: key,
        incidents: { today: 0, previous: 0, change: 0 },
        explosions: { today: 0, previous: 0, change: 0 },
        killed: zero(),
        injured: zero(),
        weaponsInViolation: [],
        restrictions: [],
      };
      regions.set(key, r);
    }
    return r;
  };
  for (const c of counts) {
    const r = region(c.region);
    const which = c.day === date ? 'today' : 'previous';
    r.incidents[which] += c.incidents;
    r.explosions[which] += c.explosions;
    if (which === 'today') {
      r.killed = add(r.killed, c.killed);
      r.injured = add(r.injured, c.injured);
    }
  }
  for (const v of violations) region(v.region).weaponsInViolation.push(v);
  for (const x of restrictions) region(x.place.admin1).restrictions.push(x);
  const list = [...regions.values()].sort((a, b) => (a.region === NO_REGION ? 1 : b.region === NO_REGION ? -1 : a.region.localeCompare(b.region)));
  for (const r of list) {
    r.incidents.change = r.incidents.today - r.incidents.previous;
    r.explosions.change = r.explosions.today - r.explosions.previous;
  }
  const sum = (pick: (r: RegionReport) => { today: number; previous: number }) => {
    const today = list.reduce((s, r) => s + pick(r).today, 0);
    const previous = list.reduce((s, r) => s + pick(r).previous, 0);
    return { today, previous, change: today - previous };
  };
  return {
    date,
    previousDate,
    ceasefire,
    regions: list,
    totals: {
      incidents: sum((r) => r.incidents),
      explosions: sum((r) => r.explosions),
      killed: list.reduce((s, r) => add(s, r.killed), zero()),
      injured: list.reduce((s, r) => add(s, r.injured), zero()),
      weaponsInViolation: violations.length,
      restrictions: restrictions.length,
    },
  };
}

/** One row per region, the figures a spreadsheet compares day by day. */
export function dailyReportCsv(r: DailyReport): string {
  const header = [
    'date',
    'region',
    'incidents',
    'incidents_previous_day',
    'incidents_change',
    'explosions',
    'explosions_previous_day',
    'explosions_change',
    'killed_low',
    'killed_best',
    'killed_high',
    'injured_low',
    'injured_best',
    'injured_high',
    'weapons_in_violation',
    'restrictions',
  ];
  const row = (name: string, x: Omit<RegionReport, 'region' | 'weaponsInViolation' | 'restrictions'>, weapons: number, restrictions: number) =>
    [
      r.date,
      name,
      x.incidents.today,
      x.incidents.previous,
      x.incidents.change,
      x.explosions.today,
      x.explosions.previous,
      x.explosions.change,
      x.killed.low,
      x.killed.best,
      x.killed.high,
      x.injured.low,
      x.injured.best,
      x.injured.high,
      weapons,
      restrictions,
    ].map(String);
  return stringifyCsv([
    header,
    ...r.regions.map((x) => row(x.region, x, x.weaponsInViolation.length, x.restrictions.length)),
    row('(all regions)', r.totals, r.totals.weaponsInViolation, r.totals.restrictions),
  ]);
}
