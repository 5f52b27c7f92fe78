import { createClient } from '@parley/contracts';

/** The one way the web app reaches the API: the typed client, on this page's own origin (the session cookie goes with it). */
export const api = createClient({ baseUrl: window.location.origin });
