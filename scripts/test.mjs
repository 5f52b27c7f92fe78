// The README's test command: type-check, lint, check formatting, lint the OpenAPI document and check the client
// types generated from it, then every test. The database suite
// runs on PGlite and, when TEST_DATABASE_URL is set, again on PostgreSQL; each
// project runs on its own so the counts per engine are exact.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = (...args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;

// The API's OpenAPI document must pass redocly lint (redocly.yaml) with no errors. Writing it starts an
// in-memory database, so it runs while the type check and the linter do.
const docDir = mkdtempSync(join(tmpdir(), 'parley-openapi-'));
const doc = join(docDir, 'openapi.json');
const written = new Promise((done) => spawn('npx', ['tsx', 'scripts/openapi-document.ts', doc], { stdio: 'inherit' }).on('close', (code) => done(code === 0)));

if (npx('tsc', '-p', 'tsconfig.json', '--noEmit') !== 0) process.exit(1);
if (npx('eslint', '.') !== 0) process.exit(1);
if (npx('prettier', '--check', '--log-level', 'warn', '.') !== 0) {
  console.log('Some files do not match Prettier: run npm run format.');
  process.exit(1);
}

const linted = (await written) && npx('redocly', 'lint', doc, '--config', 'redocly.yaml', '--format', 'summary') === 0;
// The typed client's types must be what this document generates, and give every success a body type.
const generated = linted && spawnSync('npx', ['tsx', 'scripts/generate-api.ts', '--check', doc], { stdio: 'inherit' }).status === 0;
rmSync(docDir, { recursive: true, force: true });
if (!linted) {
  console.log('redocly lint found errors in the OpenAPI document.');
  process.exit(1);
}
if (!generated) process.exit(1);

const projects = ['unit', 'db-pglite'];
if (process.env.TEST_DATABASE_URL) projects.push('db-postgres');
else console.log('TEST_DATABASE_URL is not set: the database suite runs on PGlite only.');
// The browser tests drive Debian's Chromium (apt-get install chromium); without it they are skipped, and said so.
if (existsSync('/usr/bin/chromium')) projects.push('browser');
else console.log('/usr/bin/chromium is not installed: browser tests were skipped.');

let passed = 0;
let failed = 0;
let exit = 0;
const lines = [];
for (const project of projects) {
  const report = `.vitest-${project}.json`;
  const status = npx('vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2));
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    rmSync(report);
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    lines.push(`${project}: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${r.numTotalTestSuites} suites)`);
    if (r.numTotalTests === 0) exit = 1;
  } catch {
    lines.push(`${project}: no report`);
    exit = 1;
  }
  if (status !== 0) exit = 1;
}
console.log(lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(exit);
