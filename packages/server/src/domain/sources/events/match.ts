import { dayOf } from '../figures/calendar.ts';
import type { DateRange } from '../figures/dates.ts';
import type { Roster, RosterMeeting } from '../read/roster.ts';
import type { Span } from '../read/text.ts';
import { namesPlace } from './actors.ts';
import type { EventMode } from './lexicon.ts';
import { REMOTE_MEETING, ROUND, SUMMIT } from './lexicon.ts';

export interface EventMatch {
  kind: 'meeting' | 'incident';
  id: string;
  confidence: number;
  why: string;
}

/** A record date with its precision (YYYY, YYYY-MM, YYYY-MM-DD) as a span of day numbers. */
function recordDays(iso: string | undefined): [number, number, 'day' | 'month' | 'year'] | null {
  if (!iso) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(iso)) {
    const d = dayOf(iso);
    return d === null ? null : [d, d, 'day'];
  }
  if (/^\d{4}-\d{2}$/.test(iso)) {
    const from = dayOf(`${iso}-01`);
    if (from === null) return null;
    const y = +iso.slice(0, 4);
    const m = +iso.slice(5, 7);
    return [from, from + new Date(Date.UTC(y, m, 0)).getUTCDate() - 1, 'month'];
  }
  if (/^\d{4}$/.test(iso)) {
    const from = dayOf(`${iso}-01-01`);
    const to = dayOf(`${iso}-12-31`);
    return from === null || to === null ? null : [from, to, 'year'];
  }
  return null;
}

/** How well the date a report gives fits a record's date: a score and the words for `why`, or null when it rules it out. */
function dateFit(date: DateRange, record: string | undefined): [number, string] | null {
  const r = recordDays(record);
  const from = dayOf(date.from);
  const to = dayOf(date.to);
  if (!r || from === null || to === null) return [0, ''];
  const [rf, rt, precision] = r;
  if (precision === 'day') {
    const gap = rf < from ? from - rf : rf > to ? rf - to : 0;
    if (gap === 0) return date.precision === 'day' ? [0.5, `same day ${record}`] : [0.3, `${record} within ${date.text}`];
    if (gap === 1) return [0.25, `one day off ${record}`];
    return gap <= 3 ? [0.05, `${gap} days off ${record}`] : null;
  }
  if (from >= rf && to <= rt) return [precision === 'month' ? 0.35 : 0.15, `${date.from} within ${record}`];
  return to < rf || from > rt ? null : [0.1, `overlaps ${record}`];
}

const statusFit = (mode: EventMode, status: string): [number, string] => {
  if (mode === 'cancelled' && /cancel|lapsed|called_off/.test(status)) return [0.1, `both cancelled`];
  if (mode === 'postponed' && /postpon/.test(status)) return [0.1, `both postponed`];
  if (mode === 'occurred' && /held/.test(status)) return [0.05, 'held'];
  if (mode === 'cancelled' && /held/.test(status)) return [-0.15, 'but the record has it held'];
  return [0, ''];
};

/**
 * The record's meeting a consult event is about. The format named ("teleconference", "summit", "round") and the date
 * count most; a named place adds to it. Without a date, "another"/"next" round is the first meeting after
 * publication and a past one the last before it. Returns the best at 0.35 or above.
 */
export function matchMeeting(
  body: string,
  clause: Span,
  sentence: Span,
  ev: { mode: EventMode; date: DateRange | null },
  published: string,
  roster: Roster,
): EventMatch | null {
  const text = body.slice(clause.start, clause.end);
  const remote = REMOTE_MEETING.test(text);
  const summit = SUMMIT.test(text);
  const round = ROUND.test(text);
  const pub = dayOf(published);
  const meetings = roster.meetings ?? [];
  const dayAt = (m: RosterMeeting) => recordDays(m.date)?.[0] ?? null;
  // A meeting dated by its month only is "before" publication up to its month's last day.
  const lastDay = (m: RosterMeeting) => recordDays(m.date)?.[1] ?? null;
  const fits = (m: RosterMeeting) => !remote || m.kind === 'preparatory_teleconference' || m.modality !== 'in_person';
  const ahead = meetings.filter((m) => pub !== null && fits(m) && (dayAt(m) ?? -Infinity) >= pub).sort((a, b) => dayAt(a)! - dayAt(b)!);
  const behind = meetings.filter((m) => pub !== null && fits(m) && (dayAt(m) ?? Infinity) <= pub).sort((a, b) => lastDay(b)! - lastDay(a)!);
  let best: EventMatch | null = null;
  for (const m of meetings) {
    const why: string[] = [];
    let score = 0;
    if (ev.date) {
      const fit = dateFit(ev.date, m.date);
      if (!fit) continue;
      score += fit[0];
      if (fit[1]) why.push(fit[1]);
    } else if (ev.mode === 'planned' || ev.mode === 'proposed') {
      if (ahead[0]?.id !== m.id) continue;
      score += 0.25;
      why.push('first meeting after publication');
    } else {
      const last = behind[0];
      if (last?.id !== m.id || pub === null || pub - Math.min(pub, lastDay(m)!) > 14) continue;
      score += 0.15;
      why.push('last meeting before publication');
    }
    const isRemote = m.kind === 'preparatory_teleconference' || m.modality === 'video' || m.modality === 'phone';
    if (remote && isRemote) {
      score += 0.35;
      why.push(m.kind === 'preparatory_teleconference' ? 'a teleconference' : `a ${m.modality} meeting`);
    } else if (remote && !isRemote && m.modality !== 'hybrid') score -= 0.3;
    else if (!remote && isRemote) score -= 0.2;
    else if (summit && m.kind === 'summit') {
      score += 0.3;
      why.push('a summit');
    } else if (!remote && round && !summit && m.kind !== 'summit' && !isRemote) {
      score += 0.15;
      why.push(`a ${m.kind.replace(/_/g, ' ')}`);
    }
    const place = m.place ? [m.place.en, m.place.uk, m.place.ru] : [];
    if (place.length && namesPlace(body, sentence, place)) {
      score += 0.15;
      why.push(`in ${m.place!.en}`);
    }
    const [s, w] = statusFit(ev.mode, m.status ?? '');
    score += s;
    if (w) why.push(w);
    const confidence = Math.round(Math.min(0.95, Math.max(0, score)) * 100) / 100;
    if (confidence >= 0.35 && (!best || confidence > best.confidence)) best = { kind: 'meeting', id: m.id, confidence, why: why.join(', ') };
  }
  return best;
}

/** The record's incident an attack (or an accusation of one) is about, by date and by the place named. */
export function matchIncident(body: string, sentence: Span, date: DateRange | null, published: string, roster: Roster): EventMatch | null {
  let best: EventMatch | null = null;
  const pub = dayOf(published);
  for (const inc of roster.incidents ?? []) {
    const why: string[] = [];
    let score = 0;
    if (date) {
      const fit = dateFit(date, inc.date);
      if (!fit) continue;
      score += fit[0] * 0.9;
      if (fit[1]) why.push(fit[1]);
    } else {
      const d = recordDays(inc.date)?.[0];
      if (d === undefined || pub === null || d > pub || pub - d > 3) continue;
      score += 0.1;
      why.push('days before publication');
    }
    const place = inc.place ? [inc.place.en, inc.place.uk, inc.place.ru] : [];
    if (place.length && namesPlace(body, sentence, place)) {
      score += 0.35;
      why.push(`at ${inc.place!.en}`);
    }
    const confidence = Math.round(Math.min(0.95, score) * 100) / 100;
    if (confidence >= 0.4 && (!best || confidence > best.confidence)) best = { kind: 'incident', id: inc.id, confidence, why: why.join(', ') };
  }
  return best;
}
