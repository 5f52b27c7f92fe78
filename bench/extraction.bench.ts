// Article extraction on the development split of the public Article Extraction Benchmark (121 news and blog pages
// with their true article bodies, ../shared/data/aeb): Parley's extractor (Readability over linkedom, walked into
// paragraphs, then Parley's boilerplate filter) against Readability alone (its textContent, as the benchmark ran
// Readability.js), in the same run. Scored with the benchmark's own metric (4-token shingles, per-page normalised).
// Goal: F1 ≥ 0.97 at ≥ 40 pages/s. Pages/s counts extraction only (not reading or gunzip), on the main thread,
// after one untimed warm-up pass so both extractors are measured with the JIT warm; best and median of 3 timed passes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../packages/server/src/domain/sources/extract/extract-article.ts';
import { aggregateScores, scorePage } from '../packages/server/src/domain/sources/extract/shingle-score.ts';

// Beside the repository, as CI checks it out (../shared); BENCH_AEB_DIR points elsewhere.
const DATA = process.env.BENCH_AEB_DIR ? pathToFileURL(`${process.env.BENCH_AEB_DIR.replace(/\/$/, '')}/`) : new URL('../../shared/data/aeb/', import.meta.url);

// Timed passes per extractor; the best shows what the code can do on a shared machine, the median how noisy it was.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Page {
  id: string;
  html: string;
  truth: string;
  /** The address the page was fetched from, as a caller of extractArticle would know it. */
  url: string;
}

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(new URL('ground-truth.json', DATA), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return readdirSync(new URL('html/', DATA))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html.gz'.length);
      return {
        id,
        html: gunzipSync(readFileSync(new URL(`html/${f}`, DATA))).toString('utf8'),
        truth: truth[id]?.articleBody ?? '',
        url: truth[id]?.url ?? '',
      };
    });
}

function readabilityAlone(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

function measure(name: string, pages: Page[], extract: (html: string, url: string) => string): string {
  for (const p of pages) extract(p.html, p.url); // warm-up, not counted
  let out: string[] = [];
  const passes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    out = [];
    let ms = 0;
    for (const p of pages) {
      const t = performance.now();
      out.push(extract(p.html, p.url));
      ms += performance.now() - t;
    }
    passes.push(pages.length / (ms / 1000));
  }
  const { f1, precision, recall } = aggregateScores(pages.map((p, i) => scorePage(p.truth, out[i]!)));
  const sorted = [...passes].sort((a, b) => a - b);
  const best = sorted[sorted.length - 1]!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `  ${name.padEnd(18)} F1 ${f1.toFixed(3)}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  ${best.toFixed(1)} pages/s (best of ${RUNS}; median ${median.toFixed(1)})`;
}

export async function benchExtraction() {
  if (!existsSync(new URL('ground-truth.json', DATA))) return `extraction: skipped (no benchmark pages at ${DATA.pathname})`;
  const pages = loadPages();
  return [
    `extraction: ${pages.length} pages of the Article Extraction Benchmark (goal F1 ≥ 0.97 at ≥ 40 pages/s)`,
    measure('Parley', pages, (html, url) => extractArticle(html, url).body),
    measure('Readability alone', pages, readabilityAlone),
  ].join('\n');
}
