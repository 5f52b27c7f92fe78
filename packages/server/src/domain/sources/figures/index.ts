import { sentences, type Span } from '../read/text.ts';
import { readDates, sentenceAt, type DateRange } from './dates.ts';
import {
  AS_OF_BEFORE,
  ATTRIBUTION_AFTER_CUE,
  COUNTED_UNITS,
  DEFAULT_MEASURE,
  IMPLIED_MEASURE,
  MEASURES,
  NOT_A_COUNT_AFTER,
  NOT_A_COUNT_BEFORE,
  QUALIFIER_AFTER,
  QUALIFIER_BEFORE,
  RANGE_JOIN_BARE,
  RANGE_JOIN_OPEN,
  RANGE_OPEN,
  SAY_VERB,
  SINCE_WORD,
  UNITS,
  type Qualifier,
} from './lexicon.ts';
import { scanNumbers, type NumberToken } from './numbers.ts';

export { readDates, type DateRange } from './dates.ts';
export type { Qualifier } from './lexicon.ts';

export interface FigureCandidate {
  /** the quantity phrase, e.g. "more than 4,300 killed" */
  span: Span;
  qualifier: Qualifier;
  /**
   * For a range ("between 200 and 300") the low bound, with low/high set and qualifier 'at_least' unless a word
   * before says otherwise: a documented minimum is what the record keeps, and a midpoint is a number no one gave.
   */
  value: number;
  low?: number;
  high?: number;
  unit: string;
  measure: string;
  attributedTo: { mention: string; span: Span } | null;
  period: DateRange | null;
  asOf: string;
}

interface Sent extends Span {
  dates: DateRange[];
  sources: { mention: string; span: Span }[] | null;
}

/** All measures in one pattern, each in its group: one pass over a window instead of one per measure. */
const MEASURE_ANY = new RegExp(MEASURES.map(([, re], k) => `(?<m${k}>${re.source})`).join('|'), 'giu');
const SAID_BEFORE = new RegExp(`(?:${SAY_VERB.source})\\s+(?:on\\s+|в\\s+|у\\s+)?$`, 'iu');
const CASUALTY = new Set(['killed', 'injured', 'missing', 'displaced', 'refugees', 'detained', 'released', 'exchanged']);

/** The first unit within two words of a number ("12 Ukrainian soldiers"); glued only for "15km". */
function unitAfter(body: string, at: number, limit: number): { unit: string; start: number; end: number } | null {
  let pos = at;
  for (let k = 0; k < 3 && pos < limit; k++) {
    const rest = body.slice(pos, Math.min(limit, pos + 60));
    const ws = /^\s*/.exec(rest)![0].length;
    for (const [unit, re] of UNITS) {
      const m = re.exec(rest.slice(ws));
      if (m && (ws > 0 || k > 0 || unit === 'km' || unit === 'km2')) return { unit, start: pos + ws, end: pos + ws + m[0].length };
    }
    const word = /^\s+[\p{L}'’-]+/u.exec(rest);
    if (!word || /^\s+(?:and|or|of|і|и|та|з|из|із)$/iu.test(word[0])) return null;
    pos += word[0].length;
  }
  return null;
}

/** The nearest measure word: forward to the next number or the clause's end, else backward to a comma; first listed wins a tie. */
function measureNear(body: string, from: number, to: number, backFrom: number, backTo: number) {
  const hit = (m: RegExpMatchArray, base: number) => {
    const i = MEASURES.findIndex((_, k) => m.groups![`m${k}`] !== undefined);
    return { measure: MEASURES[i]![0], start: base + m.index!, end: base + m.index! + m[0].length };
  };
  MEASURE_ANY.lastIndex = 0;
  const ahead = MEASURE_ANY.exec(body.slice(from, to));
  if (ahead) return hit(ahead, from);
  let last: RegExpMatchArray | undefined;
  MEASURE_ANY.lastIndex = 0;
  for (const m of body.slice(backFrom, backTo).matchAll(MEASURE_ANY)) last = m;
  return last ? hit(last, backFrom) : null;
}

/** Who gives the figures of a sentence: "according to the UN", "the UN said", "за даними ООН", "по данным ООН". */
function sourcesOf(body: string, s: Span): { mention: string; span: Span }[] {
  const text = body.slice(s.start, s.end);
  const out: { mention: string; span: Span }[] = [];
  for (const re of ATTRIBUTION_AFTER_CUE)
    for (const m of text.matchAll(re)) {
      const who = m.groups!.who!;
      const at = s.start + m.index + m[0].lastIndexOf(who);
      // "повідомили в штабі", "said in a statement": the preposition is no part of who.
      const trimmed = who.trim().replace(/^(?:в|у|in)\s+/iu, '');
      if (!/\d/.test(trimmed)) out.push({ mention: trimmed, span: { start: at, end: at + trimmed.length } });
    }
  for (const m of text.matchAll(SAY_VERB)) {
    const head = text.slice(0, m.index);
    const cut = Math.max(head.search(/[^,;:«»"“”(—]*$/u), 0);
    const subject = head.slice(cut);
    const lead = subject.length - subject.trimStart().length;
    const who = subject.trim();
    if (who.length < 2 || who.length > 80 || /\d/.test(who) || who.split(/\s+/).length > 8) continue;
    const at = s.start + cut + lead;
    out.push({ mention: who, span: { start: at, end: at + who.length } });
  }
  return out;
}

const nearest = <T extends { span: Span }>(list: T[], span: Span) =>
  list.reduce<T | null>((best, x) => {
    const d = (y: T) => (y.span.end <= span.start ? span.start - y.span.end : y.span.start >= span.end ? y.span.start - span.end : 0);
    return !best || d(x) < d(best) ? x : best;
  }, null);

/**
 * The period a figure counts over, and the day it stands on. "as of"/"станом на"/"по состоянию на" a date sets the
 * day; else it is publication. The period: a "since X" date runs from X's start to that day, keeping X's precision
 * ("since mid-April" → 04-11 to the day, 'month'); "since <an event> on <date>" runs from the date; else a date
 * right after the figure ("killed on Wednesday") or opening the sentence, unless it is the day of a saying ("said on
 * Monday"); else none.
 */
function timing(body: string, sent: Sent, span: Span, published: string): { period: DateRange | null; asOf: string } {
  let asOf = published;
  const periods: DateRange[] = [];
  for (const d of sent.dates) {
    if (AS_OF_BEFORE.test(body.slice(Math.max(0, d.span.start - 25), d.span.start))) asOf = d.to;
    else periods.push(d);
  }
  const since = periods.find((d) => /^(?:since|ever|з|із|зі|від|с|со|начиная)(?!\p{L})/iu.test(d.text));
  if (since) return { period: { ...since, to: asOf > since.from ? asOf : since.to }, asOf };
  const after = body.slice(span.end, sent.end);
  const word = SINCE_WORD.exec(after);
  if (word) {
    const at = span.end + word.index;
    const d = periods.find((x) => x.span.start > at && x.span.start - at < 80);
    if (d) return { period: { from: d.from, to: asOf, precision: d.precision, text: body.slice(at, d.span.end), span: { start: at, end: d.span.end } }, asOf };
  }
  const plain = periods.find((d) => {
    const saidBefore = SAID_BEFORE.test(body.slice(Math.max(sent.start, d.span.start - 15), d.span.start));
    const close = d.span.start >= span.end ? d.span.start - span.end < 60 : d.span.start - sent.start < 15;
    return close && !saidBefore;
  });
  return { period: plain ?? null, asOf };
}

/** A run of digits and spaces, dashes, brackets and a plus around a number that reads as a telephone number. */
function phoneLike(body: string, n: NumberToken): boolean {
  const left = /[\d\s()+\-–]*$/.exec(body.slice(Math.max(0, n.start - 20), n.start))![0];
  const right = /^[\d\s()\-–]*/.exec(body.slice(n.end, n.end + 20))![0];
  const run = (left + body.slice(n.start, n.end) + right).trim();
  const groups = run.match(/\d+/g) ?? [];
  return /\+\s*\d/.test(run) || (groups.length >= 3 && groups.join('').length >= 7 && /[()\-–]/.test(run));
}

/**
 * Casualty counts, exchanges and other quantities a report gives, with their qualifier, unit, measure, who gives
 * them and over what period. A number without a unit or a measure word near it is not read: a bare "4,300" could be
 * anything. Years, dates, times, ages, durations, percentages, calibres, ids and phone numbers are left out.
 */
export function readFigures(body: string, opts: { language: string; published: string }): FigureCandidate[] {
  if (typeof body !== 'string' || !body) return [];
  const language = opts.language ?? 'en';
  const published = typeof opts.published === 'string' ? opts.published.slice(0, 10) : '';
  const dates = readDates(body, { language, published });
  const sents: Sent[] = sentences(body).map((s) => ({ ...s, dates: [], sources: null }));
  for (const d of dates) (sentenceAt(sents, d.span.start) as Sent | null)?.dates.push(d);
  const whole: Sent = { start: 0, end: body.length, dates, sources: null };
  const sentOf = (at: number) => (sentenceAt(sents, at) as Sent | null) ?? whole;
  const inDate = (n: NumberToken) => sentOf(n.start).dates.some((d) => d.span.start < n.end && n.start < d.span.end);
  const nums = scanNumbers(body, language);
  const out: FigureCandidate[] = [];
  let skip = -1;
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i]!;
    if (n.start < skip || inDate(n)) continue;
    const sent = sentOf(n.start);
    const before = body.slice(Math.max(sent.start, n.start - 60), n.start);
    if (NOT_A_COUNT_BEFORE.test(before) || NOT_A_COUNT_AFTER.test(body.slice(n.end, n.end + 40)) || phoneLike(body, n)) continue;
    let qualifier: Qualifier = 'exactly';
    let start = n.start;
    let end = n.end;
    let value = n.value;
    let low: number | undefined;
    let high: number | undefined;
    const next = nums[i + 1];
    const open = RANGE_OPEN.exec(before);
    if (next && !n.yearLike && !next.yearLike && !inDate(next)) {
      const gap = body.slice(n.end, next.start);
      const join = open ? RANGE_JOIN_OPEN : RANGE_JOIN_BARE;
      const j = join.exec(gap);
      if (j && j[0].length === gap.length && gap.length <= 6) {
        const factor = n.scale === 1 && next.scale > 1 && n.value < next.value / next.scale + 1 ? next.scale : 1;
        [low, high] = [n.value * factor, next.value];
        if (high > low) {
          value = low;
          qualifier = 'at_least';
          end = next.end;
          skip = next.end;
          if (open) start = n.start - before.length + open.index + open[0].indexOf(open.groups!.w!);
        } else [low, high] = [undefined, undefined];
      }
    }
    if (start === n.start)
      for (const [q, re] of QUALIFIER_BEFORE) {
        const m = re.exec(before);
        if (!m) continue;
        qualifier = q;
        start = n.start - before.length + m.index;
        break;
      }
    for (const [q, re] of QUALIFIER_AFTER) {
      const m = re.exec(body.slice(end, end + 16));
      if (!m) continue;
      qualifier = q;
      end += m[0].length;
      break;
    }
    const unitHit = unitAfter(body, end, sent.end);
    if ((n.yearLike || n.words) && !unitHit) continue;
    const after = unitHit ? unitHit.end : end;
    let k = i + 1;
    while (k < nums.length && nums[k]!.start < after) k++;
    const stop = Math.min(sent.end, after + 70, nums[k]?.start ?? sent.end);
    const aheadEnd = Math.min(stop, after + (/[.;!?]/.exec(body.slice(after, stop))?.index ?? stop - after));
    const backFrom = Math.max(sent.start, start - 50, nums[i - 1]?.end ?? 0);
    const back = body.slice(backFrom, start);
    const cut = back.search(/[,;:][^,;:]*$/);
    const m = measureNear(body, after, aheadEnd, cut >= 0 ? backFrom + cut + 1 : backFrom, start);
    const unitWord = unitHit ? body.slice(unitHit.start, unitHit.end) : '';
    let measure = m?.measure ?? IMPLIED_MEASURE.find(([, re]) => re.test(unitWord))?.[0];
    let unit = unitHit?.unit;
    if (!measure && unit) measure = DEFAULT_MEASURE[unit] ?? (COUNTED_UNITS.has(unit) ? 'count' : undefined);
    if (!measure) continue;
    if (!unit) {
      if (!CASUALTY.has(measure)) continue;
      unit = 'people';
    }
    if (m && m.start >= after) end = m.end;
    else if (unitHit) end = unitHit.end;
    if (m && m.end <= start) start = m.start;
    const span = { start, end };
    sent.sources ??= sourcesOf(body, sent);
    const source = nearest(
      sent.sources.filter((x) => x.span.end <= span.start || x.span.start >= span.end),
      span,
    );
    const { period, asOf } = timing(body, sent, span, published);
    out.push({
      span,
      qualifier,
      value,
      ...(low !== undefined ? { low, high } : {}),
      unit,
      measure,
      attributedTo: source,
      period,
      asOf,
    });
  }
  return out;
}
