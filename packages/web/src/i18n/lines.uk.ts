import type { lines_en } from './lines.en.ts';

/** Повідомлення сторінок ліній українською. */
export const lines_uk: Record<keyof typeof lines_en, string> = {
  'work.error.line_outside_area': 'Лінія не перетинає район інтересу, у якому її порівнюють.',
};
