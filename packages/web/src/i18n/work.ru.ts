import type { work_en } from './work.en.ts';

export const work_ru: Record<keyof typeof work_en, string> = {};
