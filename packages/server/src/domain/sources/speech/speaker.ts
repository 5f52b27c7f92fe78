import type { Roster, RosterMandate } from '../read/roster.ts';
import { PRONOUNS_PERSON, PRONOUNS_PLURAL, ROLE_WORDS } from './lexicon.ts';
import type { SpeakerResolution } from './types.ts';

/** A word of a text with its place; `possessive` when it ended in 's, which is dropped from `norm`. */
export interface Token {
  norm: string;
  start: number;
  end: number;
  possessive: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

export function tokens(text: string, offset = 0, limit = Infinity): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    if (out.length >= limit) break;
    let norm = m[0].toLowerCase().replace(/’/g, "'");
    const possessive = /'s?$/.test(norm);
    if (possessive) norm = norm.replace(/'s?$/, '');
    out.push({ norm, start: offset + m.index, end: offset + m.index + m[0].length, possessive });
  }
  return out;
}

// Ukrainian and Russian names inflect at the end (Кучма, Кучми, Кучмою; Пушилін, Пушиліна): the name without its
// final vowels is a stem a word may extend by a short ending. English gains only "-n"/"-ian" ("Russia", "Russian").
const stems = new Map<string, string>();
const stem = (w: string) => {
  let s = stems.get(w);
  if (s === undefined) {
    s = w.length >= 4 ? w.replace(/[аяоеиіыуюйьєїaeiouy]{1,2}$/u, '') : w;
    if (stems.size < 10_000) stems.set(w, s);
  }
  return s;
};
const inflects = (word: string, name: string, extra: number, minStem = 4) => {
  if (word === name) return true;
  const s = stem(name);
  return s.length >= minStem && word.startsWith(s) && word.length - s.length <= extra;
};

interface NameForm {
  words: string[];
}
// Names are tokenised once per name object: a long report resolves thousands of mentions against the same roster.
const formCache = new WeakMap<object, NameForm[]>();
const forms = (names: { en: string; uk?: string; ru?: string }): NameForm[] => {
  let f = formCache.get(names);
  if (!f) {
    f = [names.en, names.uk, names.ru].filter((n): n is string => !!n).map((n) => ({ words: tokens(n).map((t) => t.norm) }));
    formCache.set(names, f);
  }
  return f;
};

/** Where the name form occurs in the tokens, each word allowed its inflection; -1 when absent. */
function findForm(ts: Token[], f: NameForm, extra: number, minStem = 4): number {
  const n = f.words.length;
  if (!n) return -1;
  for (let i = 0; i + n <= ts.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = inflects(ts[i + k]!.norm, f.words[k]!, extra, minStem);
    if (ok) return i;
  }
  return -1;
}

const inForce = (m: RosterMandate, on: string) => on.slice(0, m.from.length) >= m.from && (!m.to || on.slice(0, m.to.length) <= m.to);

/** What the reader has learnt of the text so far, for mentions that lean on earlier ones. */
export interface SpeakerContext {
  roster: Roster;
  published: string;
  /** The person last resolved as a speaker, for "he said". */
  lastPerson: SpeakerResolution | null;
  lastSpeaker: SpeakerResolution | null;
  /** People named in the body, by offset, for "the Russian spokesman" named earlier. */
  named: { personId: string; at: number }[];
}

export function personMatch(ts: Token[], roster: Roster): { personId: string; at: number; full: boolean; surname: string } | null {
  let best: { personId: string; at: number; full: boolean; surname: string } | null = null;
  for (const p of roster.people) {
    for (const f of forms(p.names)) {
      const full = findForm(ts, f, 3);
      const surname = f.words[f.words.length - 1] ?? '';
      const at = full >= 0 ? full + f.words.length - 1 : findForm(ts, { words: [surname] }, 3);
      if (at < 0) continue;
      if (!best || (full >= 0 && !best.full) || (full >= 0 === best.full && at > best.at)) best = { personId: p.id, at, full: full >= 0, surname };
    }
  }
  return best;
}

const partyCache = new WeakMap<object, { text: string; alias: boolean; form: NameForm }[]>();
function partyVariants(party: Roster['parties'][number]) {
  let v = partyCache.get(party);
  if (!v) {
    const names = [party.names.en, party.names.uk, party.names.ru].filter((n): n is string => !!n).map((text) => ({ text, alias: false }));
    v = [...names, ...party.aliases.map((a) => ({ text: a.text, alias: true }))].map((x) => ({ ...x, form: { words: tokens(x.text).map((t) => t.norm) } }));
    partyCache.set(party, v);
  }
  return v;
}

function partyMatch(ts: Token[], roster: Roster): { partyId: string; text: string; alias: boolean; at: number } | null {
  let best: { partyId: string; text: string; alias: boolean; at: number } | null = null;
  for (const party of roster.parties) {
    for (const { text, alias, form } of partyVariants(party)) {
      // A one-word name takes its adjective ("Ukraine" → "Ukrainian", "Росія" → "російський"); longer names inflect less.
      const at = form.words.length === 1 ? findForm(ts, form, 7, 3) : findForm(ts, form, 3);
      if (at >= 0 && (!best || at < best.at)) best = { partyId: party.id, text, alias, at };
    }
  }
  return best;
}

const partyName = (roster: Roster, id: string) => roster.parties.find((p) => p.id === id)?.names.en ?? id;

/**
 * Who a mention names, most specific first: a person by name; someone else of a named person's side ("Zakharchenko's
 * deputy"); a role of a side, by the person named earlier with it or else its holder on the day; a pronoun, by the
 * last person speaker; a side by its name or alias. Unknown speakers resolve to null.
 */
export function resolveSpeaker(mention: string, ctx: SpeakerContext, mentionAt: number): SpeakerResolution | null {
  const { roster } = ctx;
  const ts = tokens(mention);
  if (!ts.length) return null;
  const person = personMatch(ts, roster);
  if (person) {
    const t = ts[person.at]!;
    const followed = ts[person.at + 1];
    const partyId = roster.people.find((p) => p.id === person.personId)?.partyId;
    const name = roster.people.find((p) => p.id === person.personId)?.names.en ?? person.personId;
    if (t.possessive && followed && partyId) return { kind: 'party', id: partyId, confidence: 0.6, how: `side of ${name}, whose words these are not` };
    return person.full
      ? { kind: 'person', id: person.personId, confidence: 0.95, how: 'named' }
      : { kind: 'person', id: person.personId, confidence: 0.85, how: `surname "${person.surname}"` };
  }
  const first = ts[0]!.norm;
  if (ts.length <= 2 && PRONOUNS_PERSON.has(first))
    return ctx.lastPerson ? { ...ctx.lastPerson, confidence: Math.min(0.6, ctx.lastPerson.confidence), how: 'earlier mention' } : null;
  if (ts.length <= 2 && PRONOUNS_PLURAL.has(first))
    return ctx.lastSpeaker ? { ...ctx.lastSpeaker, confidence: Math.min(0.5, ctx.lastSpeaker.confidence), how: 'earlier mention' } : null;
  const party = partyMatch(ts, roster);
  const role = ROLE_WORDS.find(([re]) => {
    re.lastIndex = 0;
    return re.test(mention);
  })?.[1];
  if (role) {
    const holders = roster.mandates.filter((m) => m.role === role && (!party || m.partyId === party.partyId));
    const earlier = ctx.named.filter((n) => n.at < mentionAt && holders.some((m) => m.personId === n.personId)).pop();
    if (earlier) return { kind: 'person', id: earlier.personId, confidence: 0.8, how: `role "${role}", named earlier` };
    const now = party ? holders.filter((m) => inForce(m, ctx.published)) : [];
    if (now.length === 1 || (now.length > 1 && now.every((m) => m.personId === now[0]!.personId)))
      return { kind: 'person', id: now[0]!.personId, confidence: 0.75, how: `role "${role}" of ${partyName(roster, party!.partyId)} on ${ctx.published}` };
  }
  if (party)
    return { kind: 'party', id: party.partyId, confidence: party.alias ? 0.8 : 0.85, how: party.alias ? `alias "${party.text}"` : `named "${party.text}"` };
  return null;
}

/** Every roster person named in the body, with the offset of the name. */
export function namedPeople(body: string, roster: Roster): { personId: string; at: number }[] {
  const out: { personId: string; at: number }[] = [];
  const surnames = roster.people.flatMap((p) => forms(p.names).map((f) => ({ personId: p.id, word: f.words[f.words.length - 1] ?? '' })));
  for (const t of tokens(body)) {
    const hit = surnames.find((s) => s.word && inflects(t.norm, s.word, 3));
    if (hit) out.push({ personId: hit.personId, at: t.start });
  }
  return out;
}
