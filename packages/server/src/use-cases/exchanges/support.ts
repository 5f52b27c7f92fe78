import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/shared/actor.ts';
import { exchangeView, type ExchangeView } from '../../policies/exchanges.ts';
import type { UnitOfWork } from '../ports.ts';
import { assertProcess } from '../support.ts';
import type { ExchangeDeps } from './ports.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** 128 random bits in base32: an id that says nothing about the person or list it names. */
export function exchangeId(prefix: 'dt' | 'dl' | 'rc' | 'xb' | 'da' | 'ij'): string {
  const bytes = randomBytes(17);
  let out = '';
  for (let i = 0; i < 26; i++) {
    const bit = i * 5;
    const pair = (bytes[bit >> 3]! << 8) | bytes[(bit >> 3) + 1]!;
    out += ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return `${prefix}_${out}`;
}

/** What the actor may see of the process's detainee data, after the process is known to exist. */
export async function viewOf(deps: ExchangeDeps, actor: Actor, processId: string): Promise<ExchangeView | null> {
  await assertProcess(deps.store.reader, processId);
  const reviewers = (await deps.exchanges.reviewers(processId)).filter((r) => r.active).map((r) => r.accountId);
  return exchangeView(actor, processId, reviewers);
}

/** Writes the access-log entry of one read; the read's answer is given only once it is journalled. */
export async function recordAccess(uow: UnitOfWork, action: string, purpose: string, subjects: string[]): Promise<void> {
  await uow.appendRows('detainee_access', 'detainee_access', 'access_id', [{ access_id: exchangeId('da'), seq: 1, action, purpose, subjects }]);
}

/** Journals a read of detainee data with its purpose, then hands over what was read. */
export async function audited<T>(
  deps: ExchangeDeps,
  actor: Actor,
  processId: string,
  read: { action: string; purpose: string; subjects: string[] },
  value: T,
): Promise<T> {
  await deps.store.write(processId, actor, (uow) => recordAccess(uow, read.action, read.purpose, read.subjects));
  return value;
}
