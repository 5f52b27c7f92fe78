// Beside the loader rather than the domain code: it needs the shipped table, and domain code may not read files.
import { describe, expect, it } from 'vitest';
import { loadNameTable } from './name-table-file.ts';
import { compare, jaroWinkler, prepare, type ListedPerson } from '../../domain/exchanges/compare.ts';
import { reconcile } from '../../domain/exchanges/reconcile.ts';

const table = loadNameTable();
const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Шевченко', 'Shevchenko'],
  ['Бондаренко', 'Bondarenko'],
  ['Ткачук', 'Tkachuk'],
  ['Мельник', 'Melnik'],
  ['Олійник', 'Oleynik'],
  ['Литвиненко', 'Litvinenko'],
  ['Руденко', 'Rudenko'],
  ['Савчук', 'Savchuk'],
  ['Поліщук', 'Polishchuk'],
  ['Марченко', 'Marchenko'],
  ['Кравець', 'Kravets'],
  ['Гончар', 'Gonchar'],
  ['Мороз', 'Moroz'],
  ['Климчук', 'Klimchuk'],
  ['Дорошенко', 'Doroshenko'],
];
const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['Олександр', 'Aleksandr'],
  ['Микола', 'Nikolai'],
  ['Сергій', 'Sergei'],
  ['Андрій', 'Andrei'],
  ['Дмитро', 'Dmitrii'],
  ['Іван', 'Ivan'],
  ['Петро', 'Petr'],
  ['Юрій', 'Iurii'],
];
const PATRONYMIC: ReadonlyArray<readonly [string, string]> = [
  ['Іванович', 'Ivanovich'],
  ['Петрович', 'Petrovich'],
  ['Миколайович', 'Nikolaevich'],
  ['Олександрович', 'Aleksandrovich'],
];

/** Side A in Ukrainian Cyrillic, side B romanised from Russian; 100 people on both, 20 on each side only. */
function lists() {
  const a: ListedPerson[] = [];
  const b: ListedPerson[] = [];
  for (let i = 0; i < 140; i++) {
    const s = SURNAMES[i % 15]!;
    const g = GIVEN[(i * 7) % 8]!;
    const p = PATRONYMIC[(i * 3) % 4]!;
    const birth = `${1960 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (i < 120) a.push({ id: `a${i}`, surname: s[0], given: g[0], patronymic: p[0], birthDate: birth });
    if (i < 100 || i >= 120) b.push({ id: `b${i}`, surname: s[1], given: g[1], patronymic: i % 5 ? p[1] : null, birthDate: i % 3 ? birth : birth.slice(0, 4) });
  }
  return { a, b };
}

describe('reconciling two lists', () => {
  const { a, b } = lists();
  const result = reconcile(a, b, table);

  it('finds the people on both lists and only them, one to one', () => {
    const found = result.matches.filter((m) => m.a.slice(1) === m.b.slice(1));
    expect(found.length).toBe(100);
    expect(result.matches.length).toBe(100);
    expect(new Set(result.matches.map((m) => m.a)).size).toBe(result.matches.length);
    expect(new Set(result.matches.map((m) => m.b)).size).toBe(result.matches.length);
    expect(result.onlyA.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `a${100 + i}`).sort());
    expect(result.onlyB).toHaveLength(20);
  });

  it('explains every match: each field, its level, the text on both sides and the weight it added', () => {
    for (const m of result.matches) {
      expect(m.fields.map((f) => f.field)).toEqual(['surname', 'given', 'patronymic', 'birthDate']);
      expect(m.fields.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(m.weight, 9);
    }
    const m = result.matches.find((x) => x.a === 'a7')!;
    expect(m.fields.find((f) => f.field === 'given')).toMatchObject({ level: 'equivalent', a: 'Микола', b: 'Nikolai' });
    expect(m.fields.find((f) => f.field === 'given')!.weight).toBeGreaterThan(0);
    const n = result.matches.find((x) => x.a === 'a5')!;
    expect(n.fields.find((f) => f.field === 'patronymic')).toMatchObject({ level: 'missing', weight: 0 });
    const exactDob = result.matches.find((x) => x.fields[3]!.level === 'exact')!;
    const yearOnly = result.matches.find((x) => x.fields[3]!.level === 'year')!;
    expect(exactDob.fields[3]!.weight).toBeGreaterThan(0);
    expect(yearOnly.fields[3]!.weight).toBeGreaterThan(0);
  });

  it('weighs agreement positively and disagreement negatively, from the data alone', () => {
    const { fields } = result.model;
    expect(fields.surname.weight.exact).toBeGreaterThan(0);
    expect(fields.surname.weight.different).toBeLessThan(0);
    expect(fields.given.weight.different).toBeLessThan(0);
  });
});

describe('namesakes', () => {
  const { a, b } = lists();
  const man = { surname: 'Ярошенко', given: 'Тарас', patronymic: 'Петрович' };
  const manB = { surname: 'Yaroshenko', given: 'Taras', patronymic: 'Petrovich' };
  // Two men of one name on each list: one pair with dates that agree, one whose date list B does not give.
  a.push({ id: 'x1', ...man, birthDate: '1971-05-06' }, { id: 'x2', ...man, birthDate: '1984-02-03' });
  b.push({ id: 'y1', ...manB, birthDate: '1971-05-06' }, { id: 'y2', ...manB, birthDate: null });
  // And one name twice on list A, once on list B, with no dates at all: nothing tells the two apart.
  const other = { surname: 'Гнатюк', given: 'Олег', patronymic: 'Іванович', birthDate: null };
  a.push({ id: 'z1', ...other }, { id: 'z2', ...other });
  b.push({ id: 'w1', surname: 'Gnatyuk', given: 'Oleg', patronymic: 'Ivanovich', birthDate: null });
  const result = reconcile(a, b, table);
  const of = (id: string) => result.matches.find((m) => m.a === id || m.b === id);

  it('does not hold a pair back for a competitor that is near certainly someone else', () => {
    expect(of('x1')).toMatchObject({ b: 'y1', band: 'auto' });
    expect(of('x2')).toMatchObject({ b: 'y2' });
    expect(of('x2')!.closeCompetitor).toBeUndefined();
  });

  it('sends a pair to review, naming the competitor, where two people fit equally well', () => {
    const m = of('w1')!;
    expect(m.band).toBe('review');
    expect(m.probability).toBeLessThan(0.6);
    expect(m.closeCompetitor).toMatchObject({ b: 'w1', a: m.a === 'z1' ? 'z2' : 'z1' });
  });
});

describe('comparing two people', () => {
  const p = (x: Partial<ListedPerson>) =>
    prepare({ id: 'x', surname: 'Ковальова', given: 'Олена', patronymic: 'Миколаївна', birthDate: '1980-03-04', ...x }, table);
  it('meets feminine forms, Russian names and partial dates', () => {
    const c = compare(p({}), p({ surname: 'Kovaleva', given: 'Elena', patronymic: 'Nikolaevna', birthDate: '1980-03' }));
    expect(c.levels).toEqual({ surname: 'exact', given: 'equivalent', patronymic: 'equivalent', birthDate: 'month' });
    expect(c.swapped).toBe(false);
  });
  it('sees a swapped name order', () => {
    const c = compare(p({}), p({ surname: 'Olena', given: 'Kovalova' }));
    expect(c).toMatchObject({ swapped: true, levels: { surname: 'exact', given: 'exact' } });
  });
  it('knows a diminutive, a swapped day and month, and a typo', () => {
    const c = compare(p({ given: 'Олександр', surname: 'Шевченко' }), p({ given: 'Sasha', surname: 'Shevhcenko', birthDate: '1980-04-03' }));
    expect(c.levels).toMatchObject({ given: 'diminutive', surname: 'similar', birthDate: 'near' });
  });
  it('tells a clerk’s slip in the date from another day of the same month', () => {
    expect(compare(p({}), p({ birthDate: '1981-03-04' })).levels.birthDate).toBe('near');
    expect(compare(p({}), p({ birthDate: '1980-03-17' })).levels.birthDate).toBe('otherDay');
    expect(compare(p({}), p({ birthDate: '1980-05-04' })).levels.birthDate).toBe('different');
  });
  it('Jaro–Winkler gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    // Longer than its scratch buffers, and again after a short one (the buffers are reused).
    expect(jaroWinkler('a'.repeat(100) + 'b', 'a'.repeat(100) + 'c')).toBeCloseTo(jaroWinkler('a'.repeat(100) + 'd', 'a'.repeat(100) + 'e'), 12);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('short lists (a batch of a few people)', () => {
  const A: ListedPerson[] = [
    { id: 'a1', surname: 'Коваленко', given: 'Микола', patronymic: 'Іванович', birthDate: '1985-03-12' },
    { id: 'a2', surname: 'Шевченко', given: 'Олександр', patronymic: 'Петрович', birthDate: '1990' },
    { id: 'a3', surname: 'Ковальова', given: 'Ольга', patronymic: 'Миколаївна', birthDate: '1979-11' },
    { id: 'a4', surname: 'Бондаренко', given: 'Тарас', patronymic: 'Григорович', birthDate: '1992-07-05' },
    { id: 'a5', surname: 'Гнатюк', given: 'Василь', patronymic: 'Андрійович', birthDate: '1968' },
  ];
  const B: ListedPerson[] = [
    { id: 'b1', surname: 'Коваленко', given: 'Николай', patronymic: 'Иванович', birthDate: '1985-03-12' },
    { id: 'b2', surname: 'Shevchenko', given: 'Aleksandr', patronymic: 'Petrovich', birthDate: '1990' },
    { id: 'b3', surname: 'Ковалева', given: 'Ольга', patronymic: 'Николаевна', birthDate: '1979-11-02' },
    { id: 'b4', surname: 'Бондаренко', given: 'Тарас', patronymic: 'Григорьевич', birthDate: '1992-05-07' },
    { id: 'b5', surname: 'Мельник', given: 'Сергей', patronymic: 'Петрович', birthDate: '1971' },
  ];
  const pairOf = (r: ReturnType<typeof reconcile>, a: string) => r.matches.find((m) => m.a === a);

  it('proposes the four people on both of two lists of five, feminine forms and a swapped day and month too', () => {
    const r = reconcile(A, B, table);
    for (const i of [1, 2, 3, 4]) {
      const m = pairOf(r, `a${i}`);
      expect(m?.b).toBe(`b${i}`);
      expect(['auto', 'review']).toContain(m!.band);
    }
    expect(r.matches).toHaveLength(4);
    expect(r.onlyA).toEqual(['a5']);
    expect(r.onlyB).toEqual(['b5']);
    expect(pairOf(r, 'a3')!.fields.map((f) => f.level)).toEqual(['exact', 'exact', 'equivalent', 'month']);
    expect(pairOf(r, 'a4')!.fields.map((f) => f.level)).toEqual(['exact', 'exact', 'equivalent', 'near']);
  });

  it('weighs levels sensibly with so few pairs, and explains with the weights the score used', () => {
    const r = reconcile(A, B, table);
    const w = r.model.fields.birthDate.weight;
    // EM alone gave a birth year 15.6 bits and an exact date 3.6 here.
    expect(w.exact).toBeGreaterThan(w.month!);
    expect(w.month).toBeGreaterThan(w.year!);
    expect(w.year).toBeLessThan(8);
    for (const m of r.matches) {
      expect(m.fields.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(m.weight, 9);
      for (const f of m.fields) expect(f.weight).toBe(f.level === 'missing' ? 0 : r.model.fields[f.field].weight[f.level]);
      expect(m.fields.every((f) => f.weight > 0)).toBe(true);
    }
    expect(r.model.prior * A.length * B.length).toBeLessThanOrEqual(5);
  });

  it('two by two: the one person on both lists, and not the stranger', () => {
    const r = reconcile([A[3]!, A[4]!], [B[4]!, B[3]!], table);
    expect(r.matches.map((m) => [m.a, m.b])).toEqual([['a4', 'b4']]);
    expect(['auto', 'review']).toContain(r.matches[0]!.band);
    expect(r.onlyA).toEqual(['a5']);
    expect(r.onlyB).toEqual(['b5']);
  });

  it('one by one: a match when it is one, nothing when it is not', () => {
    const yes = reconcile([A[2]!], [B[2]!], table);
    expect(yes.matches).toMatchObject([{ a: 'a3', b: 'b3' }]);
    expect(yes.matches[0]!.probability).toBeGreaterThan(0.5);
    expect(yes.matches[0]!.probability).toBeLessThanOrEqual(1);
    const no = reconcile([A[4]!], [B[4]!], table);
    expect(no.matches).toEqual([]);
    expect([no.onlyA, no.onlyB]).toEqual([['a5'], ['b5']]);
    // A namesake: same surname and given name, another father and another birth date.
    const namesake = reconcile([A[3]!], [{ id: 'n', surname: 'Бондаренко', given: 'Тарас', patronymic: 'Петрович', birthDate: '1970-01-01' }], table);
    expect(namesake.matches).toEqual([]);
  });

  it('empty lists: nothing to match, nobody lost', () => {
    expect(reconcile([], [], table)).toMatchObject({ matches: [], onlyA: [], onlyB: [], candidatePairs: 0 });
    expect(reconcile(A, [], table)).toMatchObject({ matches: [], onlyA: A.map((p) => p.id), onlyB: [] });
    expect(reconcile([], B, table)).toMatchObject({ matches: [], onlyA: [], onlyB: B.map((p) => p.id) });
    expect(Number.isFinite(reconcile([], [], table).model.prior)).toBe(true);
  });
});
