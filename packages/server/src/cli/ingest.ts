import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { OperationHooks, OperationInput, OperationResult } from './operations.ts';

type Run = (name: 'ingest', input: OperationInput<'ingest'>, hooks?: OperationHooks) => Promise<OperationResult<'ingest'>>;

const BAR = 30;
/** `[██████······] 12/30 files`: redrawn in place on a terminal, a line per change elsewhere (a log keeps each). */
function progressBar(done: number, total: number): string {
  const filled = Math.round((done / Math.max(total, 1)) * BAR);
  return `[${'█'.repeat(filled)}${'·'.repeat(BAR - filled)}] ${done}/${total} files read`;
}

/** `parley ingest PROCESS FILE… --as USER`: news reports into sources, with their candidates waiting for review. */
export function registerIngest(program: Command, run: Run) {
  program
    .command('ingest')
    .argument('<process>')
    .argument('<files...>', 'HTML, plain text or PDF files')
    .requiredOption('--as <username>', 'the account that hands the documents in (the sources are theirs)')
    .requiredOption('--publisher <name>', 'who published them')
    .requiredOption('--date <date>', 'when they were published (YYYY-MM-DD)')
    .option('--kind <kind>', 'article, official_statement, monitoring_report, agreement_text, dataset or minutes', 'article')
    .option('--language <code>', 'their language (ISO 639); detected when left out')
    .option('--audience <audience>', 'who may read the sources: public, forum, party or mediator', 'public')
    .description('read documents into sources; each source’s statements, figures and events wait for review')
    .action(
      async (processId: string, files: string[], o: { as: string; publisher: string; date: string; kind: string; language?: string; audience: string }) => {
        const tty = process.stderr.isTTY;
        let last = -1;
        const results = await run(
          'ingest',
          {
            process: processId,
            as: o.as,
            files: files.map((f) => ({ name: basename(f), data: readFileSync(f).toString('base64') })),
            meta: {
              publisher: o.publisher,
              date: o.date,
              kind: o.kind as 'article',
              audience: o.audience as 'public',
              ...(o.language ? { language: o.language } : {}),
            },
          },
          {
            progress: (done, total) => {
              if (done === last) return;
              last = done;
              process.stderr.write(tty ? `\r${progressBar(done, total)}${done === total ? '\n' : ''}` : `${progressBar(done, total)}\n`);
            },
          },
        );
        for (const r of results)
          process.stdout.write(
            r.state === 'done'
              ? `${r.file}: ${r.outcome === 'duplicate' ? 'already the source' : 'source'} ${r.sourceId}\n`
              : `${r.file}: failed: ${r.error?.reason}: ${r.error?.message}\n`,
          );
        if (results.some((r) => r.state === 'failed')) process.exitCode = 2;
      },
    );
}
