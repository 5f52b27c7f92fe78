import { APPEAL_CUES, APPEAL_TAIL, BYLINE_CUE, DATE_WORDS, NAME_JOINERS, NAV_WORDS, WHOLE_PARAGRAPH } from './boilerplate-rules.ts';
import type { Block } from './html-blocks.ts';

/**
 * Parley's boilerplate filter: what a reader of a source would skip (menus, "Read more" links, cookie and newsletter
 * notices, appeals for donations, photo credits, lone bylines and timestamps) is taken out of the body and returned in
 * `setAside`, so nothing a source said is silently lost and a reviewer can put a wrongly removed line back.
 */
export interface Filtered {
  body: string;
  setAside: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const words = (s: string) => s.toLowerCase().match(WORD) ?? [];
const MAX_NOTICE_WORDS = 80;
/** An appeal rarely runs longer; a longer remainder after a cue is the article going on, so only the cue's sentence goes. */
const MAX_APPEAL_WORDS = 120;
const LINK_ONLY = 0.9;
/** Text wrapped at a fixed width (usually 60–80 characters) has lines at least this long, bar the last. */
const MIN_WRAPPED_LINE = 40;
const MAX_HEADLINE_WORDS = 20;
/** How many paragraphs from the end count as the foot of an article (notes about the author, trailing lists). */
const NEAR_END = 8;
/** How a sentence ends; a headline does not end so (a question mark may end either). */
const SENTENCE_END = /[.!:;]["”»’)]?$/u;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A menu or a row of buttons: a few words, all navigation vocabulary. */
function isNavigation(text: string): boolean {
  const ws = words(text);
  return ws.length > 0 && ws.length <= 4 && !/[.!?]$/.test(text) && ws.every((w) => NAV_WORDS.has(w));
}

/** A timestamp or dateline: digits and date vocabulary only, with at least one digit. */
function isTimestamp(text: string): boolean {
  if (!/\d/.test(text) || text.length > 90) return false;
  return words(text).every((w) => /^\d+(st|nd|rd|th|h)?$/.test(w) || DATE_WORDS.has(w));
}

/**
 * A byline alone on its line: the cue, then only names (capitalised words and joiners), perhaps followed by a
 * timestamp ("by Jane Doe, 15 September 2014"). "By the end of the day…" is prose: "the" is neither.
 */
function isByline(text: string): boolean {
  const cue = BYLINE_CUE.exec(text);
  if (!cue) return false;
  const rest = text
    .slice(cue[0].length)
    .split(/[\s,]+/)
    .filter(Boolean);
  if (rest.length === 0 || rest.length > 12) return false;
  let names = 0;
  for (const w of rest) {
    const bare = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
    if (!bare) continue;
    const lower = bare.toLowerCase();
    const dateWord = DATE_WORDS.has(lower.replace(/\./g, ''));
    if (/^\p{Lu}/u.test(bare) && !dateWord) names++;
    else if (!NAME_JOINERS.has(lower) && !dateWord && !/^\d/.test(bare)) return false;
  }
  return names > 0 && names <= 8;
}

/** A breadcrumb trail: short items joined by ›, », > or /. */
// A slash counts only with spaces around it, since "Moldova/Georgia" and "and/or" are prose.
const isBreadcrumb = (text: string) => /^([^.!?›»>|]{1,30}(\s?[›»]\s?|\s[>|/]\s)){2,}[^.!?›»>|]{1,60}$/u.test(text);

/** The id of the rule that makes a whole paragraph boilerplate, or null. */
export function wholeRule(text: string, nearEnd = true): string | null {
  // A long paragraph is prose even when it mentions cookies or a newsletter; boilerplate notices are short.
  if (words(text).length > MAX_NOTICE_WORDS) return null;
  for (const rule of WHOLE_PARAGRAPH) if ((nearEnd || !rule.nearEnd) && rule.test.test(text)) return rule.id;
  // Rules, dividers and bullets alone ("___", "* * *") carry no words.
  if (!/[\p{L}\p{N}]/u.test(text)) return 'divider';
  if (isNavigation(text)) return 'navigation';
  if (isTimestamp(text)) return 'timestamp';
  if (isByline(text)) return 'byline';
  if (isBreadcrumb(text)) return 'breadcrumb';
  return null;
}

/**
 * Where an appeal starts in a paragraph: the start of the sentence holding the earliest cue, or -1. Cutting at the
 * sentence (not the cue) also takes "Dear reader," or "We need you." lead-ins that sit in the same sentence.
 */
function appealStart(text: string): number {
  let best = -1;
  for (const cue of APPEAL_CUES) {
    const m = cue.exec(text);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best < 0) return -1;
  const before = text.slice(0, best);
  const end = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('» '), before.lastIndexOf('" '));
  return end < 0 ? 0 : end + 2;
}

/**
 * Paragraphs in a run of two or more that are each nothing but a link: a list of related headlines, tags or
 * sections. A single linked paragraph between prose stays (it is often the author's own "buy it here"), and so does a
 * link whose words are a web address the author wrote out.
 */
function linkListMembers(blocks: { text: string; linkShare?: number }[]): Set<number> {
  const isLink = blocks.map((b) => (b.linkShare ?? 0) >= LINK_ONLY && !/^(https?:\/\/|www\.)/i.test(b.text.trim()) && !SENTENCE_END.test(b.text.trim()));
  const out = new Set<number>();
  isLink.forEach((on, i) => {
    if (on && (isLink[i - 1] || isLink[i + 1])) out.add(i);
  });
  return out;
}

/** Filters paragraphs (already split, as from an HTML walk). */
export function filterBlocks(blocks: (Omit<Block, 'linkShare' | 'tag'> & Partial<Block>)[]): Filtered {
  const kept: string[] = [];
  const setAside: string[] = [];
  let inAppeal = false;
  let inList = false;
  const linkList = linkListMembers(blocks);
  for (const [i, block] of blocks.entries()) {
    const text = squash(block.text);
    if (!text) continue;
    if (linkList.has(i)) {
      setAside.push(text);
      continue;
    }
    // Payment details and buttons that follow an appeal belong to it; the first real paragraph ends it.
    if (inAppeal && APPEAL_TAIL.test(text) && appealStart(text) !== 0 && words(text).length <= 12) {
      setAside.push(text);
      continue;
    }
    inAppeal = false;
    // Headlines listed under a bare "Related" or "Don't miss" belong to it, up to the first sentence.
    if (inList && words(text).length <= MAX_HEADLINE_WORDS && !SENTENCE_END.test(text)) {
      setAside.push(text);
      continue;
    }
    inList = false;
    const rule = wholeRule(text, i >= blocks.length - NEAR_END);
    // A date as a heading heads a section of a timeline; only a dateline standing in the text is a timestamp.
    if (rule && !(rule === 'timestamp' && /^h[1-6]$/.test(block.tag ?? ''))) {
      setAside.push(text);
      inList = rule === 'read-more' && words(text).length <= 4;
      continue;
    }
    const at = appealStart(text);
    if (at >= 0) {
      const head = text.slice(0, at).trim();
      let appeal = text.slice(at).trim();
      let rest = '';
      if (words(appeal).length > MAX_APPEAL_WORDS) {
        const end = appeal.search(/[.!?](\s|$)/);
        rest = end < 0 ? '' : appeal.slice(end + 1).trim();
        appeal = end < 0 ? appeal : appeal.slice(0, end + 1);
      }
      const left = [head, rest].filter(Boolean).join(' ');
      if (left) kept.push(left);
      setAside.push(appeal);
      inAppeal = !rest;
      continue;
    }
    kept.push(text);
  }
  // Repeated paragraphs stay: recipes, tables and Q&As repeat lines legitimately.
  return { body: kept.join('\n\n'), setAside };
}

/**
 * The same filter for plain text (a scrape, a pasted article). Scrapes put one paragraph on each line, or wrap
 * paragraphs at a fixed width between blank lines; a block of lines reads as one wrapped paragraph when its lines
 * (all but the last) are long and run on without ending a sentence, and as one paragraph per line otherwise.
 */
export function filterBoilerplate(text: string): Filtered {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .flatMap((block) => {
      const lines = block.split('\n').filter((l) => l.trim());
      const wrapped = lines.length > 1 && lines.slice(0, -1).every((l) => l.trim().length >= MIN_WRAPPED_LINE && !SENTENCE_END.test(l.trim()));
      return wrapped ? [{ text: lines.join(' ') }] : lines.map((l) => ({ text: l }));
    });
  return filterBlocks(blocks);
}
