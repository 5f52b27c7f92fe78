import type { work_en } from './work.en.ts';

export const work_uk: Record<keyof typeof work_en, string> = {};
