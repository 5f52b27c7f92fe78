// `npm start`: builds what changed since the last start, then serves. The web app (Vite) and the server (one
// esbuild bundle: loading it takes about a second less CPU than compiling the TypeScript sources on every start)
// are each rebuilt only when a hash of every file their build reads differs from the one kept beside the build.
// The web app builds in a child process while the server opens its database (on a first start the longest step);
// the server waits for it only before it begins to serve (WEB_BUILD below).
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SHARED = ['packages/contracts/src', 'packages/tlog/src', 'package-lock.json'];
const SERVER_BUNDLE = 'packages/server/dist/serve.mjs';
const INLINED = /^(kysely|@sinclair\/typebox)(\/|$)/;

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

async function buildIfChanged(what, inputs, stamp, run) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  const digest = hash.digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return console.log(`${what} is up to date`);
  await run();
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
}

/** The promise the server's `serve` awaits before serving the web app (packages/server/src/cli/commands.ts). */
const WEB_BUILD = Symbol.for('parley.webBuild');
globalThis[WEB_BUILD] = buildIfChanged(
  'web app',
  ['packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts', 'packages/web/package.json', ...SHARED],
  'packages/web/dist/.sources-sha256',
  () =>
    new Promise((resolve) =>
      // Always the production build: Vite follows NODE_ENV when it is set, and a shell or test runner that sets it
      // (vitest sets "test") would otherwise get React's development build, twice as large and much slower.
      spawn('npm', ['run', 'build', '-w', '@parley/web'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } }).on('close', (status) => {
        if (status !== 0) process.exit(status ?? 1);
        resolve();
      }),
    ),
);

await buildIfChanged('server', ['packages/server/src', 'packages/server/package.json', ...SHARED], 'packages/server/dist/.sources-sha256', () =>
  build({
    entryPoints: ['packages/server/src/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // Our workspaces are bundled, and so are the plain-JavaScript libraries made of hundreds of small modules
    // (INLINED: loading kysely's and TypeBox's files one by one took about 0.3 s of every start); every other
    // package loads from node_modules as installed (PGlite finds its WebAssembly beside its own files).
    plugins: [
      {
        name: 'installed-packages',
        setup: (b) =>
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@parley/') || INLINED.test(args.path) ? undefined : { external: true })),
      },
    ],
  }),
);

process.argv = [process.argv[0], SERVER_BUNDLE, 'serve', ...process.argv.slice(2)];
await import(pathToFileURL(SERVER_BUNDLE).href);
