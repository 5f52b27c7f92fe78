import type { Actor } from '../../domain/shared/actor.ts';
import type { Names3, Roster, RosterMandate, RosterMeeting } from '../../domain/sources/read/roster.ts';
import type { RecordReader } from '../ports.ts';
import { reading } from '../reading.ts';

/** More than a process's parties, people or meetings run to; the readers match against all of them. */
const ROSTER_LIMIT = 2000;

/** What the readers may resolve names against: only the records the ingesting person may see, so a reading never leaks more. */
export async function loadRoster(reader: RecordReader, actor: Actor, processId: string): Promise<Roster> {
  const read = reading(reader, actor, processId, 'reference');
  const list = (table: 'parties' | 'people' | 'mandates' | 'meetings' | 'incidents') => read.list(table, { limit: ROSTER_LIMIT });
  const [parties, people, mandates, meetings, incidents] = await Promise.all([
    list('parties'),
    list('people'),
    list('mandates'),
    list('meetings'),
    list('incidents'),
  ]);
  type B = Record<string, unknown>;
  return {
    parties: parties.map((p) => ({
      id: p.id,
      names: p.body.names as Names3,
      aliases: (p.body.aliases as { text: string; lang?: 'en' | 'uk' | 'ru' }[] | undefined) ?? [],
      kind: String(p.body.kind),
    })),
    people: people.map((p) => ({ id: p.id, names: p.body.names as Names3, ...(p.body.partyId ? { partyId: String(p.body.partyId) } : {}) })),
    mandates: mandates.map((m) => {
      const b = m.body as B;
      return {
        personId: String(b.personId),
        partyId: b.partyId as string | undefined,
        role: b.role as RosterMandate['role'],
        from: String(b.from),
        to: b.to as string | undefined,
      };
    }),
    meetings: meetings.map((m) => {
      const b = m.body as B;
      return {
        id: m.id,
        title: b.title as Names3,
        kind: b.kind as RosterMeeting['kind'],
        modality: b.modality as RosterMeeting['modality'],
        status: m.status ?? 'proposed',
        date: (b.actualStart ?? b.plannedStart) as string | undefined,
        place: (b.place as { names?: Names3 } | undefined)?.names,
      };
    }),
    incidents: incidents.map((i) => {
      const b = i.body as { date: { start: string }; place?: { name?: string } };
      return { id: i.id, date: b.date.start, ...(b.place?.name ? { place: { en: b.place.name } } : {}) };
    }),
  };
}
