import { monthNumber, weekdayNumber } from '../figures/calendar.ts';
import { readDates, type DateRange } from '../figures/dates.ts';
import { EMPTY_ROSTER, type Roster } from '../read/roster.ts';
import { sentences, type Span } from '../read/text.ts';
import { actorIndex, actorsIn, type ActorIndex, type ActorMention } from './actors.ts';
import { CLAUSE_BREAK, MODES, SAY, SPEECH_TYPES, TRIGGERS, type EventMode, type PloverType } from './lexicon.ts';
import { matchIncident, matchMeeting, type EventMatch } from './match.ts';

export type { EventMode, PloverType } from './lexicon.ts';

/**
 * An event a report tells of, shaped for PLOVER. PLOVER's event record carries a type and a mode, and puts
 * hypotheticals and negations in its context field; here:
 *   occurred → PLOVER mode unspecified (an event that took place);
 *   planned, proposed → mode "hypothetical", context "intention"/"proposal" (proposed is a side's offer or effort,
 *     planned a date or "next round" in the future);
 *   cancelled, postponed → mode "hypothetical", context "cancelled"/"postponed" (a planned event that will not be
 *     on the date it had);
 *   denied → mode "negated", context "denial" (a side says it did not do it);
 *   failed → mode "negated", context "failed" (it was tried without result).
 * The actors' roles are PLOVER's source (who acts) and target (at whom).
 */
export interface EventCandidate {
  span: Span;
  type: PloverType;
  mode: EventMode;
  trigger: { text: string; span: Span };
  actors: { mention: string; span: Span; partyId: string | null; role: 'source' | 'target' }[];
  date: DateRange | null;
  place: { mention: string; span: Span } | null;
  /** a meeting or incident of the record this event is about, when it matches */
  match: { kind: 'meeting' | 'incident'; id: string; confidence: number; why: string } | null;
}

interface Hit {
  type: PloverType;
  start: number;
  end: number;
}
interface Cue {
  mode: EventMode;
  text: string;
  start: number;
  end: number;
}

const PLACE_EN =
  /(?<!\p{L})(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]round|close\s+to|(?:areas|districts|outskirts|suburbs|centre|center)\s+of)\s+(?:the\s+)?(?<w>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}(?:\s+(?:airport|region|oblast|district))?)/gu;
const PLACE_SLAVIC =
  /(?<!\p{L})(?:[УуВв]|[Бб]іля|[Пп]облизу|[Пп]ід|[Нн]еподалік|[Пп]од|[Вв]озле|[Оо]коло|[Бб]лиз|[Нн]а|[Вв]\s+районі|[Вв]\s+районе)\s+(?<w>(?:\p{Ll}+\s+)?(?:аеропорт|аэропорт)\p{L}*(?:\s+\p{Lu}[\p{L}'’-]*)?|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?:\s+(?:аеропорт|аэропорт)\p{L}*)?)/gu;
const NOT_PLACE = /^(?:The|This|That|These|Those|A|An|Its|His|Her|Their|Our|It|He|She|They|We|I)$/u;

/** The matches of a lexicon pattern that start a word (the patterns leave the left edge to this). */
const all = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  return [...text.matchAll(re)].filter((m) => m.index === 0 || !/\p{L}/u.test(text[m.index - 1]!));
};

/** A sentence's clauses: "X, while Y" and "X; Y" are two. */
function clauses(body: string, s: Span): Span[] {
  const text = body.slice(s.start, s.end);
  const cuts = [0, ...[...text.matchAll(CLAUSE_BREAK)].map((m) => m.index), text.length];
  const out: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const part = text.slice(cuts[i], cuts[i + 1]);
    const lead = /^[\s,;]*/.exec(part)![0].length;
    const trail = /[\s,;]*$/.exec(part)![0].length;
    if (part.length - lead - trail > 0) out.push({ start: s.start + cuts[i]! + lead, end: s.start + cuts[i + 1]! - trail });
  }
  return out;
}

/**
 * Every trigger and mode word of the body, in text order: one pass per pattern over the whole body costs far less
 * than one per clause. A clause then takes the run that falls inside it.
 */
function scan<T>(body: string, patterns: [T, RegExp][]): { kind: T; text: string; start: number; end: number }[] {
  const found: { kind: T; text: string; start: number; end: number }[] = [];
  for (const [kind, re] of patterns) for (const m of all(re, body)) found.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length });
  return found.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** A sorted list's items inside a span, from a cursor that only moves forward as the spans do. */
function within<T extends Span>(list: T[], cursor: { at: number }, span: Span): T[] {
  while (cursor.at < list.length && list[cursor.at]!.start < span.start) cursor.at++;
  const out: T[] = [];
  for (let k = cursor.at; k < list.length && list[k]!.start < span.end; k++) if (list[k]!.end <= span.end) out.push(list[k]!);
  return out;
}

/** A clause's triggers, the longer kept where two overlap. */
function triggersOf(found: { kind: PloverType; start: number; end: number }[]): Hit[] {
  const out: Hit[] = [];
  for (const h of found) if (!out.length || h.start >= out[out.length - 1]!.end) out.push({ type: h.kind, start: h.start, end: h.end });
  return out;
}

function placeIn(body: string, clause: Span, index: ActorIndex): { mention: string; span: Span } | null {
  const text = body.slice(clause.start, clause.end);
  for (const re of [PLACE_EN, PLACE_SLAVIC])
    for (const m of all(re, text)) {
      const w = m.groups!.w!;
      const first = w.split(/\s+/)[0]!;
      if (NOT_PLACE.test(first) || monthNumber(first) !== null || weekdayNumber(first) >= 0) continue;
      const start = clause.start + m.index + m[0].length - w.length;
      const span = { start, end: start + w.length };
      if (actorsIn(body, span, index).some((a) => a.kind === 'organisation' || a.kind === 'person')) continue;
      return { mention: w, span };
    }
  return null;
}

/** Which of a clause's actors act and which are acted on, from where they stand to the trigger and to a verb of saying. */
function roles(
  body: string,
  clause: Span,
  hit: Hit,
  inClause: ActorMention[],
  place: Span | null,
  speakersOfSentence: () => ActorMention[],
): EventCandidate['actors'] {
  const found = inClause.filter((a) => !place || a.span.end <= place.start || a.span.start >= place.end);
  const says = all(SAY, body.slice(clause.start, hit.start)).map((m) => clause.start + m.index + m[0].length);
  const saidAt = SPEECH_TYPES.has(hit.type) ? -1 : (says[says.length - 1] ?? -1);
  const before = found.filter((a) => a.span.end <= hit.start);
  const between = before.filter((a) => a.span.start >= saidAt);
  const sources = between.length ? between : before;
  const out: EventCandidate['actors'] = [];
  const seen = new Set<string>();
  // One party has one role in an event: the first it is given, as the subject comes first.
  const push = (a: (typeof found)[number], role: 'source' | 'target') => {
    const key = a.partyId ?? a.mention.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ mention: a.mention, span: a.span, partyId: a.partyId, role });
  };
  for (const a of sources) push(a, 'source');
  const speakers: typeof found = [];
  for (const a of found.filter((x) => x.span.start >= hit.end)) {
    const lead = body.slice(Math.max(clause.start, a.span.start - 20), a.span.start);
    const tail = body.slice(a.span.end, Math.min(clause.end, a.span.end + 40));
    // "…, spokesman Alexander Lukashevich said": a speaker named after the act, not its target.
    // Also "— сказав Кучма", "said the Russian ambassador" after a quote or clause.
    if ((/,[^,]*$/u.test(lead) && SAY_NEAR.test(tail)) || SAID_BEFORE.test(lead)) {
      speakers.push(a);
      continue;
    }
    const by = /(?<!\p{L})(?:by|з\s+боку|со\s+стороны)\s+(?:the\s+)?$/iu.test(lead);
    push(a, by ? 'source' : 'target');
  }
  // Who says a rejection or an accusation makes it; who reports an attack does not make that.
  if (!sources.length && SPEECH_TYPES.has(hit.type)) for (const a of speakers.length ? speakers : speakersOfSentence()) push(a, 'source');
  return out;
}

const SAID_BEFORE = new RegExp(`(?:${SAY.source})\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}$`, 'iu');
const SAY_NEAR = new RegExp(`^[^,.;]{0,30}?(?<!\\p{L})(?:${SAY.source})`, 'iu');
/** The actors of a sentence that stand next to a verb of saying: "— заявив Кучма", "Kuchma said". */
function speakersIn(body: string, sent: Span, index: ActorIndex): ActorMention[] {
  return actorsIn(body, sent, index).filter(
    (a) =>
      SAID_BEFORE.test(body.slice(Math.max(sent.start, a.span.start - 20), a.span.start)) ||
      SAY_NEAR.test(body.slice(a.span.end, Math.min(sent.end, a.span.end + 40))),
  );
}

const SAID_ON = new RegExp(`(?:${SAY.source})\\s+(?:on\\s+|в\\s+|у\\s+|во\\s+)?$`, 'iu');
const SINCE = /^(?:since|ever|з|із|зі|від|с|со|начиная)(?!\p{L})/iu;

/**
 * Events a report tells of, one per trigger and clause, with PLOVER type and mode, actors resolved through the
 * roster, date, place and the record's meeting or incident they are about. A saying (accuse, reject, request,
 * support, threaten) takes in the acts it is about: "accused Kyiv of shelling Donetsk" is one accusation, not also a
 * shelling the reader could confirm, and "talks are not viable" is a rejection of talks.
 */
export function readEvents(body: string, opts: { language: string; published: string; roster: Roster }): EventCandidate[] {
  if (typeof body !== 'string' || !body) return [];
  const roster = opts.roster ?? EMPTY_ROSTER;
  const published = typeof opts.published === 'string' ? opts.published.slice(0, 10) : '';
  const dates = readDates(body, { language: opts.language ?? 'en', published }).filter((d) => !SINCE.test(d.text));
  const index = actorIndex(roster);
  const out: EventCandidate[] = [];
  const allTriggers = scan(body, TRIGGERS);
  const allCues = scan(body, MODES);
  const triggerCursor = { at: 0 };
  const cueCursor = { at: 0 };
  let di = 0;
  for (const sent of sentences(body)) {
    while (di < dates.length && dates[di]!.span.start < sent.start) di++;
    const sentDates: DateRange[] = [];
    for (let k = di; k < dates.length && dates[k]!.span.start < sent.end; k++) {
      // "…, the spokesman said on Thursday": the day of the saying, not of the event.
      const d = dates[k]!;
      if (!SAID_ON.test(body.slice(Math.max(sent.start, d.span.start - 20), d.span.start))) sentDates.push(d);
    }
    let speakers: ActorMention[] | null = null;
    const sentenceSpeakers = () => (speakers ??= speakersIn(body, sent, index));
    for (const clause of clauses(body, sent)) {
      const hits = triggersOf(within(allTriggers, triggerCursor, clause));
      const cues: Cue[] = within(allCues, cueCursor, clause).map((c) => ({ mode: c.kind, text: c.text, start: c.start, end: c.end }));
      const denial = cues.find((c) => c.mode === 'denied');
      const saying = hits.find((h) => SPEECH_TYPES.has(h.type));
      let events: { hit: Hit; absorbed: Hit[] }[];
      if (saying) {
        // A rejection takes in the meeting it rejects wherever it stands; other sayings what follows them.
        const absorbed = hits.filter((h) => h !== saying && !SPEECH_TYPES.has(h.type) && (h.start > saying.start || saying.type === 'reject'));
        events = hits.filter((h) => !absorbed.includes(h)).map((h) => ({ hit: h, absorbed: h === saying ? absorbed : [] }));
      } else events = hits.map((h) => ({ hit: h, absorbed: [] }));
      if (denial && !events.some((e) => !SPEECH_TYPES.has(e.hit.type) && e.hit.start > denial.start))
        events.unshift({ hit: { type: 'reject', start: denial.start, end: denial.end }, absorbed: [] });
      const kept = new Set<PloverType>();
      const date = sentDates.find((d) => d.span.start >= clause.start && d.span.end <= clause.end) ?? sentDates[0] ?? null;

      const place = events.length ? placeIn(body, clause, index) : null;
      const inClause = events.length ? actorsIn(body, clause, index) : [];
      for (const { hit, absorbed } of events) {
        if (kept.has(hit.type)) continue;
        kept.add(hit.type);
        const cue = SPEECH_TYPES.has(hit.type) || (denial && hit.start === denial.start) ? undefined : modeFor(hit, cues);
        const mode: EventMode = cue?.mode ?? 'occurred';
        const trigger = cue && /^(?:cancelled|postponed|failed|denied)$/.test(cue.mode) ? cue : hit;
        const about = [hit, ...absorbed];
        let match: EventMatch | null = null;
        if (about.some((h) => h.type === 'consult')) {
          const planned = hit.type === 'reject' || hit.type === 'request' || cues.some((c) => c.mode === 'planned' || c.mode === 'proposed');
          match = matchMeeting(body, clause, sent, { mode: hit.type === 'consult' ? mode : planned ? 'planned' : 'occurred', date }, published, roster);
        } else if (about.some((h) => h.type === 'assault' || h.type === 'coerce')) match = matchIncident(body, sent, date, published, roster);
        out.push({
          span: clause,
          type: hit.type,
          mode,
          trigger: { text: body.slice(trigger.start, trigger.end), span: { start: trigger.start, end: trigger.end } },
          actors: roles(body, clause, hit, inClause, place?.span ?? null, sentenceSpeakers),
          date,
          place,
          match,
        });
      }
    }
  }
  return out;
}

// "next"/"another"/"fresh" tell of a meeting to come, not of an attack or a release; a denial applies only after it.
const NEXT = /^(?:next|another|fresh|наступн|следующ|очередн|нов)/iu;

function modeFor(hit: Hit, cues: Cue[]): Cue | undefined {
  for (const [mode] of MODES) {
    const c = cues.find(
      (x) =>
        x.mode === mode &&
        (mode !== 'denied' || x.start < hit.start) &&
        !(x.start < hit.end && hit.start < x.end) &&
        !(mode === 'planned' && hit.type !== 'consult' && NEXT.test(x.text)),
    );
    if (c) return c;
  }
  return undefined;
}
