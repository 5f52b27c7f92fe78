// The statement reader on its labelled fixtures (packages/server/src/domain/sources/speech/fixtures): precision and
// recall of the statements it proposes, and how often a found statement has the right speaker, stance and speech
// mode, on the development fixtures and separately on the held-out ones written before the reader was tuned. Beside
// it, in the same run, a naive reader: every sentence with a quotation mark or a speech verb is a statement of nobody.
// Throughput is on the fixture bodies repeated to about 200 KB, best of 3 timed passes after a warm-up.
import { readFileSync, readdirSync } from 'node:fs';
import type { Roster } from '../packages/server/src/domain/sources/read/roster.ts';
import { sentences, type Span } from '../packages/server/src/domain/sources/read/text.ts';
import { readStatements } from '../packages/server/src/domain/sources/speech/index.ts';

const DIR = new URL('../packages/server/src/domain/sources/speech/fixtures/', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Labelled {
  speaker: string | null;
  mention: string;
  speech: string;
  stance: string;
  content: string;
}
interface Fixture {
  name: string;
  language: string;
  published: string;
  body: string;
  statements: Labelled[];
}
interface Proposed {
  speaker: string | null;
  speech: string;
  stance: string;
  content: Span;
}
type Reader = (f: Fixture, roster: Roster) => Proposed[];

const parley: Reader = (f, roster) =>
  readStatements(f.body, { language: f.language, published: f.published, roster }).map((s) => ({
    speaker: s.speaker?.resolved?.id ?? null,
    speech: s.speech,
    stance: s.stance,
    content: s.content,
  }));

const NAIVE = /["“”«»„]|\b(?:said|says|told)\b|заяви|сказа|сообщи|повідоми/u;
const naive: Reader = (f) =>
  sentences(f.body)
    .filter((s) => NAIVE.test(f.body.slice(s.start, s.end)))
    .map((s) => ({ speaker: null, speech: /["“«„]/.test(f.body.slice(s.start, s.end)) ? 'direct' : 'reported', stance: 'report', content: s }));

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function score(fixtures: Fixture[], roster: Roster, reader: Reader) {
  let labelled = 0;
  let proposed = 0;
  let matched = 0;
  let located = 0;
  let speakerOk = 0;
  let stanceOk = 0;
  let speechOk = 0;
  for (const f of fixtures) {
    const out = reader(f, roster);
    proposed += out.length;
    const taken = new Set<number>();
    for (const l of f.statements) {
      labelled++;
      const at = f.body.indexOf(l.content);
      const span = { start: at, end: at + l.content.length };
      const near = (p: Proposed) => overlap(p.content, span) >= 0.5 * l.content.length;
      const i = out.findIndex((p, k) => !taken.has(k) && near(p) && p.speaker === l.speaker);
      if (out.some(near)) {
        located++;
        if (i >= 0) speakerOk++;
      }
      if (i < 0) continue;
      taken.add(i);
      matched++;
      if (out[i]!.stance === l.stance) stanceOk++;
      if (out[i]!.speech === l.speech) speechOk++;
    }
  }
  const r = (a: number, b: number) => (b ? a / b : 0).toFixed(2);
  return {
    precision: r(matched, proposed),
    recall: r(matched, labelled),
    labelled,
    proposed,
    speaker: r(speakerOk, located),
    stance: r(stanceOk, matched),
    speech: r(speechOk, matched),
  };
}

function kbPerSecond(fixtures: Fixture[], roster: Roster, reader: Reader): number {
  const one = fixtures.map((f) => f.body).join('\n\n');
  const body = Array.from({ length: Math.ceil(200_000 / one.length) }, () => one).join('\n\n');
  const big: Fixture = { name: 'repeated', language: 'en', published: '2014-11-20', body, statements: [] };
  reader(big, roster);
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    reader(big, roster);
    best = Math.min(best, performance.now() - t);
  }
  return body.length / 1024 / (best / 1000);
}

export async function benchStatements() {
  const roster = JSON.parse(readFileSync(new URL('roster.json', DIR), 'utf8')) as Roster;
  const fixtures = readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && f !== 'roster.json')
    .sort()
    .map((f) => ({ name: f, ...(JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Omit<Fixture, 'name'>) }));
  const held = fixtures.filter((f) => f.name.startsWith('held-out-'));
  const dev = fixtures.filter((f) => !f.name.startsWith('held-out-'));
  const figures = (reader: Reader) => {
    const d = score(dev, roster, reader);
    const h = score(held, roster, reader);
    return (
      `precision ${d.precision} recall ${d.recall} (${d.labelled} labelled, ${d.proposed} proposed; speaker accuracy ${d.speaker}, stance accuracy ${d.stance}, ` +
      `speech-mode accuracy ${d.speech}) held-out: precision ${h.precision} recall ${h.recall} (${h.labelled} labelled, ${h.proposed} proposed; ` +
      `speaker accuracy ${h.speaker}, stance accuracy ${h.stance}, speech-mode accuracy ${h.speech})`
    );
  };
  const ours = kbPerSecond(fixtures, roster, parley);
  const base = kbPerSecond(fixtures, roster, naive);
  return [
    `statements: ${figures(parley)}`,
    `  naive baseline (sentences with a quotation mark or a speech verb, nobody's): ${figures(naive)}`,
    `  throughput: ${ours.toFixed(0)} KB/s, naive baseline ${base.toFixed(0)} KB/s (ratio ${(ours / base).toFixed(2)}; best of ${RUNS} on the fixtures repeated to ~200 KB)`,
    `  (${dev.length} development and ${held.length} held-out fixtures; a match: same speaker id and content overlapping ≥ 50% of the labelled content; ` +
      `stance and speech-mode accuracy over matches, speaker accuracy over labelled statements whose content was found)`,
  ].join('\n');
}
