#!/usr/bin/env -S npx tsx
import { readFileSync, realpathSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TlogError } from './errors.ts';
import { parsePolicy, type Policy } from './policy.ts';
import { verifyCheckpoint, type VerifiedCheckpoint } from './verifier.ts';
import { StateStore, type ConsistencySource } from './state.ts';
import { TileHashReader, joinUrl } from './tilereader.ts';
import { consistencyProof, verifyConsistency } from './proof.ts';
import { verifyReceipt } from './receipt.ts';
import { parseTlogProof, verifyTlogProof } from './tlogproof.ts';
import { mirrorLog } from './mirror.ts';
import { decodeBase64Strict, toBase64 } from './encoding.ts';

const USAGE = `usage: parley-verify <command> [options]
  checkpoint  --policy FILE --note FILE|URL [--state DIR] [--url BASEURL] [--proof FILE]
  receipt     --policy FILE --receipt FILE [--state DIR] [--url BASEURL]
  consistency --policy FILE --old FILE|URL --new FILE|URL (--proof FILE | --url BASEURL)
  mirror      --url BASEURL --policy FILE`;

class UsageError extends Error {}

const isUrl = (s: string): boolean => /^https?:\/\//.test(s);

async function readSource(s: string): Promise<string> {
  if (isUrl(s)) {
    const res = await fetch(s);
    if (!res.ok) throw new TlogError('io', `Fetching ${s} failed with HTTP ${res.status}.`);
    return res.text();
  }
  try {
    return readFileSync(s, 'utf8');
  } catch (e) {
    throw new TlogError('io', `Cannot read ${s}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

function need(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (v === undefined) throw new UsageError(`--${name} is required.`);
  return v;
}

async function loadPolicy(path: string): Promise<Policy> {
  return parsePolicy(await readSource(path));
}

function readProofFile(text: string): Uint8Array[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => decodeBase64Strict(l.trim(), `proof line ${i + 1}`));
}

/** Consistency proofs come from a proof file, or are computed from the log's tiles. */
function proofSource(proofFile: string | undefined, base: string | undefined, size: bigint): ConsistencySource | undefined {
  if (proofFile !== undefined) return readProofFile(readFileSync(proofFile, 'utf8'));
  if (base !== undefined) return (a, b) => consistencyProof(new TileHashReader(base, b > size ? b : size), a, b);
  return undefined;
}

function describe(v: VerifiedCheckpoint): string {
  const w = v.witnesses.length > 0 ? `, cosigned by ${v.witnesses.join(', ')}` : '';
  return `${v.checkpoint.origin} at size ${v.checkpoint.size} with root ${toBase64(v.checkpoint.rootHash)}${w}`;
}

async function cmdCheckpoint(o: Record<string, string | undefined>): Promise<string> {
  const policy = await loadPolicy(need(o, 'policy'));
  const noteArg = need(o, 'note');
  const v = verifyCheckpoint(await readSource(noteArg), policy);
  let extra = '';
  if (o.state !== undefined) {
    const base = o.url ?? (isUrl(noteArg) ? noteArg.replace(/\/checkpoint$/, '') : undefined);
    const r = await new StateStore(o.state).advance(v, proofSource(o.proof, base, v.checkpoint.size));
    extra = r === 'advanced' ? ' (consistent with the stored checkpoint)' : r === 'new' ? ' (first seen, stored)' : ' (already known)';
  }
  return `Verified checkpoint ${describe(v)}${extra}.`;
}

async function cmdReceipt(o: Record<string, string | undefined>): Promise<string> {
  const policy = await loadPolicy(need(o, 'policy'));
  const text = await readSource(need(o, 'receipt'));
  let v: VerifiedCheckpoint & { index: bigint };
  let what: string;
  if (text.startsWith('c2sp.org/tlog-proof@v1\n')) {
    const extra = parseTlogProof(text).extra;
    if (extra === undefined) throw new TlogError('bad_proof', 'The tlog-proof carries no entry in its extra line.');
    v = verifyTlogProof(text, extra, policy);
    what = 'entry';
  } else {
    const r = verifyReceipt(text, policy);
    v = r;
    what = r.bodyVerified ? 'record (body matches its commitment)' : 'record envelope (no body supplied)';
  }
  if (o.state !== undefined) {
    const store = new StateStore(o.state);
    const latest = store.latest(v.checkpoint.origin);
    const src = proofSource(undefined, o.url, latest?.size ?? v.checkpoint.size);
    if (latest !== undefined && v.checkpoint.size < latest.size) await store.checkOlder(v, src);
    else await store.advance(v, src);
  }
  return `Verified ${what} at index ${v.index} in ${describe(v)}.`;
}

async function cmdConsistency(o: Record<string, string | undefined>): Promise<string> {
  const policy = await loadPolicy(need(o, 'policy'));
  const a = verifyCheckpoint(await readSource(need(o, 'old')), policy);
  const b = verifyCheckpoint(await readSource(need(o, 'new')), policy);
  const src = proofSource(o.proof, o.url, b.checkpoint.size);
  if (src === undefined) throw new UsageError('--proof or --url is required.');
  const proof = typeof src === 'function' ? await src(a.checkpoint.size, b.checkpoint.size) : src;
  verifyConsistency(a.checkpoint.size, b.checkpoint.size, a.checkpoint.rootHash, b.checkpoint.rootHash, proof);
  return `Checkpoint ${a.checkpoint.size} is consistent with checkpoint ${b.checkpoint.size} of ${b.checkpoint.origin}.`;
}

async function cmdMirror(o: Record<string, string | undefined>): Promise<string> {
  const policy = await loadPolicy(need(o, 'policy'));
  const base = need(o, 'url');
  const r = await mirrorLog(base, policy);
  return `Mirrored ${r.entries} entries and ${r.tilesChecked} tiles from ${joinUrl(base, '')}; they match ${describe(r)}.`;
}

const COMMANDS: Record<string, (o: Record<string, string | undefined>) => Promise<string>> = {
  checkpoint: cmdCheckpoint,
  receipt: cmdReceipt,
  consistency: cmdConsistency,
  mirror: cmdMirror,
};

export async function main(argv: string[]): Promise<{ code: number; out: string }> {
  const [cmd, ...rest] = argv;
  const run = cmd === undefined ? undefined : COMMANDS[cmd];
  try {
    if (run === undefined) throw new UsageError(cmd === undefined ? 'No command given.' : `Unknown command ${cmd}.`);
    let values: Record<string, string | undefined>;
    try {
      const opt = { type: 'string' } as const;
      values = parseArgs({
        args: rest,
        options: { policy: opt, note: opt, state: opt, url: opt, proof: opt, receipt: opt, old: opt, new: opt },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    return { code: 0, out: await run(values) };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out: `${e.message}\n${USAGE}` };
    if (e instanceof TlogError) return { code: 1, out: `Verification failed (${e.code}): ${e.message}` };
    return { code: 1, out: `Verification failed: ${(e as Error).message}` };
  }
}

function invokedDirectly(): boolean {
  const arg = process.argv[1];
  if (arg === undefined) return false;
  try {
    // Resolve symlinks so the npm bin shim counts as a direct invocation.
    return realpathSync(import.meta.filename) === realpathSync(arg);
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  main(process.argv.slice(2)).then(({ code, out }) => {
    (code === 0 ? process.stdout : process.stderr).write(out + '\n');
    process.exitCode = code;
  });
}
