import { useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: Error & { status?: number } } | { state: 'ready'; data: T };

const sameDeps = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Runs `load` whenever `deps` change and keeps only the latest answer. An answer is shown only
 * with the deps it was loaded for: in the render after they change, before the effect runs,
 * the old answer would otherwise flash (a "not found" for the process just left).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [result, setResult] = useState<{ deps: unknown[]; loaded: Loaded<T> }>({ deps, loaded: { state: 'loading' } });
  useEffect(() => {
    let live = true;
    setResult({ deps, loaded: { state: 'loading' } });
    load().then(
      (data) => live && setResult({ deps, loaded: { state: 'ready', data } }),
      (error: Error) => live && setResult({ deps, loaded: { state: 'error', error } }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return sameDeps(result.deps, deps) ? result.loaded : { state: 'loading' };
}
