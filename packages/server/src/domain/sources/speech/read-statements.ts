import type { Roster } from '../read/roster.ts';
import type { Span } from '../read/text.ts';
import { ADDRESSEES, AS, CONJUNCTIONS, CUE_RE, cueKind, PRONOUNS_PERSON, SETTING, THAT } from './lexicon.ts';
import { findQuotes, type Quote } from './quotes.ts';
import { sentences } from '../read/text.ts';
import { namedPeople, resolveSpeaker, tokens, type SpeakerContext } from './speaker.ts';
import { stanceOf } from './stance.ts';
import type { SpeakerResolution, StatementCandidate } from './types.ts';

interface Cue {
  text: string;
  span: Span;
}

/** A statement before its speaker is resolved: resolution leans on the statements before it. */
interface Draft {
  span: Span;
  content: Span;
  speech: 'direct' | 'reported' | 'mixed';
  cue: Cue | null;
  mention: Span | null;
  /** The statement whose speaker this one shares ("…, and insisted", a quote resumed after "he said"). */
  sameSpeakerAs?: Draft;
  /** A quote continued in the next paragraph takes the speaker named there. */
  forward?: boolean;
  resolved?: SpeakerResolution | null;
}

// A speaker is named in a few words; a longer stretch before a cue is a clause, not a name.
const MAX_MENTION_WORDS = 12;
const MAX_POST_SPEAKER_WORDS = 8;
const MAX_TAIL_WORDS = 6;
const THAT_WITHIN = 8;
// How far around a cue its speaker and opening words are looked for: enough for any name, and it keeps the cost
// per cue bounded however long a sentence without full stops runs.
const REACH = 300;
const PAST_REFUSAL = /^(?:refused|rejected|відмовил\p{L}*|відхилил\p{L}*|отказал\p{L}*|отвергл\p{L}*)$/iu;
const SELF = new Set(['we', 'i', 'it', 'ми', 'я', 'мы', 'воно', 'оно', 'our', 'наш', 'наша', 'наші', 'наши']);
// Prose has a few cues to a sentence; a "sentence" with dozens is a list or junk, and only its first cues are read.
const MAX_CUES_PER_SENTENCE = 12;

/** The span without the given characters at either end. */
function trim(body: string, start: number, end: number, junk = /[\s,.;:—–-]/): Span {
  while (start < end && junk.test(body[start]!)) start++;
  while (end > start && junk.test(body[end - 1]!)) end--;
  return { start, end };
}

/** The words of a mention, at most MAX_MENTION_WORDS from its end, without a leading conjunction. */
function mentionSpan(body: string, start: number, end: number, fromEnd = true): Span | null {
  let ts = tokens(body.slice(start, end), start);
  while (ts.length && CONJUNCTIONS.has(ts[0]!.norm)) ts = ts.slice(1);
  if (ts.length && SETTING.has(ts[0]!.norm)) {
    const comma = ts.findIndex((t, i) => i < 4 && body.slice(t.end, ts[i + 1]?.start ?? t.end).includes(','));
    if (comma >= 0) ts = ts.slice(comma + 1);
  }
  while (ts.length && ADDRESSEES.has(ts[ts.length - 1]!.norm)) ts = ts.slice(0, -1);
  if (!ts.length) return null;
  if (ts.length > MAX_MENTION_WORDS) ts = fromEnd ? ts.slice(-MAX_MENTION_WORDS) : ts.slice(0, MAX_MENTION_WORDS);
  return { start: ts[0]!.start, end: ts[ts.length - 1]!.end };
}

/** The speaker's words after a cue: up to the first punctuation, as in "said Alexander Lukashevich, who …". */
function mentionAfter(body: string, from: number, to: number): Span | null {
  let end = from;
  while (end < to && !/[,.;:!?«»“”„"()]/.test(body[end]!)) end++;
  return mentionSpan(body, from, end, false);
}

/** Where a clause before `at` starts within the sentence: after a semicolon, colon, dash or closing quote. */
function clauseStart(body: string, sentence: Span, at: number): number {
  const floor = Math.max(sentence.start, at - REACH);
  for (let i = at - 1; i > floor; i--) if (/[;:»”"—]/.test(body[i]!)) return i + 1;
  return floor;
}

function read(body: string, opts: { language: string; published: string; roster: Roster }): StatementCandidate[] {
  const sents = sentences(body);
  const quotes = findQuotes(body);
  const inQuote = (pos: number) => {
    let lo = 0;
    let hi = quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quotes[mid]!;
      if (pos < q.open) hi = mid - 1;
      else if (pos > q.close) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const cues: Cue[] = [];
  CUE_RE.lastIndex = 0;
  for (const m of body.matchAll(CUE_RE)) if (!inQuote(m.index)) cues.push({ text: m[0], span: { start: m.index, end: m.index + m[0].length } });

  const drafts: Draft[] = [];
  let qi = 0;
  let ci = 0;
  for (let si = 0; si < sents.length;) {
    // A unit is the sentences a quotation spans, so a quote over several sentences is read with its attribution.
    const unit: Span = { ...sents[si]! };
    let sj = si + 1;
    while (qi < quotes.length && quotes[qi]!.close < unit.start) qi++;
    for (let k = qi; k < quotes.length && quotes[k]!.open < unit.end; k++)
      while (quotes[k]!.close >= unit.end && sj < sents.length) unit.end = sents[sj++]!.end;
    const unitSents = sents.slice(si, sj);
    si = sj;
    const uq: Quote[] = [];
    for (let k = qi; k < quotes.length && quotes[k]!.open < unit.end; k++) if (quotes[k]!.open >= unit.start) uq.push(quotes[k]!);
    while (ci < cues.length && cues[ci]!.span.start < unit.start) ci++;
    const uc: Cue[] = [];
    for (let k = ci; k < cues.length && cues[k]!.span.start < unit.end; k++) uc.push(cues[k]!);
    const used = new Set<Cue>();
    const unitDrafts: Draft[] = [];

    uq.forEach((q, k) => {
      const prevB = k === 0 ? unit.start : uq[k - 1]!.close + 1;
      const nextB = k === uq.length - 1 ? unit.end : uq[k + 1]!.open;
      const before = body.slice(prevB, q.open);
      const content = trim(body, q.inner.start, q.inner.end, /[\s,]/);
      if (content.end <= content.start) return;
      const introCue = /[:,—–]\s*$/.test(before) ? uc.filter((c) => c.span.start >= Math.max(prevB, q.open - REACH) && c.span.end <= q.open).pop() : undefined;
      if (!/^[\s,.;:—–-]*$/.test(before) && !introCue) return; // a fragment inside a clause, read with the clause
      const afterCue = uc.find((c) => {
        if (c.span.start <= q.close || c.span.end > nextB || c.span.start - q.close > REACH) return false;
        const gap = body.slice(q.close + 1, c.span.start);
        return !/[.!?]/.test(gap) && tokens(gap).length <= MAX_POST_SPEAKER_WORDS;
      });
      const d: Draft = { span: unit, content, speech: 'direct', cue: null, mention: null };
      if (afterCue) {
        used.add(afterCue);
        d.cue = afterCue;
        d.mention = mentionSpan(body, q.close + 1, afterCue.span.start) ?? mentionAfter(body, afterCue.span.end, Math.min(nextB, afterCue.span.end + REACH));
      } else if (introCue) {
        used.add(introCue);
        d.cue = introCue;
        d.mention = mentionSpan(body, clauseStart(body, { start: prevB, end: q.open }, introCue.span.start), introCue.span.start);
      } else if (q.continued) {
        d.forward = true;
      } else {
        // Wire copy resumes a quote after the attribution ("…,” he said. “…”): the same speaker, if one spoke just before.
        const last = unitDrafts[unitDrafts.length - 1] ?? drafts[drafts.length - 1];
        if (!last || !last.mention || last.speech !== 'direct' || body.slice(last.span.end, unit.start).includes('\n\n')) return;
        if (last.span.end < unit.start && tokens(body.slice(last.span.end, unit.start)).length > 0) return;
        d.mention = last.mention;
        d.sameSpeakerAs = last;
      }
      unitDrafts.push(d);
    });

    for (const sentence of unitSents) {
      const sc = uc.filter((c) => !used.has(c) && c.span.start >= sentence.start && c.span.end <= sentence.end).slice(0, MAX_CUES_PER_SENTENCE);
      let prev: Draft | null = null;
      for (let k = 0; k < sc.length; k++) {
        const c = sc[k]!;
        if (prev && c.span.start < prev.content.end) continue;
        const start = Math.max(clauseStart(body, sentence, c.span.start), prev ? prev.content.end : sentence.start);
        const lead = body.slice(start, c.span.start);
        const lastComma = Math.max(lead.lastIndexOf(','), lead.lastIndexOf('—'));
        const piece = lastComma >= 0 ? lead.slice(lastComma + 1) : lead;
        const tail = body.slice(c.span.end, Math.min(sentence.end, c.span.end + REACH));
        const tailWords = tokens(tail, c.span.end, THAT_WITHIN + 1);
        const thatAt = tailWords.slice(0, THAT_WITHIN).findIndex((t) => THAT.has(t.norm));
        const thatOk = thatAt >= 0 && !/[.;:«“„"]/.test(body.slice(c.span.end, tailWords[thatAt]!.start));
        const leadWords = tokens(lead, start, 2);
        let mention: Span | null;
        let content: Span;
        if (cueKind(c.text) === 'source' || (leadWords.length === 1 && AS.has(leadWords[0]!.norm))) {
          const comma = tail.indexOf(',');
          // "по его словам", "за її словами": the pronoun inside the cue is the speaker.
          const own = tokens(c.text, c.span.start).find((t) => PRONOUNS_PERSON.has(t.norm));
          if (leadWords.filter((t) => !AS.has(t.norm)).length === 0 && comma >= 0) {
            mention = own ? { start: own.start, end: own.end } : mentionAfter(body, c.span.end, c.span.end + comma);
            content = trim(body, c.span.end + comma + 1, sentence.end);
          } else {
            mention = mentionAfter(body, c.span.end, c.span.end + tail.length);
            content = trim(body, start, lastComma >= 0 ? start + lastComma : c.span.start);
            if (prev) continue;
          }
        } else if (
          lastComma >= 0 &&
          tokens(piece, 0, MAX_POST_SPEAKER_WORDS + 1).length <= MAX_POST_SPEAKER_WORDS &&
          tailWords.length <= MAX_TAIL_WORDS &&
          thatAt < 0 &&
          tokens(lead.slice(0, lastComma), 0, 2).length >= 2
        ) {
          // "…, X said." / "…, заявил X.": the clause came first; after a statement it is the report's source ("…, the agency reported").
          if (prev) continue;
          mention = mentionSpan(body, start + lastComma + 1, c.span.start) ?? mentionAfter(body, c.span.end, c.span.end + tail.length);
          content = trim(body, start, start + lastComma);
        } else {
          mention = mentionSpan(body, start, c.span.start);
          let from = c.span.end;
          if (thatOk) from = tailWords[thatAt]!.end;
          let to = sentence.end;
          for (const next of sc.slice(k + 1, k + 4)) {
            if (next.span.start - from > 4 * REACH) break;
            const between = body.slice(from, next.span.start);
            const comma = between.lastIndexOf(',');
            const joined = /(?:^|[\s,])(?:and|but|while|і|та|а|и|но)\s+$/iu.exec(between);
            if (comma >= 0 && tokens(between.slice(comma + 1)).length <= 4) to = from + comma;
            else if (joined) to = from + joined.index;
            else continue;
            break;
          }
          content = trim(body, from, to);
        }
        if (content.end <= content.start) continue;
        const d: Draft = { span: sentence, content, speech: 'reported', cue: c, mention };
        if (!mention && prev) {
          d.mention = prev.mention;
          d.sameSpeakerAs = prev;
        }
        if (uq.some((q) => q.open >= content.start && q.close < content.end)) d.speech = 'mixed';
        unitDrafts.push(d);
        prev = d;
      }
    }
    drafts.push(...unitDrafts.sort((a, b) => a.content.start - b.content.start));
  }

  const ctx: SpeakerContext = { roster: opts.roster, published: opts.published, lastPerson: null, lastSpeaker: null, named: namedPeople(body, opts.roster) };
  const resolve = (d: Draft): SpeakerResolution | null => {
    if (d.resolved !== undefined) return d.resolved;
    d.resolved = null;
    if (d.sameSpeakerAs) d.resolved = resolve(d.sameSpeakerAs);
    else if (d.mention) d.resolved = resolveSpeaker(body.slice(d.mention.start, d.mention.end), ctx, d.mention.start);
    if (d.resolved) {
      ctx.lastSpeaker = d.resolved;
      if (d.resolved.kind === 'person') ctx.lastPerson = d.resolved;
    }
    return d.resolved;
  };
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (d.forward && next && next.speech === 'direct' && next.mention) {
      d.sameSpeakerAs = next;
      d.mention = next.mention;
      d.cue = next.cue;
    }
  });
  return drafts.map((d): StatementCandidate => {
    const mentionText = d.mention ? body.slice(d.mention.start, d.mention.end) : '';
    const resolved = resolve(d);
    const bySide = !!resolved && (resolved.kind === 'party' || !!opts.roster.people.find((p) => p.id === resolved.id)?.partyId);
    const regions =
      d.cue && d.cue.span.end <= d.content.start ? [{ start: d.cue.span.start, end: d.content.end }] : d.cue ? [d.content, d.cue.span] : [d.content];
    const read = stanceOf(body, regions, d.cue ?? d.sameSpeakerAs?.cue ?? null, bySide);
    const { trigger } = read;
    let { stance } = read;
    // "Kyiv said the rebels had refused to …": a refusal told of someone other than the speaker is an accusation.
    if (stance === 'rejection' && trigger && trigger.span.start > d.content.start && trigger.span.end <= d.content.end && PAST_REFUSAL.test(trigger.text)) {
      const subject = tokens(body.slice(d.content.start, trigger.span.start), 0, 1)[0]?.norm;
      if (subject && !SELF.has(subject)) stance = 'accusation';
    }
    return {
      span: d.span,
      content: d.content,
      speech: d.speech,
      cue: d.cue,
      speaker: d.mention ? { mention: mentionText, span: d.mention, resolved } : null,
      stance,
      trigger,
    };
  });
}

/**
 * The statements of a news report: quotations and reported speech, each with its cue, speaker (resolved against the
 * roster when it can be), stance and the spans it was read from. A candidate for a reviewer, never a record.
 */
export function readStatements(body: string, opts: { language: string; published: string; roster: Roster }): StatementCandidate[] {
  if (typeof body !== 'string' || !body) return [];
  try {
    return read(body, opts);
  } catch {
    // A reader that fails on one odd report must not stop the ingestion of the rest; it proposes nothing instead.
    return [];
  }
}
