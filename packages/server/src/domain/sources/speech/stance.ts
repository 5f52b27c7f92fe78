import type { Span } from '../read/text.ts';
import { STANCE_WORDS } from './lexicon.ts';
import type { Stance } from './types.ts';

const NEGATED = /(?<![\p{L}])(?:not|no|never|impossible|cannot|can't|неможлив\p{L}*|невозможн\p{L}*|не)(?![\p{L}])/iu;
// "the will of the voters", "its pledge": the word as a noun commits no one.
const NOUN_BEFORE = /(?<![\p{L}])(?:the|a|its|their|his|her|our|political|good)\s+$/iu;
const WHILE = /(?<![\p{L}])while(?![\p{L}])/giu;

/**
 * The stance of a statement from the words of its cue and content, strongest stance first (see STANCE_WORDS).
 * "While" is a condition only after a negation ("not viable while the firing goes on"), since it mostly joins
 * two facts. Without a trigger, a side's or its person's words are a claim (their cue is the trigger) and anyone
 * else's a report.
 */
export function stanceOf(
  body: string,
  regions: Span[],
  cue: { text: string; span: Span } | null,
  bySide: boolean,
): { stance: Stance; trigger: { text: string; span: Span } | null } {
  for (const [stance, re] of STANCE_WORDS) {
    for (const r of regions) {
      const text = body.slice(r.start, r.end);
      re.lastIndex = 0;
      let m = re.exec(text);
      while (m && stance === 'commitment' && NOUN_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) m = re.exec(text);
      if (m) return { stance, trigger: { text: m[0], span: { start: r.start + m.index, end: r.start + m.index + m[0].length } } };
      if (stance === 'condition') {
        WHILE.lastIndex = 0;
        for (const w of text.matchAll(WHILE)) {
          if (NEGATED.test(text.slice(Math.max(0, w.index - 120), w.index)))
            return { stance, trigger: { text: w[0], span: { start: r.start + w.index, end: r.start + w.index + w[0].length } } };
        }
      }
    }
  }
  return bySide && cue ? { stance: 'claim', trigger: cue } : { stance: 'report', trigger: null };
}
