import type { talks_en } from './talks.en.ts';

export const talks_uk: Record<keyof typeof talks_en, string> = {};
