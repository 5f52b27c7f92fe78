import type { Static, TSchema } from '@sinclair/typebox';
import { FormatRegistry } from '@sinclair/typebox';
import type { AccessDeps } from '../../use-cases/access/accounts.ts';

/** What every part of the loader needs: the ports and the process it writes into. */
export interface Ctx {
  deps: AccessDeps;
  processId: string;
}

/**
 * A record as written in the data files: the schema's type, with the fields the
 * schema fills by default (empty lists, flags) left optional.
 */
export type Draft<S extends TSchema, Defaulted extends keyof Static<S> = never> = Omit<Static<S>, Defaulted> & Partial<Pick<Static<S>, Defaulted>>;

/** A list of source references: `cite('src-16', ['src-19', 'point 1'])`. */
export function cite(...refs: (string | [string, string])[]): { sourceId: string; locator?: string }[] {
  return refs.map((r) => (typeof r === 'string' ? { sourceId: r } : { sourceId: r[0], locator: r[1] }));
}

/**
 * TypeBox's `Value` checks refuse any string format it has not been told about, and
 * SourceInput.url is `format: 'uri'` (the HTTP layer checks it with ajv-formats).
 * Register an equivalent check once so the demo's own validation accepts addresses.
 */
export function ensureUriFormat(): void {
  if (FormatRegistry.Has('uri')) return;
  FormatRegistry.Set('uri', (value) => {
    try {
      const u = new URL(value);
      return /^[a-z][a-z0-9+.-]*:$/i.test(u.protocol);
    } catch {
      return false;
    }
  });
}
