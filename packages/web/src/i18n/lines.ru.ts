import type { lines_en } from './lines.en.ts';

/** Сообщения страниц линий на русском. */
export const lines_ru: Record<keyof typeof lines_en, string> = {
  'work.error.line_outside_area': 'Линия не пересекает район интереса, в котором её сравнивают.',
};
