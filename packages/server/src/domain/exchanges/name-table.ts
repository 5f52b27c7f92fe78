import { DIMINUTIVES } from './diminutives.ts';
import { nameKey, surnameKey } from './name-key.ts';

/**
 * The given-name, patronymic and surname equivalence table: Ukrainian ↔ Russian pairs (Олександр ↔ Александр,
 * Миколайович ↔ Николаевич, Ковальова ↔ Ковалева) joined into classes of name keys, plus the diminutives, which
 * point at classes without joining them.
 *
 * The source pairs (ua2ru.csv) were compiled from public asset declarations and are noisy, so a pair is kept only
 * when both sides are one plain word in Cyrillic, and a class that would grow past MAX_CLASS keys through a chain
 * of pairs is not joined further: a bad pair may then cost a match, never merge two common names.
 */
export interface NameTable {
  /** The class of a key (the key itself when the table does not know it). */
  classOf(key: string): string;
  /** The classes a diminutive key may stand for (empty when it is not a known diminutive). */
  diminutiveOf(key: string): readonly string[];
  /** Number of keys the table knows (for reports). */
  readonly size: number;
}

const MAX_CLASS = 8;
const PLAIN_WORD = /^[\p{Script=Cyrillic}'’ʼ-]+$/u;

export interface NamePair {
  uk: string;
  ru: string;
}

/** The key the table joins: the surname form normalisation applies too, so Ковальова and Ковалева share one. */
const tableKey = (name: string) => surnameKey(name);

export function buildNameTable(pairs: Iterable<NamePair>): NameTable {
  const parent = new Map<string, string>();
  const members = new Map<string, number>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) {
      const p = parent.get(r);
      if (p === undefined) {
        parent.set(r, r);
        members.set(r, 1);
        return r;
      }
      r = p;
    }
    // Path halving is not needed at these sizes; compress fully once found.
    let c = k;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const sa = members.get(ra)!;
    const sb = members.get(rb)!;
    if (sa + sb > MAX_CLASS) return;
    // The smaller key string as representative keeps class ids stable whatever the order of the rows.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    members.set(root, sa + sb);
  };
  for (const { uk, ru } of pairs) {
    const a = uk.trim();
    const b = ru.trim();
    if (!PLAIN_WORD.test(a) || !PLAIN_WORD.test(b)) continue;
    const ka = tableKey(a);
    const kb = tableKey(b);
    if (!ka || !kb || ka.includes(' ') || kb.includes(' ')) continue;
    union(ka, kb);
  }
  const diminutives = new Map<string, Set<string>>();
  for (const [forms, full] of DIMINUTIVES) {
    const fullKeys = full.split(' ').map(tableKey);
    // The full forms of one line are one name in two languages (and its feminine): join them before pointing.
    for (const k of fullKeys.slice(1)) if (fullKeys.length <= 2) union(fullKeys[0]!, k);
    for (const form of forms.split(' ')) {
      const k = nameKey(form);
      const set = diminutives.get(k) ?? new Set<string>();
      for (const f of fullKeys) set.add(find(f));
      diminutives.set(k, set);
    }
  }
  const frozen = new Map<string, readonly string[]>([...diminutives].map(([k, v]) => [k, [...v]]));
  const known = parent.size;
  return {
    classOf: (key) => (parent.has(key) ? find(key) : key),
    diminutiveOf: (key) => frozen.get(key) ?? [],
    size: known,
  };
}

/** Reads the table's CSV rows (`uk,ru,count`); the caller parses the file, this keeps the domain free of I/O. */
export function namePairsFromRows(rows: Iterable<readonly string[]>): NamePair[] {
  const out: NamePair[] = [];
  for (const [uk, ru] of rows) if (uk && ru && uk !== 'uk') out.push({ uk, ru });
  return out;
}
