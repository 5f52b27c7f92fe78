// The whole reading of a document as the ingest worker runs it (decode, extract, filter, then the statement, figure
// and event readers), on the 121 pages of the Article Extraction Benchmark (../shared/data/aeb) with the demo's
// parties and people as the roster, against extraction alone in the same run: the ratio is what the readers cost on
// top of taking the article out of its page. Best of 3 timed passes after an untimed warm-up.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../packages/server/src/domain/sources/extract/extract-article.ts';
import { readSource } from '../packages/server/src/domain/sources/read/read-source.ts';
import type { Roster } from '../packages/server/src/domain/sources/read/roster.ts';

const DATA = process.env.BENCH_AEB_DIR ? pathToFileURL(`${process.env.BENCH_AEB_DIR.replace(/\/$/, '')}/`) : new URL('../../shared/data/aeb/', import.meta.url);
const ROSTER = new URL('../packages/server/src/domain/sources/speech/fixtures/roster.json', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function best(pass: () => Promise<number>): Promise<number> {
  await pass();
  let top = 0;
  for (let i = 0; i < RUNS; i++) top = Math.max(top, await pass());
  return top;
}

export async function benchIngest() {
  if (!existsSync(new URL('html/', DATA))) return `ingest: skipped (no benchmark pages at ${DATA.pathname})`;
  const pages = readdirSync(new URL('html/', DATA))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => gunzipSync(readFileSync(new URL(`html/${f}`, DATA))));
  const roster = JSON.parse(readFileSync(ROSTER, 'utf8')) as Roster;
  let candidates = 0;
  const whole = await best(async () => {
    candidates = 0;
    const t = performance.now();
    for (const bytes of pages) {
      try {
        candidates += (await readSource(bytes, { mediaType: 'text/html', published: '2020-01-01', roster })).candidates.length;
      } catch {
        // A page with no article body is refused, as the worker would; it still counts as read.
      }
    }
    return pages.length / ((performance.now() - t) / 1000);
  });
  const extractOnly = await best(async () => {
    const t = performance.now();
    for (const bytes of pages) extractArticle(bytes.toString('utf8'));
    return pages.length / ((performance.now() - t) / 1000);
  });
  return [
    `ingest: ${pages.length} pages read whole (decode, extract, statements, figures, events), ${candidates} candidates`,
    `  whole reading ${whole.toFixed(1)} pages/s, extraction alone ${extractOnly.toFixed(1)} pages/s (ratio ${(whole / extractOnly).toFixed(2)}; best of ${RUNS})`,
  ].join('\n');
}
