import { AppError } from '../../domain/shared/app-error.ts';
import { submitDocument } from './ingest.ts';
import type { IngestDeps, IngestJob, IngestRequest } from './ports.ts';
import { runNextJob } from './run-job.ts';

export interface FileResult {
  file: string;
  state: 'done' | 'failed';
  sourceId?: string;
  outcome?: 'created' | 'duplicate';
  error?: { reason: string; message: string };
}

const TYPE_OF: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'application/xhtml+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  text: 'text/plain',
};
const mediaTypeOf = (name: string) => TYPE_OF[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
const settled = (j: IngestJob) => j.state === 'done' || j.state === 'failed';

/**
 * `parley ingest`: hands each file in as the named account, then works the queue until every one of them has ended
 * (beside a running server, its worker and this one share the queue), reporting each file as it ends.
 */
export async function ingestFiles(
  deps: IngestDeps,
  o: { username: string; processId: string; files: { name: string; bytes: Uint8Array }[]; meta: Omit<IngestRequest, 'fileName'> },
  progress: (done: number, total: number) => void = () => {},
): Promise<FileResult[]> {
  const account = await deps.accounts.findByUsername(o.username);
  const actor = account && (await deps.accounts.actorById(account.accountId));
  if (!actor) throw new AppError('not_found', 'not_found_or_no_access', `There is no active account "${o.username}".`, { field: 'as' });
  const results: (FileResult | IngestJob)[] = [];
  for (const f of o.files) {
    try {
      results.push(
        await submitDocument(deps, actor, o.processId, { bytes: f.bytes, mediaType: mediaTypeOf(f.name), request: { ...o.meta, fileName: f.name } }),
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // One bad file ends as a failed line; a refusal of the person or the process ends the command.
      if (err.code !== 'validation' && err.code !== 'too_large') throw err;
      results.push({ file: f.name, state: 'failed', error: { reason: err.reason, message: err.message } });
    }
  }
  const total = results.length;
  const count = () => results.filter((r) => !('jobId' in r) || settled(r)).length;
  progress(count(), total);
  while (count() < total) {
    const ran = await runNextJob(deps);
    if (!ran) await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      if ('jobId' in r && !settled(r)) results[i] = (await deps.ingest.job(r.processId, r.jobId)) ?? r;
    }
    progress(count(), total);
  }
  return results.map((r, i) =>
    'jobId' in r
      ? {
          file: o.files[i]!.name,
          state: r.state as 'done' | 'failed',
          ...(r.sourceId ? { sourceId: r.sourceId } : {}),
          ...(r.outcome ? { outcome: r.outcome } : {}),
          ...(r.error ? { error: { reason: r.error.reason, message: r.error.message } } : {}),
        }
      : r,
  );
}
