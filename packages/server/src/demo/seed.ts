import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Role } from '../domain/shared/actor.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { addAccount, grantRole, type AccessDeps } from '../use-cases/access/accounts.ts';
import { createProcess } from '../use-cases/create-process.ts';
import { DONBAS_AOI } from '../domain/lines/area-of-interest.ts';
import { importIncidents } from '../use-cases/monitoring/import-incidents.ts';
import { loadMinsk2014 } from './minsk-2014/index.ts';
import { SERVER_ROOT } from '../paths.ts';

export const DEMO_PROCESS = 'minsk-2014';

const DEMO_ACCOUNTS: { username: string; role: Role; partyId: string | null }[] = [
  { username: 'mediator', role: 'mediator', partyId: null },
  { username: 'delegate-ukr', role: 'delegate', partyId: 'ukr' },
  { username: 'delegate-rus', role: 'delegate', partyId: 'rus' },
  { username: 'delegate-ordo', role: 'delegate', partyId: 'ordo' },
  { username: 'delegate-ordl', role: 'delegate', partyId: 'ordl' },
  { username: 'monitor', role: 'monitor', partyId: null },
  { username: 'analyst', role: 'analyst', partyId: null },
];

/**
 * The real UCDP GED events of 2014 for Ukraine (CC BY 4.0; Sundberg & Melander 2013), read
 * from the shared data folder beside the project; the demo loads without them if absent.
 */
const UCDP_2014 = process.env.PARLEY_DEMO_UCDP ?? fileURLToPath(new URL('../../../shared/data/ucdp/ged-ukraine-2014.csv', SERVER_ROOT));

/** Loads the Minsk process as of late November 2014 and one account per role, with fresh random passwords. */
export async function seedDemo(deps: AccessDeps) {
  await createProcess(deps, SYSTEM, {
    id: DEMO_PROCESS,
    names: { en: 'Minsk process for eastern Ukraine', uk: 'Мінський процес щодо сходу України', ru: 'Минский процесс по востоку Украины' },
    description: 'Demo: the Trilateral Contact Group as of late November 2014, from public reporting (see each record’s sources).',
    areaOfInterest: { ring: DONBAS_AOI.ring, along: DONBAS_AOI.along, approximate: DONBAS_AOI.approximate, note: DONBAS_AOI.note },
  });
  await loadMinsk2014(deps, DEMO_PROCESS);
  if (existsSync(UCDP_2014)) await importIncidents(deps, SYSTEM, DEMO_PROCESS, readFileSync(UCDP_2014));
  const created = [];
  for (const a of DEMO_ACCOUNTS) {
    const password = randomBytes(9).toString('base64url');
    const existing = await deps.accounts.findByUsername(a.username);
    if (!existing) await addAccount(deps, { username: a.username, password });
    await grantRole(deps, SYSTEM, DEMO_PROCESS, { username: a.username, role: a.role, partyId: a.partyId });
    created.push({ ...a, password: existing ? '(unchanged)' : password });
  }
  return created;
}
