/**
 * One error type for the whole library so callers (CLI, HTTP handlers, the
 * server package) can branch on a stable `code` instead of parsing messages.
 */
export type TlogErrorCode =
  | 'bad_proof'
  | 'bad_hash_size'
  | 'bad_size'
  | 'bad_index'
  | 'bad_signature'
  | 'bad_note'
  | 'bad_key'
  | 'bad_checkpoint'
  | 'bad_tile_path'
  | 'bad_json'
  | 'bad_receipt'
  | 'bad_policy'
  | 'missing_node'
  | 'quorum'
  | 'origin'
  | 'fork'
  | 'rollback'
  | 'io';

export class TlogError extends Error {
  readonly code: TlogErrorCode;

  constructor(code: TlogErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TlogError';
    this.code = code;
  }
}

export function isTlogError(e: unknown, code?: TlogErrorCode): e is TlogError {
  return e instanceof TlogError && (code === undefined || e.code === code);
}
