import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** Fired when the app itself changes the query string (pushState fires no event of its own). */
const CHANGED = 'parley:query';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}
const snapshot = () => window.location.search;

export type QueryValues<K extends string> = Record<K, string>;

/**
 * A view's state (filters, order) kept in the query string, so the address shares the view and Back and
 * Forward step through earlier filters. Only the named keys are read; others in the address are kept.
 * An empty value removes its key, so the default view has a clean address.
 */
export function useQueryState<K extends string>(
  keys: readonly K[],
): [QueryValues<K>, (patch: Partial<Record<K, string | null>>, opts?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, snapshot);
  const values = useMemo(() => {
    const params = new URLSearchParams(search);
    return Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as QueryValues<K>;
  }, [search, keys.join('&')]);
  const set = useCallback((patch: Partial<Record<K, string | null>>, opts: { replace?: boolean } = {}) => {
    const params = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch) as [K, string | null | undefined][]) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    const query = params.toString();
    const target = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (target === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (opts.replace) window.history.replaceState(window.history.state, '', target);
    else window.history.pushState(window.history.state, '', target);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [values, set];
}
