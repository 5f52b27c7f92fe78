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
  it('Jaro–Winkler gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});
