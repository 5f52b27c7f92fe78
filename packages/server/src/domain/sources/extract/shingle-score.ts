/**
 * The scoring of the Article Extraction Benchmark (scrapinghub/article-extraction-benchmark, evaluate.py), so that
 * Parley's extractor is measured on the same scale as the published scores of other extractors. Token shingles,
 * not characters: an extra "Share this" line costs a few shingles, a lost paragraph many.
 */

/** Python's `\w` under re.UNICODE: letters, numbers (any script) and the underscore. JavaScript's `\w` is ASCII only. */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const N = 4;

/** The multiset of 4-token shingles of a text; a text of fewer tokens is one shingle, an empty text none. */
export function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  for (let i = 0; i < Math.max(1, tokens.length - N + 1); i++) {
    // The unit separator cannot occur inside a token, so joined shingles cannot collide.
    const key = tokens.slice(i, i + N).join('\u001f');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** Shared, extra and missing shingles of one page, divided by their sum so that a long page weighs as much as a short one. */
export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp, fp, fn };
}

// A page predicted exactly (nothing extra, nothing missing) scores 1 even in the degenerate cases.
const precisionOf = ({ tp, fp, fn }: PageScore) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp));
const recallOf = ({ tp, fp, fn }: PageScore) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Precision is the mean over pages that predicted something, recall the mean over pages that had something to find;
 * F1 is taken from those two means (not the mean of per-page F1), as the benchmark does.
 */
export function aggregateScores(pages: PageScore[]): { precision: number; recall: number; f1: number } {
  const precision = mean(pages.filter((s) => s.tp + s.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((s) => s.tp + s.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
