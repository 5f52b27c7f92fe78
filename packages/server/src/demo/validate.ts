import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * The demo calls use cases directly, not through HTTP, so it validates its own
 * input against the same contract schemas (and fills the same defaults) first.
 */
export function validated<S extends TSchema>(schema: S, input: unknown, what: string): Static<S> {
  const withDefaults = Value.Default(schema, structuredClone(input));
  const first = Value.Errors(schema, withDefaults).First();
  if (first) throw new Error(`demo data for ${what} is invalid at ${first.path || '/'}: ${first.message}`);
  return withDefaults as Static<S>;
}
