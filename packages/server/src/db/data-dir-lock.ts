import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/shared/app-error.ts';

/**
 * One writer per embedded data directory. PGlite has no postmaster and no lock of its own: two processes on one
 * directory each keep their own buffers and write over each other's pages, which corrupted the directory.
 *
 * Why our own lock and not proper-lockfile: proper-lockfile decides staleness by an mtime it refreshes on a timer,
 * but PGlite runs queries synchronously on the main thread, so a long migration or import stalls the timer and the
 * lock would be declared stale while its holder is alive and writing. Liveness here is asked of the kernel instead
 * (`process.kill(pid, 0)`, and on Linux the process's start time, so a reused pid is not mistaken for the holder).
 *
 * How: each opener writes its own file (atomically, by rename) into `<dir>.lock/`, then lists the folder. Any other
 * file whose process is alive means someone else holds the directory: the opener removes its file and is refused.
 * Of two openers racing, the later one to create its file always sees the earlier one's, so at most one proceeds;
 * both may back off, and they retry after a short random pause. Files of dead processes are removed, so a crash
 * (kill -9 included) leaves nothing that blocks the next start.
 */

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
  host: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid from the holder. */
  procStart: string | null;
  bootId: string | null;
}

export interface DataDirLock {
  holder: LockHolder;
  release(): void;
}

const heldHere = new Set<string>();

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};
const bootId = () => readOr('/proc/sys/kernel/random/boot_id');
/** Field 22 of /proc/<pid>/stat; the command name before it may hold spaces, so count from the last ')'. */
function procStart(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

/** The command line without the values of secrets (`user add x --password P` must not show P to whoever is refused). */
function describeCommand(argv: string[]): string {
  const shown = argv.slice(1).map((a, i, all) => (all[i - 1] === '--password' ? '***' : a.replace(/^(--password=).*/, '$1***')));
  const text = shown.join(' ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function alive(h: LockHolder, file: string): boolean {
  // Another machine's processes cannot be asked (a shared volume): assume it is alive and let a person decide.
  if (h.host !== hostname()) return true;
  const boot = bootId();
  if (h.bootId && boot && h.bootId !== boot) return false;
  // Our own pid: either this process still holds it, or it is a previous life (pid 1 in a restarted container).
  if (h.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = procStart(h.pid);
  return !(h.procStart && start && start !== h.procStart);
}

function parse(text: string | null): LockHolder | null {
  try {
    const h = JSON.parse(text ?? '') as LockHolder;
    return Number.isInteger(h.pid) && h.pid > 0 ? h : null;
  } catch {
    return null;
  }
}

export function lockedError(dir: string, h: LockHolder, file: string): AppError {
  return new AppError(
    'conflict',
    'data_dir_locked',
    `The data directory ${dir} is in use by process ${h.pid}${h.host !== hostname() ? ` on ${h.host}` : ''} (${h.command}), since ${h.since}. ` +
      `Only one process may open it at a time. Stop that process first (Ctrl-C where it runs, or kill ${h.pid}); ` +
      `CLI commands reach a running server by themselves. If no such process exists any more, delete ${file}.`,
    { dataDir: dir, pid: h.pid, command: h.command, since: h.since, host: h.host },
  );
}

/** Other holders' files: the live ones are returned, the dead ones removed. */
function others(lockDir: string, own: string): { file: string; holder: LockHolder }[] {
  const live: { file: string; holder: LockHolder }[] = [];
  for (const name of readdirSync(lockDir)) {
    const file = join(lockDir, name);
    if (file === own) continue;
    if (!name.endsWith('.json')) {
      // A temporary file of an opener that died between write and rename.
      if (Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000) unlinkSync(file);
      continue;
    }
    const holder = parse(readOr(file));
    if (holder && alive(holder, file)) live.push({ file, holder });
    else {
      try {
        unlinkSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
  return live;
}

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Takes the lock of `dir` for this process or throws `409 conflict/data_dir_locked` naming the holder. */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const lockDir = `${dir}.lock`;
  mkdirSync(lockDir, { recursive: true, mode: 0o700 });
  const holder: LockHolder = {
    pid: process.pid,
    command: describeCommand(process.argv),
    since: new Date().toISOString(),
    host: hostname(),
    procStart: procStart(process.pid),
    bootId: bootId(),
  };
  for (let attempt = 0; ; attempt++) {
    const id = `${process.pid}-${randomBytes(6).toString('hex')}`;
    const own = join(lockDir, `${id}.json`);
    const tmp = join(lockDir, `${id}.tmp`);
    writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, own);
    heldHere.add(own);
    const live = others(lockDir, own);
    if (live.length === 0) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(own);
        process.off('exit', release);
        try {
          unlinkSync(own);
        } catch {
          // Already gone: nothing left to release.
        }
      };
      // A process that exits without closing (an uncaught error, process.exit) gives the directory back; kill -9 is
      // covered by the liveness check of the next opener.
      process.on('exit', release);
      return { holder, release };
    }
    heldHere.delete(own);
    unlinkSync(own);
    // A holder that appeared just now may be a racing opener that will back off too: try again shortly.
    const fresh = live.every((l) => Date.now() - Date.parse(l.holder.since) < 2_000);
    if (!fresh || attempt >= 5) throw lockedError(dir, live[0]!.holder, live[0]!.file);
    await pause(50 + Math.random() * 250);
  }
}
