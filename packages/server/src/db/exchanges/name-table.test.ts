// Beside the loader rather than the domain code: it needs the shipped table, and domain code may not read files.
import { describe, expect, it } from 'vitest';
import { loadNameTable } from './name-table-file.ts';
import { buildNameTable } from '../../domain/exchanges/name-table.ts';
import { nameKey, surnameKey } from '../../domain/exchanges/name-key.ts';

const table = loadNameTable();
const cls = (name: string) => table.classOf(surnameKey(name));

describe('the equivalence table (ua2ru.csv and the diminutives)', () => {
  it.each([
    ['Олександр', 'Александр', 'Aleksandr', 'Oleksandr'],
    ['Микола', 'Николай', 'Nikolai', 'Mykola', 'Nikolay'],
    ['Олексій', 'Алексей', 'Aleksey', 'Oleksii'],
    ['Дмитро', 'Дмитрий', 'Dmitriy', 'Dmytro'],
    ['Миколайович', 'Николаевич', 'Nikolaevich', 'Mykolaiovych'],
    ['Олександрівна', 'Александровна', 'Aleksandrovna'],
    ['Ковальова', 'Ковалева', 'Kovaleva'],
  ])('%s is one class with its Russian form and their romanisations', (...names) => {
    for (const n of names) expect(cls(n), n).toBe(cls(names[0]!));
  });

  it('keeps different names apart', () => {
    expect(cls('Олександр')).not.toBe(cls('Олексій'));
    expect(cls('Микола')).not.toBe(cls('Михайло'));
  });

  it('points a diminutive at every full name it may stand for, joining none of them', () => {
    const sasha = table.diminutiveOf(nameKey('Саша'));
    expect(sasha).toContain(cls('Олександр'));
    expect(sasha).toContain(cls('Олександра'));
    expect(table.diminutiveOf(nameKey('Kolya'))).toEqual([cls('Микола')]);
    const slava = table.diminutiveOf(nameKey('Слава'));
    expect(slava).toContain(cls('Ярослав'));
    expect(slava).toContain(cls('Вячеслав'));
    expect(cls('Ярослав')).not.toBe(cls('Вячеслав'));
  });

  it('does not let a chain of noisy pairs merge a class past its bound', () => {
    const ends = [...'бвдзклмнпрстф'];
    const chain = ends.slice(1).map((c, i) => ({ uk: `Ка${ends[i]}`, ru: `Ка${c}` }));
    const t = buildNameTable(chain);
    const classes = new Set(chain.map((p) => t.classOf(surnameKey(p.uk))));
    expect(classes.size).toBeGreaterThan(1);
  });

  it('skips rows that are not one plain Cyrillic word', () => {
    const t = buildNameTable([
      { uk: 'Коте Соткілава, Соткилава', ru: 'Котэ Соткилава' },
      { uk: 'Γκαλινα', ru: 'Галина' },
    ]);
    expect(t.size).toBe(buildNameTable([]).size);
  });
});
