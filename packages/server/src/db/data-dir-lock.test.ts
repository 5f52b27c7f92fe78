import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, type LockHolder } from './data-dir-lock.ts';

const dir = () => join(mkdtempSync(join(tmpdir(), 'parley-lock-')), 'pglite');
/** A pid that certainly belongs to no process any more: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;
const holder = (o: Partial<LockHolder>): LockHolder => ({
  pid: 1,
  command: 'x',
  since: '2020-01-01T00:00:00.000Z',
  host: hostname(),
  procStart: null,
  bootId: null,
  ...o,
});
const plant = (d: string, name: string, h: LockHolder | string) => writeFileSync(join(`${d}.lock`, name), typeof h === 'string' ? h : JSON.stringify(h));

describe('the data directory lock', () => {
  it('refuses a second holder in the same process, naming the first, and is free again after release', async () => {
    const d = dir();
    const first = await acquireDataDirLock(d);
    const err = await acquireDataDirLock(d).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'conflict', reason: 'data_dir_locked', details: { pid: process.pid, since: first.holder.since } });
    expect((err as Error).message).toContain(`in use by process ${process.pid}`);
    first.release();
    expect(readdirSync(`${d}.lock`)).toEqual([]);
    (await acquireDataDirLock(d)).release();
  });

  it('refuses a lock of a live process of this machine, and of another machine', async () => {
    const d = dir();
    await acquireDataDirLock(d).then((l) => l.release());
    // pid 1 lives in every pid namespace; its start time is not checked when the file has none.
    plant(d, 'init.json', holder({ pid: 1, command: 'parley serve' }));
    await expect(acquireDataDirLock(d)).rejects.toMatchObject({ reason: 'data_dir_locked', details: { pid: 1, command: 'parley serve' } });
    const d2 = dir();
    await acquireDataDirLock(d2).then((l) => l.release());
    plant(d2, 'far.json', holder({ pid: deadPid(), host: 'another-machine' }));
    await expect(acquireDataDirLock(d2)).rejects.toThrow(/on another-machine/);
  });

  it('takes over the lock of a dead process, of a reused pid, of an earlier boot and of an earlier life of its own pid', async () => {
    const d = dir();
    await acquireDataDirLock(d).then((l) => l.release());
    plant(d, 'dead.json', holder({ pid: deadPid() }));
    plant(d, 'reused.json', holder({ pid: 1, procStart: '-1' }));
    plant(d, 'rebooted.json', holder({ pid: 1, bootId: 'an-earlier-boot' }));
    plant(d, 'self.json', holder({ pid: process.pid }));
    plant(d, 'torn.json', '{"pid": 12');
    const lock = await acquireDataDirLock(d);
    const files = readdirSync(`${d}.lock`);
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(`${d}.lock`, files[0]!), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('keeps a password out of the holder description', async () => {
    const d = dir();
    const argv = process.argv;
    process.argv = ['node', 'main.ts', 'user', 'add', 'ana', '--password', 'hunter2 hunter2', '--password=secret'];
    const lock = await acquireDataDirLock(d).finally(() => (process.argv = argv));
    expect(lock.holder.command).toBe('main.ts user add ana --password *** --password=***');
    lock.release();
  });
});
