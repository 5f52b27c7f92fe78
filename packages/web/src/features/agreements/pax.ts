import type { MessageKey } from '../../i18n/index.tsx';

/**
 * The PA-X provision categories and stages the process uses, each with its full name in the records i18n area
 * (records.category.* / records.stage.*), so no bare code reaches a reader. A code outside this list is shown
 * with a note that it has no catalogue entry, never alone.
 */
export const CATEGORIES = [
  'Cea',
  'Mon',
  'Withd',
  'Weap',
  'Zone',
  'Line',
  'Mines',
  'Air',
  'Border',
  'Sec',
  'Pris',
  'Amn',
  'Hum',
  'Decent',
  'Elec',
  'Dial',
  'Eco',
] as const;
export const STAGES = ['Pre', 'Cea/Ceas', 'SubPar/MultIss', 'SubComp', 'Imp', 'Ren', 'Oth'] as const;

const known = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** The message key of a category's full name, or null for a code without one. */
export const categoryKey = (code: string): MessageKey | null => (known(CATEGORIES, code) ? (`records.category.${code}` as MessageKey) : null);
export const stageKey = (code: string): MessageKey | null => (known(STAGES, code) ? (`records.stage.${code}` as MessageKey) : null);
