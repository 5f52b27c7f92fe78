import type { admin_en } from './admin.en.ts';

export const admin_ru: Record<keyof typeof admin_en, string> = {};
