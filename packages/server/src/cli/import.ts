import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportReport } from '../use-cases/monitoring/import-incidents.ts';
import type { OperationHooks, OperationInput, OperationResult } from './operations.ts';

type Run = (name: 'import', input: OperationInput<'import'>, hooks?: OperationHooks) => Promise<OperationResult<'import'>>;

/** One line per row that needs a reader's attention, then the totals; accepted rows stay quiet. */
export function formatReport(r: ImportReport): string {
  const lines = r.rows
    .filter((row) => row.status !== 'accepted')
    .flatMap((row) =>
      row.problems.map(
        (p) =>
          `${r.format === 'geojson' ? 'feature' : 'line'} ${row.line}${row.id ? ` (${row.id})` : ''}: ${row.status}: ${p.reason} in ${p.field}: ${p.message}`,
      ),
    );
  const t = r.totals;
  lines.push(
    `${t.rows} rows (${r.format}, ${r.encoding}${r.complete ? '' : ', file cut off'}): ${t.accepted} accepted, ${t.warned} warned, ${t.refused} refused; ` +
      `${t.created} incidents created, ${t.unchanged} already recorded; killed best ${t.best}, low ${t.low}, high ${t.high}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `parley import ucdp|acled|hxl|geojson FILE [--process ID]`: an adapter over the import operation, run as the system. */
export function registerImport(program: Command, run: Run, defaultProcess: string) {
  program
    .command('import')
    .argument('<format>', 'ucdp (UCDP GED CSV), acled (ACLED CSV), hxl (CSV with an HXL tag row) or geojson')
    .argument('<file>')
    .option('--process <id>', 'the process to import into', defaultProcess)
    .option('--audience <audience>', 'who may read the incidents: public, forum or mediator', 'public')
    .description('import incidents from a file, printing a report per row')
    .action(async (format: string, file: string, o: { process: string; audience: string }) => {
      const report = await run(
        'import',
        { format, file: readFileSync(file).toString('base64'), process: o.process, audience: o.audience },
        {
          progress: (done, total) => process.stderr.write(`\rimported ${done}/${total} incidents${done === total ? '\n' : ''}`),
        },
      );
      process.stdout.write(formatReport(report));
      if (report.totals.refused > 0) process.exitCode = 2;
    });
}
