// Development smoke run: seeds the demo in memory and prints a few API answers.
import { openRuntime } from '../packages/server/src/compose.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
const rt = await openRuntime({ dataDir: null });
const acc = await seedDemo(rt);
const app = await buildApp(rt);
for (const c of ['parties', 'people', 'mandates', 'forums', 'meetings', 'invitations', 'attendance', 'agreements', 'provisions', 'assessments', 'sources', 'statements', 'claims', 'figures']) {
  const r = await app.inject({ method: 'GET', url: `/api/processes/minsk-2014/${c}?limit=500` });
  console.log(c, r.statusCode, r.statusCode === 200 ? JSON.parse(r.body).items.length : r.body);
}
const meetings = JSON.parse((await app.inject({ method: 'GET', url: '/api/processes/minsk-2014/meetings?limit=500' })).body).items;
for (const m of meetings) console.log(m.id, m.status, m.plannedStart ?? m.actualStart);
const tele = meetings.find((m: { kind: string }) => m.kind === 'preparatory_teleconference');
if (tele) console.log(JSON.stringify(JSON.parse((await app.inject({ method: 'GET', url: `/api/processes/minsk-2014/meetings/${tele.id}/dossier` })).body).history, null, 1));
console.log(acc.map((a) => a.username).join(' '));
await rt.close();
