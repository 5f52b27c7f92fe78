import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isErrorReason, type ErrorCode, type ErrorReason } from '@parley/contracts';
import { AppError } from '../domain/shared/app-error.ts';
import type { OperationInput, OperationName, OperationResult } from './operations.ts';

/**
 * How a CLI command reaches the server that holds the embedded data directory: the server writes `server.json`
 * (mode 0600) into the data directory with its address and a fresh random admin credential, valid only for its own
 * lifetime and only from this machine. Whoever can read the file can read the database files beside it, so the
 * credential gives nobody more than they already have.
 */

export interface LocalServer {
  pid: number;
  url: string;
  token: string;
  since: string;
}

export const ADMIN_HEADER = 'x-parley-admin';
export const serverFile = (dataDir: string) => join(dataDir, 'server.json');

/** Writes the file atomically; a left-over file from a crashed server is replaced, never reopened with its old mode. */
export function publishLocalServer(dataDir: string, address: AddressInfo | string | null, token = randomBytes(32).toString('base64url')): LocalServer {
  if (!address || typeof address === 'string') throw new Error('the server does not listen on a TCP port');
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const info: LocalServer = { pid: process.pid, url: `http://${host}:${address.port}`, token, since: new Date().toISOString() };
  const tmp = `${serverFile(dataDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`, { mode: 0o600, flag: 'w' });
  renameSync(tmp, serverFile(dataDir));
  return info;
}

/** Removes the file if it is still this server's (a newer server may have replaced it). */
export function withdrawLocalServer(dataDir: string, info: LocalServer): void {
  if (readLocalServer(dataDir)?.token !== info.token) return;
  try {
    unlinkSync(serverFile(dataDir));
  } catch {
    // Gone already.
  }
}

export function readLocalServer(dataDir: string): LocalServer | null {
  try {
    const info = JSON.parse(readFileSync(serverFile(dataDir), 'utf8')) as LocalServer;
    return Number.isInteger(info.pid) && typeof info.url === 'string' && typeof info.token === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** Asks the running server to run one operation; its refusals come back as the same AppError a local run throws. */
export async function callLocalServer<N extends OperationName>(server: LocalServer, name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
  let res: Response;
  try {
    res = await fetch(`${server.url}/api/admin/operations/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ADMIN_HEADER]: server.token },
      body: JSON.stringify(input),
    });
  } catch (err) {
    throw new AppError(
      'conflict',
      'server_unreachable',
      `The Parley server (process ${server.pid}) holds the data directory but does not answer at ${server.url} (${(err as Error).cause ?? (err as Error).message}). ` +
        'Wait for it to finish starting, or stop it and run the command again.',
      { pid: server.pid, url: server.url },
    );
  }
  const body = (await res.json().catch(() => null)) as {
    result?: unknown;
    error?: { code: ErrorCode; reason: ErrorReason; message: string; details?: Record<string, unknown> };
  } | null;
  if (res.ok && body && 'result' in body) return body.result as OperationResult<N>;
  const e = body?.error;
  if (e) throw new AppError(e.code, isErrorReason(e.reason) ? e.reason : 'server_answer', e.message, e.details ?? {});
  throw new AppError('internal', 'server_answer', `The Parley server answered ${res.status} without a result.`);
}
