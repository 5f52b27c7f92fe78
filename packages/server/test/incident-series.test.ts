import { beforeAll, describe, expect, it } from 'vitest';
import { call, world, type World } from './support/world.ts';

type Point = { start: string; incidents: number; killedBest: number; killedLow: number; killedHigh: number };
type Item = { casualties: { killed: { low: number; best: number; high: number } } };

const incident = (day: string, killed: [number, number, number], o: Record<string, unknown> = {}) => ({
  date: { start: day, end: day, precision: 'day' },
  place: { lat: 48, lon: 37.8, precision: 'exact', admin1: 'Donetsk' },
  actors: [],
  casualties: { killed: { low: killed[0], best: killed[1], high: killed[2] } },
  sources: [],
  ...o,
});

const sum = (points: Point[]) =>
  points.reduce((a, p) => ({ n: a.n + p.incidents, low: a.low + p.killedLow, best: a.best + p.killedBest, high: a.high + p.killedHigh }), {
    n: 0,
    low: 0,
    best: 0,
    high: 0,
  });
const total = (items: Item[]) =>
  items.reduce(
    (a, i) => ({ n: a.n + 1, low: a.low + i.casualties.killed.low, best: a.best + i.casualties.killed.best, high: a.high + i.casualties.killed.high }),
    { n: 0, low: 0, best: 0, high: 0 },
  );

describe(`incident series (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;

  beforeAll(async () => {
    w = await world();
    const made: [string, [number, number, number], Record<string, unknown>?][] = [
      ['2014-08-28', [1, 2, 3]],
      ['2014-09-01', [0, 0, 0]], // a Monday
      ['2014-09-05', [2, 3, 5]],
      ['2014-09-05', [0, 1, 1]],
      ['2014-09-07', [4, 4, 9]], // Sunday: the same ISO week as the 1st
      ['2014-09-08', [1, 1, 1]],
      ['2014-09-20', [3, 6, 6], { audience: 'mediator' }], // hidden from everyone but the mediator
      ['2014-09-21', [0, 2, 2], { audience: 'forum' }],
      ['2014-10-02', [10, 12, 20]],
    ];
    for (const [day, killed, o] of made) {
      const r = await call(w, 'POST', '/incidents', 'mediator', incident(day, killed, { audience: 'public', ...o }));
      expect(r.status, r.body).toBe(201);
    }
  });

  it('sums per interval to the totals of the list for the same period, for every reader', async () => {
    for (const who of ['mediator', 'analyst', 'anonymous'] as const) {
      for (const [from, to] of [
        ['2014-09-01', '2014-09-30'],
        ['2014-08-01', '2014-10-31'],
        ['2014-09-03', '2014-09-07'],
      ]) {
        const listed = (await call(w, 'GET', `/incidents?from=${from}&to=${to}&limit=500`, who)).json.items as Item[];
        for (const interval of ['day', 'week']) {
          const r = await call(w, 'GET', `/incidents/series?from=${from}&to=${to}&interval=${interval}`, who);
          expect(r.status, r.body).toBe(200);
          expect(r.json).toMatchObject({ interval, from, to });
          expect(sum(r.json.points), `${who} ${interval} ${from}..${to}`).toEqual(total(listed));
        }
      }
    }
  });

  it('counts by ISO week with empty weeks as zeros, and by day', async () => {
    const week = (await call(w, 'GET', '/incidents/series?from=2014-09-03&to=2014-09-30&interval=week', 'mediator')).json;
    expect(week.points).toEqual([
      // The first week begins on Monday 1 September, but counts only from the 3rd.
      { start: '2014-09-01', incidents: 3, killedLow: 6, killedBest: 8, killedHigh: 15 },
      { start: '2014-09-08', incidents: 1, killedLow: 1, killedBest: 1, killedHigh: 1 },
      { start: '2014-09-15', incidents: 2, killedLow: 3, killedBest: 8, killedHigh: 8 },
      { start: '2014-09-22', incidents: 0, killedLow: 0, killedBest: 0, killedHigh: 0 },
      { start: '2014-09-29', incidents: 0, killedLow: 0, killedBest: 0, killedHigh: 0 },
    ]);
    const day = (await call(w, 'GET', '/incidents/series?from=2014-09-04&to=2014-09-06&interval=day', 'anonymous')).json;
    expect(day.points.map((p: Point) => [p.start, p.incidents, p.killedBest])).toEqual([
      ['2014-09-04', 0, 0],
      ['2014-09-05', 2, 4],
      ['2014-09-06', 0, 0],
    ]);
  });

  it('does not count a hidden (mediator-only) incident for the public or the forum', async () => {
    const q = '/incidents/series?from=2014-09-15&to=2014-09-21&interval=week';
    const counts = async (who: 'mediator' | 'analyst' | 'anonymous') => sum((await call(w, 'GET', q, who)).json.points);
    expect(await counts('mediator')).toEqual({ n: 2, low: 3, best: 8, high: 8 });
    expect(await counts('analyst')).toEqual({ n: 1, low: 0, best: 2, high: 2 });
    expect(await counts('anonymous')).toEqual({ n: 0, low: 0, best: 0, high: 0 });
  });

  it('without from and to, spans the incidents the reader may see', async () => {
    const r = (await call(w, 'GET', '/incidents/series?interval=week', 'anonymous')).json;
    expect(r).toMatchObject({ interval: 'week', from: '2014-08-28', to: '2014-10-02' });
    expect(sum(r.points).n).toBe(7);
  });

  it('refuses impossible dates, reversed periods, unknown intervals and daily series over three years, naming the field', async () => {
    const cases: [string, string, string][] = [
      ['/incidents/series?from=2014-02-30&to=2014-03-10', 'invalid_format', 'from'],
      ['/incidents/series?from=2014-02-01&to=2014-13-10', 'invalid_format', 'to'],
      ['/incidents/series?from=2014-10-01&to=2014-09-01', 'span_reversed', 'to'],
      ['/incidents/series?from=2014-09-01&to=2014-10-01&interval=month', 'invalid_choice', 'interval'],
      ['/incidents/series?from=2010-01-01&to=2014-10-01&interval=day', 'span_too_long', 'to'],
    ];
    for (const [path, reason, field] of cases) {
      const r = await call(w, 'GET', path, 'anonymous');
      expect(r.status, path).toBe(400);
      expect(r.json.error, path).toMatchObject({ code: 'validation', reason, details: { field } });
    }
    expect((await call(w, 'GET', '/incidents/series?from=2010-01-01&to=2014-10-01&interval=week', 'anonymous')).status).toBe(200);
  });
});
