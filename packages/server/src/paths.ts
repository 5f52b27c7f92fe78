/**
 * The server package's folder. Files found relative to it (the migrations, the built web app, the demo's data)
 * resolve the same from the TypeScript sources (src/) and from the start bundle (dist/), which sit at the same depth.
 */
export const SERVER_ROOT = new URL('..', import.meta.url);
