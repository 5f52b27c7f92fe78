import type { Roster } from '../read/roster.ts';
import type { Span } from '../read/text.ts';
import { UNNAMED_SIDES } from './lexicon.ts';

export interface ActorMention {
  mention: string;
  span: Span;
  partyId: string | null;
}

interface Form {
  words: string[];
  /** Each word's stems, as `formOf` tries them: computed once per roster, not once per token. */
  stems: string[][];
  partyId: string | null;
  /** States and their capitals are places too ("in Kyiv"); organisations and people are not. */
  kind: ActorKind;
}
export type ActorKind = 'state' | 'organisation' | 'entity' | 'person' | 'unnamed';

interface Tok {
  norm: string;
  start: number;
  end: number;
  upper: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

function toks(text: string, offset: number): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/['’]s$/u, '');
    out.push({ norm: raw.toLowerCase().replace(/’/g, "'"), start: offset + m.index, end: offset + m.index + raw.length, upper: /^\p{Lu}/u.test(raw) });
  }
  return out;
}

// Slavic names inflect at the end (Росія, Росії, Росією; Кучма, Кучми) and Ukrainian alternates a vowel of the
// last syllable (Київ, Києва): a form's stem is the name without its final vowels, and without the alternating one.
const stem = (w: string) => (w.length >= 4 ? w.replace(/[аяоеиіыуюйьєїaeiouy]{1,2}$/u, '') : w);
const alternate = (w: string) => w.replace(/[іїо](?=[^аяоеиіыуюйьєї]+$)/u, 'є');

/**
 * Whether a word is a form of a one-word name. A short stem ("рос" of "Росія") must be written with a capital, or be
 * the adjective ("російський", "Russian"), so that "росте" (grows) is not Russia.
 */
const stemsOf = (name: string) => [...new Set([stem(name), stem(alternate(name))])].filter((x) => x.length >= 3);

function formOf(t: Tok, name: string, stems: string[], single: boolean): boolean {
  if (t.norm === name) return true;
  for (const s of stems) {
    if (!t.norm.startsWith(s)) continue;
    const extra = t.norm.length - s.length;
    if (!single && extra <= 3) return true;
    if (single && t.upper && extra <= 3) return true;
    if (single && extra <= 8 && /^(?:ійськ|ськ|ийск|ск|ian|an|n)/u.test(t.norm.slice(s.length))) return true;
  }
  return false;
}

export interface ActorIndex {
  /** Forms by the first two letters of their first word, which no inflection or alternation changes. */
  byPrefix: Map<string, Form[]>;
}

/** The name forms of a roster, longest first so "Russian Federation" is one mention and not "Russian" + another. */
export function actorIndex(roster: Roster): ActorIndex {
  const forms: Form[] = [];
  const add = (text: string | undefined, partyId: string | null, kind: ActorKind) => {
    if (!text) return;
    const words = toks(text, 0).map((t) => t.norm);
    if (words.length) forms.push({ words, stems: words.map(stemsOf), partyId, kind });
  };
  for (const p of roster.parties ?? []) {
    const kind: ActorKind = /state|country/i.test(p.kind ?? '') ? 'state' : /organi[sz]ation/i.test(p.kind ?? '') ? 'organisation' : 'entity';
    for (const n of [p.names?.en, p.names?.uk, p.names?.ru]) add(n, p.id, kind);
    for (const a of p.aliases ?? []) add(a.text, p.id, kind);
  }
  for (const person of roster.people ?? []) {
    for (const n of [person.names?.en, person.names?.uk, person.names?.ru]) {
      add(n, person.partyId ?? null, 'person');
      // A report names a person by surname alone after the first mention.
      const words = n ? toks(n, 0) : [];
      if (words.length > 1) add(words[words.length - 1]!.norm, person.partyId ?? null, 'person');
    }
  }
  forms.sort((a, b) => b.words.length - a.words.length);
  const byPrefix = new Map<string, Form[]>();
  for (const f of forms) {
    const key = f.words[0]!.slice(0, 2);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), f]);
  }
  return { byPrefix };
}

// English role words after a name belong to the mention: "Ukraine's envoy", "Russia's foreign ministry".
const ROLE_TAIL =
  /^(?:['’]s)?(?:\s+(?:foreign[-\s]ministry|foreign|defen[cs]e|ministry|spokes(?:man|woman|person)|envoy|officials?|forces|troops|army|military|government|president|side|delegation|authorities|representatives?|negotiators?|security\s+service|сторон\p{L}*|влад\p{L}*|делегаці\p{L}*|делегаци\p{L}*)){1,3}(?!\p{L})/iu;

/** The actors named in a stretch of the body: roster parties by name or alias, people (for their party), "the rebels". */
export function actorsIn(body: string, span: Span, index: ActorIndex): (ActorMention & { kind: ActorKind })[] {
  const ts = toks(body.slice(span.start, span.end), span.start);
  const out: (ActorMention & { kind: ActorKind })[] = [];
  let i = 0;
  while (i < ts.length) {
    let hit: Form | null = null;
    for (const f of index.byPrefix.get(ts[i]!.norm.slice(0, 2)) ?? []) {
      const n = f.words.length;
      if (i + n > ts.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = formOf(ts[i + k]!, f.words[k]!, f.stems[k]!, n === 1);
      if (ok) {
        hit = f;
        break;
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    const first = ts[i]!;
    let end = ts[i + hit.words.length - 1]!.end;
    const tail = ROLE_TAIL.exec(body.slice(end, Math.min(span.end, end + 60)));
    if (tail) end += tail[0].length;
    out.push({ mention: body.slice(first.start, end), span: { start: first.start, end }, partyId: hit.partyId, kind: hit.kind });
    while (i < ts.length && ts[i]!.start < end) i++;
  }
  const text = body.slice(span.start, span.end);
  UNNAMED_SIDES.lastIndex = 0;
  for (const m of text.matchAll(UNNAMED_SIDES)) {
    if (m.index > 0 && /\p{L}/u.test(text[m.index - 1]!)) continue;
    const start = span.start + m.index;
    const end = start + m[0].length;
    if (!out.some((a) => a.span.start < end && start < a.span.end)) out.push({ mention: m[0], span: { start, end }, partyId: null, kind: 'unnamed' });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Whether a place word is a form of one of the names (for matching a record's meeting or incident place). */
export function namesPlace(body: string, span: Span, names: (string | undefined)[]): boolean {
  const ts = toks(body.slice(span.start, span.end), span.start);
  return names.some((n) => {
    if (!n) return false;
    const ws = toks(n, 0).map((t) => t.norm);
    if (!ws.length) return false;
    const stems = ws.map(stemsOf);
    for (let i = 0; i + ws.length <= ts.length; i++) if (ws.every((w, k) => formOf(ts[i + k]!, w, stems[k]!, ws.length === 1))) return true;
    return false;
  });
}
