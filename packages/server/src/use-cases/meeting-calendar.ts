import ical, { ICalEventStatus } from 'ical-generator';
import type { Actor } from '../domain/shared/actor.ts';
import { parsePreciseDate } from '../domain/shared/precise-date.ts';
import { reading } from './reading.ts';
import { assertProcess, type Deps } from './support.ts';

const STATUS: Record<string, ICalEventStatus> = {
  proposed: ICalEventStatus.TENTATIVE,
  postponed: ICalEventStatus.TENTATIVE,
  scheduled: ICalEventStatus.CONFIRMED,
  in_progress: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  lapsed: ICalEventStatus.CANCELLED,
};

/** "14:00 (Europe/Minsk, GMT+3)": the meeting's time where it is held, for a person reading the event. */
function localTime(value: string, timeZone: string): string {
  try {
    const at = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone, timeZoneName: 'shortOffset' }).format(new Date(value));
    return `${at} (${timeZone})`;
  } catch {
    return value;
  }
}

/**
 * The meetings the reader may see as an iCalendar feed. A meeting known only to the
 * day or month is an all-day event over that span, not a made-up time. Times are written
 * in UTC (RFC 5545 form 2), which every client shows correctly in its own zone; a TZID
 * would need a VTIMEZONE carrying the zone's rules as of each meeting's date (Moscow moved
 * from +04 to +03 in October 2014), which the outlook-style generators do not give. The
 * local time where the meeting is held goes into the description.
 */
export async function meetingCalendar(deps: Deps, actor: Actor, processId: string): Promise<string> {
  await assertProcess(deps.store.reader, processId);
  const meetings = await reading(deps.store.reader, actor, processId, 'export').list('meetings', { limit: 10_000 });
  const cal = ical({ name: `Parley — ${processId}`, prodId: { company: 'parley', product: 'parley', language: 'EN' } });
  for (const m of meetings) {
    const b = m.body as {
      title: { en: string };
      plannedStart?: string;
      plannedEnd?: string;
      actualStart?: string;
      actualEnd?: string;
      timeZone: string;
      place?: { names: { en: string } };
    };
    const startValue = b.actualStart ?? b.plannedStart;
    if (!startValue) continue;
    const start = parsePreciseDate(startValue, 'start');
    const endValue = b.actualEnd ?? b.plannedEnd;
    const end = endValue ? parsePreciseDate(endValue, 'end') : start;
    const allDay = start.precision !== 'time' || end.precision !== 'time';
    const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);
    cal.createEvent({
      id: `${m.id}@${processId}.parley`,
      summary: `${b.title.en} (${m.status})`,
      start: allDay ? new Date(`${start.firstDay}T00:00:00Z`) : new Date(start.value),
      end: allDay ? dayAfter(end.lastDay) : end === start ? new Date(Date.parse(start.value) + 3_600_000) : new Date(end.value),
      allDay,
      description: allDay ? null : localTime(start.value, b.timeZone),
      status: STATUS[m.status ?? 'proposed'] ?? ICalEventStatus.TENTATIVE,
      location: b.place?.names.en ?? null,
      sequence: m.version,
      stamp: new Date(m.updatedAt),
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  return `${cal.toString()}\r\n`;
}
