// `npm start` builds the web app only when its sources changed since the last build: a hash of every
// file the build reads (the web's and the contracts' sources, the lock file) is kept beside the build.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = [
  'packages/web/src',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/contracts/src',
  'packages/tlog/src',
  'package-lock.json',
];
const STAMP = 'packages/web/dist/.sources-sha256';

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

const hash = createHash('sha256');
for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
const digest = hash.digest('hex');

if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) {
  console.log('web app is up to date (packages/web/dist)');
  process.exit(0);
}
const built = spawnSync('npm', ['run', 'build', '-w', '@parley/web'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
writeFileSync(STAMP, digest);
