import { isErrorReason } from '@parley/contracts';
import { isTlogError, parseDecimal } from '@parley/tlog';
import { AppError, notFound } from '../../domain/shared/app-error.ts';
import type { LogDeps, StoredCheckpoint } from '../ports.ts';

/** The tree's own refusals (bad sizes, paths, missing nodes) in the one error type. */
export function fromTlog(e: unknown, field?: string): never {
  if (isTlogError(e, 'missing_node')) throw new AppError('not_found', 'beyond_tree', e.message, field ? { field } : {});
  if (isTlogError(e) && isErrorReason(e.code)) throw new AppError('validation', e.code, e.message, field ? { field } : {});
  throw e;
}

export async function tlogCall<T>(fn: () => Promise<T> | T, field?: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    return fromTlog(e, field);
  }
}

/** Sizes and indices arrive as strings: only canonical decimals, so "01" and "1e3" are refused. */
export function parseCount(value: string | undefined, field: string): number {
  if (value === undefined) throw new AppError('validation', 'missing_field', `The query lacks "${field}".`, { field });
  try {
    const n = parseDecimal(value, field, BigInt(Number.MAX_SAFE_INTEGER));
    return Number(n);
  } catch (e) {
    return fromTlog(e, field);
  }
}

/** The log of a process is public by design; only its existence is checked. */
export async function headOf(deps: Pick<LogDeps, 'log'>, processId: string) {
  const head = await deps.log.head(processId);
  if (!head) throw notFound('process', processId);
  return head;
}

/** The note as served: the log's signature, then each witness's cosignature line. */
export const checkpointNote = (c: StoredCheckpoint) => c.note + c.cosignatures.join('');
