// Writes the API's OpenAPI document, as /api/openapi.json serves it, to the file named on the command line.
// The app runs in-process on an empty in-memory runtime: the document depends on the routes only.
import { writeFileSync } from 'node:fs';
import { openRuntime } from '../packages/server/src/compose.ts';
import { buildApp } from '../packages/server/src/http/app.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx scripts/openapi-document.ts OUT.json');
const rt = await openRuntime({ dataDir: null });
const app = await buildApp({ ...rt, webRoot: null });
await app.ready();
writeFileSync(out, JSON.stringify(app.swagger(), null, 2));
await app.close();
await rt.close();
