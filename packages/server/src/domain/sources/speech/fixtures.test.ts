// eslint-disable-next-line no-restricted-imports -- the test reads its fixture files; the code under test does no I/O
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../read/roster.ts';
import { readStatements } from './index.ts';

const DIR = new URL('./fixtures/', import.meta.url);
const roster = JSON.parse(readFileSync(new URL('roster.json', DIR), 'utf8')) as Roster;
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'roster.json')
  .map((name) => ({
    name,
    ...(JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as {
      language: string;
      published: string;
      body: string;
      statements: { speaker: string | null; mention: string; speech: string; stance: string; content: string }[];
    }),
  }));
const ids = new Set([...roster.parties.map((p) => p.id), ...roster.people.map((p) => p.id)]);
const STANCES = ['appeal', 'condition', 'accusation', 'denial', 'rejection', 'commitment', 'claim', 'report'];

describe('labelled fixtures', () => {
  it('hold at least 20 texts in the three languages, a third of them held out', () => {
    const count = (lang: string) => fixtures.filter((f) => f.language === lang).length;
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(count('en')).toBeGreaterThanOrEqual(14);
    expect(count('uk')).toBeGreaterThanOrEqual(3);
    expect(count('ru')).toBeGreaterThanOrEqual(3);
    expect(fixtures.filter((f) => f.name.startsWith('held-out-')).length).toBeGreaterThanOrEqual(Math.floor(fixtures.length / 4));
  });

  it('label words of their body, speakers of the roster and known stances', () => {
    for (const f of fixtures) {
      expect(f.published, f.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const s of f.statements) {
        expect(f.body, f.name).toContain(s.content);
        expect(f.body, f.name).toContain(s.mention);
        if (s.speaker !== null) expect(ids, `${f.name}: ${s.speaker}`).toContain(s.speaker);
        expect(STANCES, f.name).toContain(s.stance);
        expect(['direct', 'reported', 'mixed'], f.name).toContain(s.speech);
      }
    }
  });

  it('give a roster with the mandates of the Minsk process', () => {
    expect(roster.parties.map((p) => p.id).sort()).toEqual(['ordl', 'ordo', 'osce', 'rus', 'ukr']);
    for (const m of roster.mandates) {
      expect(ids).toContain(m.personId);
      if (m.partyId) expect(ids).toContain(m.partyId);
    }
  });

  // A floor against regressions on the development fixtures, not the score the benchmark reports.
  it('are mostly found by the reader with the labelled speaker', () => {
    let found = 0;
    let labelled = 0;
    for (const f of fixtures.filter((x) => !x.name.startsWith('held-out-'))) {
      const out = readStatements(f.body, { language: f.language, published: f.published, roster });
      for (const l of f.statements) {
        labelled++;
        const at = f.body.indexOf(l.content);
        const hit = out.some(
          (p) =>
            (p.speaker?.resolved?.id ?? null) === l.speaker &&
            Math.min(p.content.end, at + l.content.length) - Math.max(p.content.start, at) >= l.content.length / 2,
        );
        if (hit) found++;
      }
    }
    expect(found / labelled).toBeGreaterThanOrEqual(0.9);
  });
});
