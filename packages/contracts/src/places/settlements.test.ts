import { describe, expect, it } from 'vitest';
import { SETTLEMENTS } from './settlements.ts';

describe('SETTLEMENTS', () => {
  it('is a small list of unique places inside Donetsk and Luhansk oblasts', () => {
    expect(SETTLEMENTS.length).toBeGreaterThan(50);
    expect(SETTLEMENTS.length).toBeLessThanOrEqual(150);
    expect(new Set(SETTLEMENTS.map((s) => s.id)).size).toBe(SETTLEMENTS.length);
    for (const s of SETTLEMENTS) {
      expect(s.lat, s.id).toBeGreaterThan(46.8);
      expect(s.lat, s.id).toBeLessThan(50.2);
      expect(s.lon, s.id).toBeGreaterThan(36.5);
      expect(s.lon, s.id).toBeLessThan(40.3);
    }
  });

  it('names every place in all three languages, in their own scripts', () => {
    for (const s of SETTLEMENTS) {
      expect(s.names.en, s.id).toMatch(/^[A-Za-z' -]+$/);
      expect(s.names.uk, s.id).toMatch(/^[А-ЯҐЄІЇа-яґєії' -]+$/);
      expect(s.names.ru, s.id).toMatch(/^[А-ЯЁа-яё -]+$/);
    }
  });

  it('gives cities a population', () => {
    for (const s of SETTLEMENTS.filter((x) => x.kind === 'city')) expect(s.population, s.id).toBeGreaterThanOrEqual(50_000);
  });
});
