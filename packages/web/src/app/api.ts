import { createClient } from '@parley/contracts';

/** A mediator's choice to see a process as the public or one party sees it; kept for the tab, per process. */
export type ViewAs = { processId: string; as: 'public' } | { processId: string; as: 'party'; partyId: string };

const VIEW_AS_KEY = 'parley.viewAs';
const VIEW_AS_HEADER = 'parley-view-as';

export function currentViewAs(): ViewAs | null {
  try {
    const raw = sessionStorage.getItem(VIEW_AS_KEY);
    const v: unknown = raw ? JSON.parse(raw) : null;
    if (typeof v !== 'object' || v === null || !('processId' in v) || typeof v.processId !== 'string' || !('as' in v)) return null;
    if (v.as === 'public') return { processId: v.processId, as: 'public' };
    if (v.as === 'party' && 'partyId' in v && typeof v.partyId === 'string') return { processId: v.processId, as: 'party', partyId: v.partyId };
  } catch {
    // storage may be disabled: then there is no view-as
  }
  return null;
}

/**
 * Sets or clears the view-as and loads the page again, so that everything on it, the shared process data included,
 * is read as the chosen reader (a partial refresh could leave a record read as the mediator on screen).
 */
export function chooseViewAs(v: ViewAs | null) {
  try {
    if (v) sessionStorage.setItem(VIEW_AS_KEY, JSON.stringify(v));
    else sessionStorage.removeItem(VIEW_AS_KEY);
  } catch {
    // storage may be disabled; the reload then shows the reader's own view
  }
  window.location.reload();
}

/** Adds the view-as header to requests about the process it was chosen for; the server honours it for its mediator only. */
const viewAsFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  const v = currentViewAs();
  if (v && new URL(request.url).pathname.startsWith(`/api/processes/${encodeURIComponent(v.processId)}/`))
    request.headers.set(VIEW_AS_HEADER, v.as === 'public' ? 'public' : `party:${v.partyId}`);
  return fetch(request);
};

/** The one way the web app reaches the API: the typed client, on this page's own origin (the session cookie goes with it). */
export const api = createClient({ baseUrl: window.location.origin, fetch: viewAsFetch });
