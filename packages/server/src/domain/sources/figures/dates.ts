import { sentences, type Span } from '../read/text.ts';
import {
  B,
  E,
  MONTH,
  WEEKDAY,
  dayFrom,
  dayOf,
  isoOf,
  monthLength,
  monthNumber,
  monthOf,
  seasonDays,
  seasonStart,
  weekdayNumber,
  weekdayOf,
  yearOf,
} from './calendar.ts';

export interface DateRange {
  /** ISO dates YYYY-MM-DD, inclusive */
  from: string;
  to: string;
  precision: 'day' | 'week' | 'month' | 'season' | 'year';
  /** the words */
  text: string;
  span: Span;
}

type Precision = DateRange['precision'];
interface Resolved {
  from: number;
  to: number;
  precision: Precision;
}
interface Ctx {
  pub: number;
  /** Whether the words around the date speak of the future: "will meet on Friday". Computed only when asked. */
  future: () => boolean;
  /** The few characters before the words. */
  before: string;
}
type G = Record<string, string | undefined>;

const YEAR_TAIL = `(?:,?\\s+(?<y>(?:19|20)\\d{2})${E}(?:\\s*(?:року|р\\.|года|г\\.))?)?`;
const ORD = '(?:st|nd|rd|th)?';
const DASH = '\\s*[-–—]\\s*';

/** The year of a month (and day) given without one: the latest on or before publication, or the next for the future. */
function inYear(g: G, month: number, d1: number, d2: number, ctx: Ctx): Resolved | null {
  const precision: Precision = d1 ? 'day' : 'month';
  const make = (y: number) => {
    const from = dayFrom(y, month, d1 || 1);
    const to = dayFrom(y, month, d2 || d1 || monthLength(y, month));
    return from !== null && to !== null && to >= from ? { from, to, precision } : null;
  };
  if (g.y) return make(+g.y);
  const y = yearOf(ctx.pub);
  const here = make(y);
  if (!here) return month === 2 && d1 === 29 ? (make(y - 1) ?? make(y - 2) ?? make(y - 3)) : null;
  if (ctx.future()) return here.to < ctx.pub ? make(y + 1) : here;
  if (here.from <= ctx.pub) return here;
  // A day in the coming weeks ("a ceasefire from February 15", published on the 12th) is meant more often than
  // the same day almost a year ago, even without a future verb.
  return precision === 'day' && here.from - ctx.pub <= 30 ? here : make(y - 1);
}

const mon = (g: G) => monthNumber(g.mon ?? '');

function partOfMonth(g: G, ctx: Ctx): Resolved | null {
  const m = mon(g);
  if (!m) return null;
  const whole = inYear(g, m, 0, 0, ctx);
  if (!whole) return null;
  const p = (g.part ?? '').toLowerCase();
  const last = whole.to - whole.from + 1;
  // Thirds of the month: early 1–10, mid 11–20, late 21–end; a reader of "mid-April" cannot be more precise.
  const [a, b] = /^(?:early|the\s+(?:beginning|start)|на\s+початку|початку|в\s+начал|начал)/u.test(p)
    ? [1, 10]
    : /^(?:mid|the\s+middle|середин|в\s+середин)/u.test(p)
      ? [11, 20]
      : [21, last];
  return { from: whole.from + a - 1, to: whole.from + b - 1, precision: 'month' };
}

function weekday(g: G, ctx: Ctx): Resolved | null {
  const wd = weekdayNumber(g.wd ?? '');
  if (wd < 0) return null;
  const rel = (g.rel ?? '').toLowerCase();
  const back = (weekdayOf(ctx.pub) - wd + 7) % 7;
  let day: number;
  if (/^(?:last|past|минул|прошл)/u.test(rel)) day = ctx.pub - (back || 7);
  else if (/^(?:next|coming|наступн|следующ|ближайш)/u.test(rel)) day = ctx.pub + ((7 - back) % 7 || 7);
  else if (/^(?:this|цієї|цього|эт)/u.test(rel)) day = ctx.pub - weekdayOf(ctx.pub) + wd;
  else day = ctx.future() ? ctx.pub + ((7 - back) % 7) : ctx.pub - back;
  return { from: day, to: day, precision: 'day' };
}

function dayWord(g: G, ctx: Ctx): Resolved {
  const w = (g.w ?? '').toLowerCase();
  const offset = /before|позавч/u.test(w) ? -2 : /^(?:yesterday|вчора|учора|вчера)$/u.test(w) ? -1 : /^(?:tomorrow|завтра)$/u.test(w) ? 1 : 0;
  return { from: ctx.pub + offset, to: ctx.pub + offset, precision: 'day' };
}

function relative(g: G, ctx: Ctx): Resolved | null {
  const rel = (g.rel ?? '').toLowerCase();
  const unit = (g.unit ?? '').toLowerCase();
  const step = /^(?:last|минул|прошл)/u.test(rel) ? -1 : /^(?:next|coming|наступн|следующ)/u.test(rel) ? 1 : 0;
  const pub = ctx.pub;
  if (/^(?:past|the\s+past)/u.test(rel)) {
    const len = /week|тиж|недел/u.test(unit) ? 7 : /month|місяц|месяц/u.test(unit) ? 30 : 365;
    return { from: pub - len + 1, to: pub, precision: len === 7 ? 'week' : len === 30 ? 'month' : 'year' };
  }
  if (/week|тиж|недел/u.test(unit)) {
    const monday = pub - weekdayOf(pub) + 7 * step;
    return { from: monday, to: monday + 6, precision: 'week' };
  }
  const y = yearOf(pub);
  if (/month|місяц|месяц/u.test(unit)) {
    const k = y * 12 + monthOf(pub) - 1 + step;
    const [yy, mm] = [Math.floor(k / 12), (k % 12) + 1];
    return { from: dayFrom(yy, mm, 1)!, to: dayFrom(yy, mm, monthLength(yy, mm))!, precision: 'month' };
  }
  return { from: dayFrom(y + step, 1, 1)!, to: dayFrom(y + step, 12, 31)!, precision: 'year' };
}

const SEASON_ADVERB = /^(?:навесні|влітку|восени|взимку|весной|летом|осенью|зимой)$/iu;

function season(g: G, ctx: Ctx): Resolved | null {
  const start = seasonStart(g.s ?? '');
  const rel = (g.rel ?? '').toLowerCase();
  // Without a word before it, "summer" is an adjective ("a summer offensive") and "fall" a verb.
  if (!start || (!rel && !SEASON_ADVERB.test(g.s ?? '')) || (/^fall$/i.test(g.s ?? '') && /^(?:early|late)$/.test(rel))) return null;
  const y = yearOf(ctx.pub);
  const all = [y - 2, y - 1, y, y + 1].map((yy) => seasonDays(yy, start));
  const pub = ctx.pub;
  let pick: [number, number] | undefined;
  if (/^(?:last|минул|прошл)/u.test(rel)) pick = all.filter(([, to]) => to < pub).pop();
  else if (/^(?:next|наступн|следующ)/u.test(rel)) pick = all.find(([from]) => from > pub);
  else if (/^(?:this|цієї|цього|эт)/u.test(rel)) pick = all.find(([from, to]) => from <= pub && pub <= to) ?? all.find(([from]) => yearOf(from) === y);
  else pick = ctx.future() ? all.find(([, to]) => to >= pub) : all.filter(([from]) => from <= pub).pop();
  return pick ? { from: pick[0], to: pick[1], precision: 'season' } : null;
}

interface Rule {
  re: RegExp;
  resolve: (g: G, ctx: Ctx) => Resolved | null;
}
const rule = (source: string, resolve: Rule['resolve']): Rule => ({ re: new RegExp(source, 'giud'), resolve });
const dayNum = (s: string | undefined) => (s ? +s : 0);

const RULES: Rule[] = [
  rule(`${B}(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})${E}`, (g) => exact(+g.y!, +g.m!, +g.d!)),
  rule(`${B}(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<y>(?:19|20)\\d{2})${E}`, (g) => exact(+g.y!, +g.m!, +g.d!)),
  rule(`${B}(?<d1>\\d{1,2})${ORD}${DASH}(?<d2>\\d{1,2})${ORD}\\s+(?:of\\s+)?(?<mon>${MONTH})${YEAR_TAIL}`, (g, c) => withMonth(g, c, g.d1, g.d2)),
  rule(`${B}(?<d>\\d{1,2})${ORD}\\s+(?:of\\s+)?(?<mon>${MONTH})${YEAR_TAIL}`, (g, c) => withMonth(g, c, g.d, undefined)),
  rule(`${B}(?<mon>${MONTH})\\s+(?<d>\\d{1,2})${ORD}(?:${DASH}(?<d2>\\d{1,2})${ORD})?${E}(?:,?\\s+(?<y>(?:19|20)\\d{2})${E})?`, (g, c) =>
    withMonth(g, c, g.d, g.d2),
  ),
  rule(
    `${B}(?<part>early|mid|late|the\\s+(?:beginning|start|middle|end)\\s+of|(?:на\\s+)?початку|наприкінці|кінц[яі]|(?:в\\s+)?середин[аиіуые]|(?:в\\s+)?начал[аеу]|(?:в\\s+)?конц[аеу])[-\\s]+(?<mon>${MONTH})${YEAR_TAIL}`,
    partOfMonth,
  ),
  rule(`${B}(?<mon>${MONTH})${YEAR_TAIL}`, (g, c) => withMonth(g, c, undefined, undefined)),
  rule(
    `${B}(?:in|since|by|until|till|during|throughout|у|в|з|с|до)\\s+(?<w>(?:19|20)\\d{2})${E}(?!\\s*[-–—]?\\s*(?:\\d|(?:people|року|года|г\\.|р\\.)))`,
    yearOnly,
  ),
  rule(`${B}(?<w>(?:19|20)\\d{2}\\s*(?:року|році|роком|года|году|г\\.|р\\.))`, yearOnly),
  rule(
    `${B}(?:(?<rel>last|this|next|coming|минулої|минулого|цієї|цього|наступної|наступного|прошл\\p{L}*|эт[оиу]\\p{L}*|следующ\\p{L}*|ближайш\\p{L}*)\\s+)?(?<wd>${WEEKDAY})`,
    weekday,
  ),
  rule(
    `${B}(?<w>the\\s+day\\s+before\\s+yesterday|yesterday|today|tonight|tomorrow|позавчора|вчора|учора|сьогодні|завтра|позавчера|вчера|сегодня)${E}`,
    dayWord,
  ),
  rule(`${B}(?<rel>last|this|next|the\\s+past|past|coming|earlier\\s+this|later\\s+this)\\s+(?<unit>week|month|year)${E}`, relative),
  rule(`${B}(?<rel>минулого|цього|наступного|поточного)\\s+(?<unit>тижня|місяця|року)${E}`, relative),
  rule(`${B}на\\s+(?<rel>минулому|цьому|наступному|прошлой|этой|следующей)\\s+(?<unit>тижні|неделе)${E}`, relative),
  rule(`${B}в\\s+(?<rel>прошлом|этом|следующем)\\s+(?<unit>месяце|году)${E}`, relative),
  rule(`${B}(?<rel>прошлого|этого|следующего)\\s+(?<unit>месяца|года)${E}`, relative),
  rule(
    `${B}(?:(?<rel>last|this|next|in\\s+the|in|early|late|минулої|цієї|наступної|минулого|цього|наступного|прошл\\p{L}*|эт\\p{L}*|следующ\\p{L}*)\\s+)?(?<s>spring|summer|autumn|fall|winter|весни|літа|осені|зими|навесні|влітку|восени|взимку|весной|летом|осенью|зимой)${E}`,
    season,
  ),
];

function exact(y: number, m: number, d: number): Resolved | null {
  const day = dayFrom(y, m, d);
  return day === null ? null : { from: day, to: day, precision: 'day' };
}

// "May" alone opens many English sentences as a verb; as a bare month it needs a word that takes a time before it.
const MAY_BEFORE = /(?<!\p{L})(?:in|of|since|until|till|by|from|early|mid|late|last|next|this|during|through|throughout)\s+$/iu;

function withMonth(g: G, ctx: Ctx, d1: string | undefined, d2: string | undefined): Resolved | null {
  const m = mon(g);
  if (m === 5 && !d1 && !g.y && /^may$/i.test(g.mon ?? '') && !MAY_BEFORE.test(ctx.before)) return null;
  return m ? inYear(g, m, dayNum(d1), dayNum(d2), ctx) : null;
}

function yearOnly(g: G): Resolved {
  const y = +(g.w ?? '').slice(0, 4);
  return { from: dayFrom(y, 1, 1)!, to: dayFrom(y, 12, 31)!, precision: 'year' };
}

// Words before a date that put it in the future. "planned for" is left out: reports say "a meeting planned for
// Wednesday was scrapped" of a past Wednesday as often as of a coming one.
const FUTURE_BEFORE =
  /(?<!\p{L})(?:will|shall|won't|'ll|is\s+to|are\s+to|is\s+due|are\s+due|due\s+to|set\s+to|scheduled\s+to|expected\s+to|going\s+to|plans?\s+to|planning\s+to|would|could|may|might|can|буде|будуть|відбудеться|відбудуться|мають|має|планують|планує|збираються|будет|будут|состоится|состоятся|должн\p{L}*|планиру\p{L}*|намерен\p{L}*|собираются)(?!\p{L})/iu;
// A past verb right after the date wins over a future word before it: "was due to meet on Friday but was scrapped".
const PAST_AFTER =
  /^[^.;!?]{0,40}?(?<!\p{L})(?:was|were|had|did|has\s+been|have\s+been|було|була|був|були|відбул\p{L}*|было|была|был|были|состоял\p{L}*)(?!\p{L})/iu;

const SINCE_BEFORE = /(?:^|[^\p{L}])(?<w>ever\s+since|since|з|із|зі|від|начиная\s+с|с|со)\s+$/diu;

/** Which sentence holds an offset, by binary search over the sentence spans. */
export function sentenceAt(list: Span[], at: number): Span | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * Dates in a report, resolved against its publication date. A day, month or season named without a year is the
 * latest one on or before publication, unless the words before it speak of the future ("will meet on Friday"), then
 * the next one on or after. "last"/"next" override tense. "since X" runs from the start of X to publication, keeping
 * X's precision. Weeks run Monday to Sunday. Overlapping readings keep the longest.
 */
export function readDates(body: string, opts: { language: string; published: string }): DateRange[] {
  const pub = typeof opts?.published === 'string' ? dayOf(opts.published) : null;
  if (pub === null || typeof body !== 'string' || !body) return [];
  return datesOf(body, pub);
}

function datesOf(body: string, pub: number): DateRange[] {
  let sents: Span[] | null = null;
  const found: (Resolved & { start: number; end: number })[] = [];
  for (const { re, resolve } of RULES) {
    re.lastIndex = 0;
    for (const m of body.matchAll(re)) {
      const g = (m.groups ?? {}) as G;
      const idx = m.indices?.groups?.w ?? m.indices?.[0];
      const [start, end] = idx ?? [m.index, m.index + m[0].length];
      const future = () => {
        sents ??= sentences(body);
        const s = sentenceAt(sents, start) ?? { start: 0, end: body.length };
        return FUTURE_BEFORE.test(body.slice(Math.max(s.start, start - 80), start)) && !PAST_AFTER.test(body.slice(end, Math.min(s.end, end + 40)));
      };
      const r = resolve(g, { pub, future, before: body.slice(Math.max(0, start - 12), start) });
      if (r) found.push({ ...r, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateRange[] = [];
  let reach = -1;
  for (const f of found) {
    if (f.start < reach) continue;
    reach = f.end;
    let { start, to } = f;
    const ws = Math.max(0, f.start - 20);
    const since = SINCE_BEFORE.exec(body.slice(ws, f.start));
    if (since && f.from <= pub) {
      start = ws + (since.indices?.groups?.w?.[0] ?? since.index);
      to = Math.max(pub, f.from);
    }
    out.push({ from: isoOf(f.from), to: isoOf(to), precision: f.precision, text: body.slice(start, f.end), span: { start, end: f.end } });
  }
  return out;
}
