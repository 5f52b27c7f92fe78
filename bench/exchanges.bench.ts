// Reconciling two sides' lists of detainees: a seeded generator writes the same people twice, once as the
// Ukrainian side writes them (Ukrainian Cyrillic or KMU 2010) and once as the Russian side does (Russian Cyrillic,
// ICAO 9303, BGN/PCGN, GOST 7.79 A or by ear), with diminutives, typos, swapped name order, partial and missing
// dates of birth and people on one list only; the truth is known, so precision and recall are measured. The
// baseline is the naive match (exact normalised full name and date of birth), run on the same lists.
// Goals for 10,000 × 10,000: < 1 s, auto-band precision ≥ 0.995, recall after review ≥ 0.97, review band < 5%.
import { loadNameTable } from '../packages/server/src/db/exchanges/name-table-file.ts';
import type { ListedPerson } from '../packages/server/src/domain/exchanges/compare.ts';
import { reconcile } from '../packages/server/src/domain/exchanges/reconcile.ts';

const N = Number(process.env.BENCH_DETAINEES ?? 10_000);
const OVERLAP = 0.85;

/** mulberry32: a seeded generator, so every run sees the same lists. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20171227);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;

// [uk, ru, ru diminutive, uk diminutive]
const MEN: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Олександр', 'Александр', 'Саша', 'Сашко'],
  ['Микола', 'Николай', 'Коля', 'Коля'],
  ['Володимир', 'Владимир', 'Вова', 'Володя'],
  ['Сергій', 'Сергей', 'Серёжа', 'Сергійко'],
  ['Олексій', 'Алексей', 'Лёша', 'Льоша'],
  ['Дмитро', 'Дмитрий', 'Дима', 'Дімка'],
  ['Андрій', 'Андрей', 'Андрюша', 'Андрійко'],
  ['Іван', 'Иван', 'Ваня', 'Іванко'],
  ['Петро', 'Петр', 'Петя', 'Петрик'],
  ['Михайло', 'Михаил', 'Миша', 'Мишко'],
  ['Юрій', 'Юрий', 'Юра', 'Юрко'],
  ['Анатолій', 'Анатолий', 'Толя', 'Толик'],
  ['Віктор', 'Виктор', 'Витя', 'Вітько'],
  ['Євген', 'Евгений', 'Женя', 'Женя'],
  ['Вячеслав', 'Вячеслав', 'Слава', 'Славко'],
  ['Костянтин', 'Константин', 'Костя', 'Костя'],
  ['Павло', 'Павел', 'Паша', 'Павлик'],
  ['Роман', 'Роман', 'Рома', 'Ромко'],
  ['Григорій', 'Григорий', 'Гриша', 'Гриць'],
  ['Василь', 'Василий', 'Вася', 'Васько'],
  ['Федір', 'Федор', 'Федя', 'Федько'],
  ['Артем', 'Артем', 'Тёма', 'Тьома'],
  ['Ігор', 'Игорь', 'Игорь', 'Ігор'],
  ['Олег', 'Олег', 'Олег', 'Олег'],
  ['Леонід', 'Леонид', 'Лёня', 'Льоня'],
  ['Борис', 'Борис', 'Боря', 'Боря'],
  ['Тарас', 'Тарас', 'Тарас', 'Тарасик'],
  ['Богдан', 'Богдан', 'Богдан', 'Бодя'],
  ['Станіслав', 'Станислав', 'Стас', 'Стас'],
  ['Максим', 'Максим', 'Макс', 'Макс'],
];
const WOMEN: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Олена', 'Елена', 'Лена', 'Олена'],
  ['Наталія', 'Наталья', 'Наташа', 'Наталія'],
  ['Тетяна', 'Татьяна', 'Таня', 'Таня'],
  ['Ольга', 'Ольга', 'Оля', 'Оля'],
  ['Катерина', 'Екатерина', 'Катя', 'Катя'],
  ['Ірина', 'Ирина', 'Ира', 'Іра'],
  ['Галина', 'Галина', 'Галя', 'Галя'],
  ['Юлія', 'Юлия', 'Юля', 'Юля'],
];
// father's name: [uk masc, uk fem, ru masc, ru fem] patronymic
const FATHERS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Олександрович', 'Олександрівна', 'Александрович', 'Александровна'],
  ['Миколайович', 'Миколаївна', 'Николаевич', 'Николаевна'],
  ['Володимирович', 'Володимирівна', 'Владимирович', 'Владимировна'],
  ['Сергійович', 'Сергіївна', 'Сергеевич', 'Сергеевна'],
  ['Олексійович', 'Олексіївна', 'Алексеевич', 'Алексеевна'],
  ['Дмитрович', 'Дмитрівна', 'Дмитриевич', 'Дмитриевна'],
  ['Андрійович', 'Андріївна', 'Андреевич', 'Андреевна'],
  ['Іванович', 'Іванівна', 'Иванович', 'Ивановна'],
  ['Петрович', 'Петрівна', 'Петрович', 'Петровна'],
  ['Михайлович', 'Михайлівна', 'Михайлович', 'Михайловна'],
  ['Юрійович', 'Юріївна', 'Юрьевич', 'Юрьевна'],
  ['Васильович', 'Василівна', 'Васильевич', 'Васильевна'],
  ['Вікторович', 'Вікторівна', 'Викторович', 'Викторовна'],
  ['Григорович', 'Григорівна', 'Григорьевич', 'Григорьевна'],
  ['Анатолійович', 'Анатоліївна', 'Анатольевич', 'Анатольевна'],
];
// surname stems [uk, ru] and endings [uk masc, uk fem, ru masc, ru fem]
const STEMS: ReadonlyArray<readonly [string, string]> = [
  ['Коваль', 'Коваль'],
  ['Шевч', 'Шевч'],
  ['Бондар', 'Бондар'],
  ['Ткач', 'Ткач'],
  ['Кравч', 'Кравч'],
  ['Мельнич', 'Мельнич'],
  ['Лис', 'Лыс'],
  ['Руд', 'Руд'],
  ['Марч', 'Марч'],
  ['Петр', 'Петр'],
  ['Гонч', 'Гонч'],
  ['Сав', 'Сав'],
  ['Литвин', 'Литвин'],
  ['Бойч', 'Бойч'],
  ['Павл', 'Павл'],
  ['Кушн', 'Кушн'],
  ['Олійн', 'Олейн'],
  ['Гриц', 'Гриц'],
  ['Дуб', 'Дуб'],
  ['Мороз', 'Мороз'],
  ['Клим', 'Клим'],
  ['Сидор', 'Сидор'],
  ['Тимош', 'Тимош'],
  ['Федор', 'Федор'],
  ['Кирил', 'Кирилл'],
  ['Остап', 'Остап'],
  ['Зінч', 'Зинч'],
  ['Білич', 'Былич'],
  ['Ярош', 'Ярош'],
  ['Гнат', 'Гнат'],
  ['Юрч', 'Юрч'],
  ['Заїч', 'Заич'],
  ['Кисел', 'Кисел'],
  ['Нечипор', 'Нечипор'],
  ['Гуц', 'Гуц'],
  ['Степан', 'Степан'],
  ['Мирош', 'Мирош'],
  ['Семен', 'Семен'],
  ['Пилип', 'Филипп'],
  ['Дорош', 'Дорош'],
  ['Гаврил', 'Гаврил'],
  ['Карп', 'Карп'],
  ['Назар', 'Назар'],
  ['Денис', 'Денис'],
  ['Гордієнк', 'Гордеенк'],
];
const ENDINGS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['енко', 'енко', 'енко', 'енко'],
  ['ук', 'ук', 'ук', 'ук'],
  ['юк', 'юк', 'юк', 'юк'],
  ['ов', 'ова', 'ов', 'ова'],
  ['ський', 'ська', 'ский', 'ская'],
  ['ець', 'ець', 'ец', 'ец'],
  ['ак', 'ак', 'ак', 'ак'],
  ['ич', 'ич', 'ич', 'ич'],
  ['ін', 'іна', 'ин', 'ина'],
];

type Table = Readonly<Record<string, string>>;
const table = (pairs: string): Table => Object.fromEntries(pairs.split(' ').map((p) => p.split('=') as [string, string]));
const BASE = 'а=a б=b в=v д=d з=z к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f ж=zh х=kh ц=ts ч=ch ш=sh щ=shch ь= ъ=';
const KMU = table(`${BASE} г=h ґ=g е=e є=ie и=y і=i ї=i й=i ю=iu я=ia ’=`);
const ICAO = table(`${BASE} г=g е=e ё=e и=i й=i ы=y ъ=ie э=e ю=iu я=ia`);
const BGN = table(`${BASE} г=g е=e ё=ë и=i й=y ы=y э=e ю=yu я=ya ь=' ъ="`);
const GOST = table('а=a б=b в=v г=g д=d е=e ё=ë ж=ž з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=h ц=c ч=č ш=š щ=ŝ ъ=ʺ ы=y ь=ʹ э=è ю=û я=â');
const AD_HOC = table(`${BASE} г=g е=e ё=yo и=i й=y ы=y э=e ю=yu я=ya х=h ц=tz кс=x`);
const romanise = (text: string, t: Table) => {
  let out = '';
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const two = t[lower.slice(i, i + 2)];
    if (two !== undefined) {
      out += two;
      i++;
      continue;
    }
    out += t[lower[i]!] ?? lower[i];
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
};

function typo(s: string): string {
  if (s.length < 4) return s;
  const i = 1 + Math.floor(rand() * (s.length - 2));
  const kind = rand();
  if (kind < 0.4) return s.slice(0, i) + s.slice(i + 1);
  if (kind < 0.7) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return s.slice(0, i) + s[i] + s.slice(i);
}

interface Truth {
  uk: { surname: string; given: string; patronymic: string; dim: string };
  ru: { surname: string; given: string; patronymic: string; dim: string };
  birth: string;
}

function person(): Truth {
  const woman = chance(0.12);
  const g = pick(woman ? WOMEN : MEN);
  const f = pick(FATHERS);
  const [su, sr] = pick(STEMS);
  const e = pick(ENDINGS);
  const y = 1960 + Math.floor(rand() * 45);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return {
    uk: { surname: su + (woman ? e[1] : e[0]), given: g[0], patronymic: woman ? f[1] : f[0], dim: g[3] },
    ru: { surname: sr + (woman ? e[3] : e[2]), given: g[1], patronymic: woman ? f[3] : f[2], dim: g[2] },
    birth: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  };
}

function written(t: Truth, side: 'uk' | 'ru', id: string): ListedPerson {
  const n = t[side];
  const scheme: Table | null = side === 'uk' ? (chance(0.4) ? KMU : null) : pick<Table | null>([null, null, ICAO, BGN, GOST, AD_HOC, AD_HOC]);
  const w = (s: string) => (scheme ? romanise(s, scheme) : s);
  let surname = w(n.surname);
  let given = w(chance(0.05) ? n.dim : n.given);
  if (chance(0.05)) surname = typo(surname);
  if (chance(0.03)) given = typo(given);
  if (chance(0.03)) [surname, given] = [given, surname];
  const patronymic = chance(side === 'uk' ? 0.05 : 0.15) ? null : w(n.patronymic);
  let birthDate: string | null = t.birth;
  const r = rand();
  if (r < 0.1) birthDate = null;
  else if (r < 0.2) birthDate = t.birth.slice(0, 4);
  else if (r < 0.3) birthDate = t.birth.slice(0, 7);
  else if (r < 0.33 && Number(t.birth.slice(8)) <= 12) birthDate = `${t.birth.slice(0, 4)}-${t.birth.slice(8)}-${t.birth.slice(5, 7)}`;
  return { id, surname, given, patronymic, birthDate };
}

export interface ExchangeFigures {
  records: number;
  shared: number;
  tableMs: number;
  ms: number;
  cpuMs: number;
  heapMb: number;
  candidatePairs: number;
  iterations: number;
  auto: number;
  autoRight: number;
  review: number;
  foundAfterReview: number;
  naive: { ms: number; cpuMs: number; matches: number; right: number };
}

/** The figures the bench prints, as numbers (a unit test holds the engine to them). */
export function exchangeFigures(): ExchangeFigures {
  const shared = Math.round(N * OVERLAP);
  const people = Array.from({ length: 2 * N - shared }, person);
  const A: ListedPerson[] = [];
  const B: ListedPerson[] = [];
  const truthOfA = new Map<string, number>();
  const truthOfB = new Map<string, number>();
  for (let i = 0; i < N; i++) {
    A.push(written(people[i]!, 'uk', `a${i}`));
    truthOfA.set(`a${i}`, i);
  }
  // List B: the first `shared` people again, then people only the other side lists; shuffled.
  const bPeople = [...Array.from({ length: shared }, (_, i) => i), ...Array.from({ length: N - shared }, (_, i) => N + i)];
  for (let i = bPeople.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [bPeople[i], bPeople[j]] = [bPeople[j]!, bPeople[i]!];
  }
  bPeople.forEach((p, j) => {
    B.push(written(people[p]!, 'ru', `b${j}`));
    truthOfB.set(`b${j}`, p);
  });

  const t0 = performance.now();
  const names = loadNameTable();
  const tableMs = performance.now() - t0;

  const heapBefore = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = reconcile(A, B, names);
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t1;
  // The machine is shared: CPU time is what the engine itself spent, wall time includes waiting for a core.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  if (process.env.BENCH_DEBUG) {
    console.log(result.model.prior, JSON.stringify(Object.fromEntries(Object.entries(result.model.fields).map(([f, w]) => [f, w.weight]))));
    console.log('review with a close competitor', result.matches.filter((x) => x.band === 'review' && x.closeCompetitor).length);
    for (const m of result.matches.filter((x) => x.band === 'review').slice(0, 8))
      console.log(m.probability.toFixed(3), m.fields.map((f) => `${f.a}~${f.b}:${f.level}`).join(' '));
  }
  const same = (a: string, b: string) => truthOfA.get(a) === truthOfB.get(b);
  const auto = result.matches.filter((m) => m.band === 'auto');
  const review = result.matches.filter((m) => m.band === 'review');
  const autoRight = auto.filter((m) => same(m.a, m.b)).length;
  const foundAfterReview = autoRight + review.filter((m) => same(m.a, m.b)).length;

  // The naive baseline, on the same lists.
  const t2 = performance.now();
  const naiveCpu0 = process.cpuUsage();
  const norm = (p: ListedPerson) =>
    `${[p.surname, p.given, p.patronymic ?? ''].join(' ').normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim()}|${p.birthDate ?? ''}`;
  const byKey = new Map<string, string>();
  for (const p of A) byKey.set(norm(p), p.id);
  const naive: [string, string][] = [];
  for (const p of B) {
    const a = byKey.get(norm(p));
    if (a) naive.push([a, p.id]);
  }
  const naiveMs = performance.now() - t2;
  const naiveCpuMs = (process.cpuUsage(naiveCpu0).user + process.cpuUsage(naiveCpu0).system) / 1000;
  const naiveRight = naive.filter(([a, b]) => same(a, b)).length;

  return {
    records: N,
    shared,
    tableMs,
    ms,
    cpuMs,
    heapMb,
    candidatePairs: result.candidatePairs,
    iterations: result.model.iterations,
    auto: auto.length,
    autoRight,
    review: review.length,
    foundAfterReview,
    naive: { ms: naiveMs, cpuMs: naiveCpuMs, matches: naive.length, right: naiveRight },
  };
}

export async function benchExchanges(): Promise<string> {
  const { shared, tableMs, ms, cpuMs, heapMb, candidatePairs, iterations, auto, autoRight, review, foundAfterReview, naive } = exchangeFigures();
  const f3 = (x: number) => x.toFixed(3);
  return [
    `exchanges: ${N.toLocaleString('en')} × ${N.toLocaleString('en')} records, ${shared.toLocaleString('en')} people on both lists (seeded)`,
    `  name table loaded in ${tableMs.toFixed(0)} ms (not counted below)`,
    `  engine   ${ms.toFixed(0).padStart(6)} ms wall, ${cpuMs.toFixed(0)} ms CPU  heap +${heapMb.toFixed(0)} MB  candidate pairs ${candidatePairs.toLocaleString('en')}  EM iterations ${iterations}`,
    `           auto ${auto}  precision ${f3(autoRight / Math.max(1, auto))}   recall after review ${f3(foundAfterReview / shared)}   review band ${review} (${((100 * review) / N).toFixed(2)}% of records)`,
    `  baseline ${naive.ms.toFixed(0).padStart(6)} ms wall, ${naive.cpuMs.toFixed(0)} ms CPU  matches ${naive.matches}  precision ${f3(naive.right / Math.max(1, naive.matches))}   recall ${f3(naive.right / shared)}`,
    `  goals: < 1000 ms, precision ≥ 0.995, recall after review ≥ 0.97, review band < 5%`,
  ].join('\n');
}
