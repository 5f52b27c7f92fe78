/**
 * The withdrawal distances the Minsk documents set, per agreement and weapon category
 * (facts: data/minsk-2014.md). The documents give zone widths; what a weapon must keep is
 * the distance on its own side of the line, so a zone "at least 50 km wide" built "by
 * equal distances" is 25 km per side. The line a distance is measured from differs: the
 * memorandum froze the line of 19 September 2014; the package of 12 February 2015 has
 * Ukraine measure from the de facto line and the armed formations from the memorandum's.
 */

export type RuleSetId = 'memorandum-2014-09-19' | 'package-2015-02-12' | 'addendum-2015-09-29';

/** Which contact line a distance is measured from: the one in force on the sighting's day, or the memorandum's. */
export type Reference = 'de_facto' | 'memorandum_line';

export interface WithdrawalRule {
  ruleSet: RuleSetId;
  /** The agreement as the rule cites it. */
  agreement: string;
  signedOn: string;
  category: string;
  /** The width of the whole zone as the text gives it. */
  zoneWidthKm: number;
  /** The distance a weapon of this category keeps from its reference line. */
  requiredKm: number;
  /** The reference line for Ukraine's weapons, and for everyone else's. */
  referenceForUkraine: Reference;
  referenceForOthers: Reference;
  text: string;
}

/** The party the package names as measuring from the de facto line. */
export const UKRAINE = 'ukr';
/** The memorandum's line is the contact line as it stood on the day it was signed. */
export const MEMORANDUM_LINE_DATE = '2014-09-19';

const MEMO = 'Memorandum of 19 September 2014, point 4';
const PACKAGE = 'Package of Measures of 12 February 2015, point 2';
const ADDENDUM = 'Addendum of 29 September 2015';

const rules = (
  ruleSet: RuleSetId,
  agreement: string,
  signedOn: string,
  categories: string[],
  zoneWidthKm: number,
  refs: [Reference, Reference],
  text: string,
): WithdrawalRule[] =>
  categories.map((category) => ({
    ruleSet,
    agreement,
    signedOn,
    category,
    zoneWidthKm,
    requiredKm: zoneWidthKm / 2,
    referenceForUkraine: refs[0],
    referenceForOthers: refs[1],
    text,
  }));

export const WITHDRAWAL_RULES: readonly WithdrawalRule[] = [
  // "Weapons over 100 mm": the 120 mm mortars and the 100 mm MT-12 are named in the same point.
  ...rules(
    'memorandum-2014-09-19',
    MEMO,
    '2014-09-19',
    ['artillery_100mm_plus', 'mortar_120mm', 'anti_tank_gun', 'mlrs', 'heavy_mlrs', 'tactical_missile'],
    30,
    ['memorandum_line', 'memorandum_line'],
    'Weapons of calibre over 100 mm withdrawn at least 15 km from the contact line on each side (a security zone of at least 30 km).',
  ),
  ...rules(
    'package-2015-02-12',
    PACKAGE,
    '2015-02-12',
    ['artillery_100mm_plus'],
    50,
    ['de_facto', 'memorandum_line'],
    'Artillery of 100 mm calibre and more: a security zone at least 50 km wide.',
  ),
  ...rules(
    'package-2015-02-12',
    PACKAGE,
    '2015-02-12',
    ['mlrs'],
    70,
    ['de_facto', 'memorandum_line'],
    'Multiple rocket launchers: a security zone 70 km wide.',
  ),
  ...rules(
    'package-2015-02-12',
    PACKAGE,
    '2015-02-12',
    ['heavy_mlrs', 'tactical_missile'],
    140,
    ['de_facto', 'memorandum_line'],
    'Tornado-S, Uragan and Smerch MLRS and Tochka / Tochka-U missiles: a security zone 140 km wide.',
  ),
  // The addendum speaks of "the contact line"; the line in force is the one the forces face.
  ...rules(
    'addendum-2015-09-29',
    ADDENDUM,
    '2015-09-29',
    ['tank', 'artillery_under_100mm', 'mortar_under_120mm', 'mortar_120mm'],
    30,
    ['de_facto', 'de_facto'],
    'Tanks, artillery under 100 mm and mortars up to 120 mm withdrawn 15 km from the contact line on each side.',
  ),
];

/**
 * The rules to check a day against: those of the agreement asked for (even before it was
 * signed, to ask "what if"), else every rule signed by that day.
 */
export function rulesFor(date: string, ruleSet?: RuleSetId, category?: string): WithdrawalRule[] {
  return WITHDRAWAL_RULES.filter((r) => (ruleSet ? r.ruleSet === ruleSet : r.signedOn <= date) && (!category || r.category === category));
}

/** One buffer per reference line and distance: the zones a map draws for a day. */
export interface ZoneSpec {
  ruleSet: RuleSetId;
  agreement: string;
  reference: Reference;
  measuredBy: 'ukraine' | 'others' | 'both';
  requiredKm: number;
  zoneWidthKm: number;
  categories: string[];
}

export function zonesFor(date: string, ruleSet?: RuleSetId): ZoneSpec[] {
  const out = new Map<string, ZoneSpec>();
  for (const r of rulesFor(date, ruleSet)) {
    const sides: [Reference, ZoneSpec['measuredBy']][] =
      r.referenceForUkraine === r.referenceForOthers
        ? [[r.referenceForUkraine, 'both']]
        : [
            [r.referenceForUkraine, 'ukraine'],
            [r.referenceForOthers, 'others'],
          ];
    for (const [reference, measuredBy] of sides) {
      const key = `${r.ruleSet}|${reference}|${measuredBy}|${r.requiredKm}`;
      const z = out.get(key) ?? {
        ruleSet: r.ruleSet,
        agreement: r.agreement,
        reference,
        measuredBy,
        requiredKm: r.requiredKm,
        zoneWidthKm: r.zoneWidthKm,
        categories: [],
      };
      z.categories.push(r.category);
      out.set(key, z);
    }
  }
  return [...out.values()];
}
