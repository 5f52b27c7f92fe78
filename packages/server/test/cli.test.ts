import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/commands.ts';
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
    expect(await parley('user', 'add', name, '--password', 'a long password', '--process', w.pid, '--role', 'delegate', '--party', 'ukr')).toContain(`Added ${name}`);
    expect(await parley('user', 'list')).toContain(`${name}\t${w.pid}:delegate(ukr)`);
  });

  it('refuses a bad role before creating the account', async () => {
    const name = `cli-bad-${w.pid}`;
    await expect(parley('user', 'add', name, '--password', 'a long password', '--process', w.pid, '--role', 'king')).rejects.toMatchObject({ reason: 'unknown_role' });
    await expect(parley('user', 'add', name, '--password', 'a long password', '--process', w.pid, '--role', 'delegate', '--party', 'nobody')).rejects.toMatchObject({ reason: 'unknown_reference' });
    expect(await w.rt.accounts.findByUsername(name)).toBeUndefined();
    await expect(parley('seed', 'everything')).rejects.toMatchObject({ reason: 'unknown_scenario' });
  });

  it('exports a process as JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parley-')), 'export.json');
    await parley('export', w.pid, '-o', file);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'parley-export/1', processId: w.pid });
    expect(doc.records.sources.map((s: { id: string }) => s.id)).toContain('src-cli');
    await expect(parley('export', 'no-such-process')).rejects.toMatchObject({ code: 'not_found' });
  });
});
