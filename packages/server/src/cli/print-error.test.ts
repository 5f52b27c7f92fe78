import { describe, expect, it } from 'vitest';
import { AppError, invalid } from '../domain/shared/app-error.ts';
import { describeError } from './print-error.ts';

describe('describeError', () => {
  it('prints the code, reason and field of an AppError after its message', () => {
    expect(describeError(invalid('sources/0/sourceId', 'unknown_reference', 'The source "x" does not exist.'))).toBe(
      'The source "x" does not exist.\n  code: validation  reason: unknown_reference  field: sources/0/sourceId',
    );
    expect(describeError(new AppError('conflict', 'server_running', 'Stop the server.'))).toBe('Stop the server.\n  code: conflict  reason: server_running');
  });

  it('prints only the message of any other error', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('plain')).toBe('plain');
  });
});
