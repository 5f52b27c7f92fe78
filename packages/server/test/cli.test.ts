import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/commands.ts';
import { ADMIN_HEADER } from '../src/cli/local-server.ts';
import { buildApp } from '../src/http/app.ts';
import { adminRoutes } from '../src/http/routes/admin.routes.ts';
import { build, call, world, type World } from './support/world.ts';

describe(`the parley command (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-cli', title: 'CLI source' }));
  });
  afterEach(() => vi.restoreAllMocks());

  /** Runs one command against the test database and returns what it printed. */
  async function parley(...args: string[]): Promise<string> {
    const program = new Command('parley').exitOverride();
    runCli(program, async () => ({ ...w.rt, close: async () => {} }));
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    await program.parseAsync(['node', 'parley', ...args]);
    return out.join('\n');
  }

  it('adds a user with a role, and lists it', async () => {
    const name = `cli-${w.pid}`;
    expect(await parley('user', 'add', name, '--password', 'a long password', '--process', w.pid, '--role', 'delegate', '--party', 'ukr')).toContain(
      `Added ${name}`,
    );
    expect(await parley('user', 'list')).toContain(`${name}\t${w.pid}:delegate(ukr)`);
  });

  it('refuses a bad role before creating the account', async () => {
    const name = `cli-bad-${w.pid}`;
    await expect(parley('user', 'add', name, '--password', 'a long password', '--process', w.pid, '--role', 'king')).rejects.toMatchObject({
      reason: 'unknown_role',
    });
    await expect(
      parley('user', 'add', name, '--password', 'a long password', '--process', w.pid, '--role', 'delegate', '--party', 'nobody'),
    ).rejects.toMatchObject({ reason: 'unknown_reference' });
    expect(await w.rt.accounts.findByUsername(name)).toBeUndefined();
    await expect(parley('seed', 'everything')).rejects.toMatchObject({ reason: 'unknown_scenario' });
  });

  it('exports a process as JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parley-')), 'export.json');
    await parley('export', w.pid, '-o', file);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'parley-export/2', processId: w.pid });
    expect(doc.records.sources.map((s: { id: string }) => s.id)).toContain('src-cli');
    await expect(parley('export', 'no-such-process')).rejects.toMatchObject({ code: 'not_found' });
  });

  describe('the admin routes the CLI uses beside a running server', () => {
    const token = 'a-local-admin-credential-for-this-test';
    async function admin() {
      const app = await buildApp(w.rt);
      await app.register(adminRoutes, { rt: w.rt, token });
      return app;
    }
    const post = (
      app: Awaited<ReturnType<typeof admin>>,
      name: string,
      payload: unknown,
      headers: Record<string, string> = { [ADMIN_HEADER]: token },
      remoteAddress = '127.0.0.1',
    ) => app.inject({ method: 'POST', url: `/api/admin/operations/${name}`, headers, payload: payload as object, remoteAddress });

    it("runs an operation as the system for the local credential, with the use case's own refusals", async () => {
      const app = await admin();
      const name = `cli-remote-${w.pid}`;
      const added = await post(app, 'user-add', { username: name, password: 'a long password', process: w.pid, role: 'analyst' });
      expect(added.statusCode).toBe(200);
      expect(added.json()).toEqual({ result: { username: name } });
      expect((await w.rt.accounts.findByUsername(name))?.username).toBe(name);
      const bad = await post(app, 'user-add', { username: `${name}-2`, password: 'a long password', process: w.pid, role: 'king' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'validation', reason: 'unknown_role' } });
      expect((await post(app, 'export', { processId: w.pid, extra: 1 })).json()).toMatchObject({ error: { code: 'validation', reason: 'unknown_field' } });
    });

    it('refuses a missing or wrong credential and a caller from another machine, before reading the body', async () => {
      const app = await admin();
      const cases = [
        post(app, 'user-add', {}, {}),
        post(app, 'user-add', {}, { [ADMIN_HEADER]: `${token}x` }),
        post(app, 'user-add', {}, { [ADMIN_HEADER]: token }, '10.0.0.9'),
      ];
      for (const res of await Promise.all(cases)) {
        expect(res.statusCode).toBe(401);
        // An empty body would be a validation error if it had been read.
        expect(res.json()).toMatchObject({ error: { code: 'unauthenticated', reason: 'bad_admin_credential' } });
      }
    });
  });
});
