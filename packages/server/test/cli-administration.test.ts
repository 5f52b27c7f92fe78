import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/commands.ts';
import { ADMIN_HEADER } from '../src/cli/local-server.ts';
import { buildApp } from '../src/http/app.ts';
import { adminRoutes } from '../src/http/routes/admin.routes.ts';
import { describeInvite } from '../src/use-cases/administration/invites.ts';
import { account } from './support/auth.ts';
import { rand, world, type World } from './support/world.ts';

describe(`parley process create and parley invite (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterEach(() => vi.restoreAllMocks());

  async function parley(...args: string[]): Promise<string> {
    const program = new Command('parley').exitOverride();
    runCli(program, async () => ({ ...w.rt, close: async () => {} }));
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    await program.parseAsync(['node', 'parley', ...args]);
    return out.join('\n');
  }

  it('opens a process with its names and first mediator, and refuses a bad id', async () => {
    const id = `cli-${rand()}`;
    const m = await account(w.rt);
    const out = await parley('process', 'create', id, '--name-en', 'Geneva talks', '--name-uk', 'Женевські переговори', '--mediator', m.username);
    expect(out).toBe(`Opened the process ${id} with ${m.username} as mediator.`);
    const p = (await w.rt.store.reader.processes()).find((x) => x.id === id);
    expect(p?.names).toEqual({ en: 'Geneva talks', uk: 'Женевські переговори' });
    expect(await w.rt.accounts.grants(m.accountId)).toEqual([{ processId: id, role: 'mediator', partyId: null }]);
    expect(await parley('process', 'create', `${id}-b`, '--name-en', 'B')).toContain('no mediator yet');
    await expect(parley('process', 'create', 'Not_A_Slug', '--name-en', 'X')).rejects.toMatchObject({ reason: 'invalid_pattern' });
    await expect(parley('process', 'create', id, '--name-en', 'Again')).rejects.toMatchObject({ reason: 'already_exists' });
    expect(await w.rt.store.reader.processExists('not_a_slug')).toBe(false);
  });

  it('opens a process with its area of interest from a GeoJSON file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-area-'));
    const ring = [
      [24, 44],
      [41, 44],
      [41, 53],
      [24, 53],
      [24, 44],
    ];
    const file = join(dir, 'area.geojson');
    writeFileSync(file, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
    const id = `cli-${rand()}`;
    await parley('process', 'create', id, '--name-en', 'Area', '--area', file, '--area-exact');
    expect(await w.rt.store.reader.processArea(id)).toEqual({ ring, along: [1, 0], approximate: false });
    writeFileSync(file, JSON.stringify({ type: 'Polygon', coordinates: [ring.slice(0, 4)] }));
    await expect(parley('process', 'create', `${id}-b`, '--name-en', 'B', '--area', file)).rejects.toMatchObject({ reason: 'area_not_closed' });
  });

  it('prints a one-time invite link that offers exactly the role and party asked', async () => {
    const out = await parley('invite', w.pid, '--role', 'delegate', '--party', 'ukr', '--username', 'envoy-ua');
    const link = /^(https?:\/\/\S+)\/invite\/(\S+)$/m.exec(out);
    expect(link, out).not.toBeNull();
    const offer = await describeInvite(w.rt, link![2]!, { address: '10.1.2.3' });
    expect(offer).toMatchObject({ processId: w.pid, role: 'delegate', partyId: 'ukr', username: 'envoy-ua' });
    await expect(parley('invite', w.pid, '--role', 'king')).rejects.toMatchObject({ reason: 'unknown_role' });
    await expect(parley('invite', w.pid, '--role', 'delegate')).rejects.toMatchObject({ reason: 'party_required' });
    await expect(parley('invite', w.pid, '--role', 'delegate', '--party', 'nobody')).rejects.toMatchObject({ reason: 'unknown_reference' });
    await expect(parley('invite', 'no-such-process', '--role', 'monitor')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('runs both through the running server’s admin routes, as the system', async () => {
    const token = 'a-local-admin-credential-for-this-test';
    const app = await buildApp(w.rt);
    await app.register(adminRoutes, { rt: w.rt, token });
    const post = (name: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/admin/operations/${name}`, headers: { [ADMIN_HEADER]: token }, payload, remoteAddress: '127.0.0.1' });
    const id = `cli-${rand()}`;
    const made = await post('process-create', { id, names: { en: 'Remote' } });
    expect(made.json()).toEqual({ result: { id, mediator: null } });
    const invited = await post('invite', { process: id, role: 'mediator' });
    expect(invited.json().result).toMatchObject({ processId: id, role: 'mediator', partyId: null, path: expect.stringMatching(/^\/invite\/inv-/) });
    expect((await post('invite', { process: id, role: 'mediator', party: 'x', extra: 1 })).json().error.reason).toBe('unknown_field');
  });
});
