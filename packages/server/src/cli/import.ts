import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Runtime } from '../compose.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';
import type { ImportFormat } from '../domain/monitoring/import-formats.ts';
import { importIncidents, type ImportReport } from '../use-cases/monitoring/import-incidents.ts';

type WithRuntime = <T>(fn: (rt: Runtime) => Promise<T>) => Promise<T>;

/** One line per row that needs a reader's attention, then the totals; accepted rows stay quiet. */
export function formatReport(r: ImportReport): string {
  const lines = r.rows
    .filter((row) => row.status !== 'accepted')
    .flatMap((row) => row.problems.map((p) => `${r.format === 'geojson' ? 'feature' : 'line'} ${row.line}${row.id ? ` (${row.id})` : ''}: ${row.status}: ${p.reason} in ${p.field}: ${p.message}`));
  const t = r.totals;
  lines.push(
    `${t.rows} rows (${r.format}, ${r.encoding}${r.complete ? '' : ', file cut off'}): ${t.accepted} accepted, ${t.warned} warned, ${t.refused} refused; ` +
      `${t.created} incidents created, ${t.unchanged} already recorded; killed best ${t.best}, low ${t.low}, high ${t.high}`,
  );
  return `${lines.join('\n')}\n`;
}

const FORMATS: ImportFormat[] = ['ucdp', 'acled', 'hxl', 'geojson'];

/** `parley import ucdp|acled|hxl|geojson FILE [--process ID]`: an adapter over the import use case, run as the system. */
export function registerImport(program: Command, withRuntime: WithRuntime, defaultProcess: string) {
  program.command('import').argument('<format>', 'ucdp (UCDP GED CSV), acled (ACLED CSV), hxl (CSV with an HXL tag row) or geojson').argument('<file>')
    .option('--process <id>', 'the process to import into', defaultProcess)
    .option('--audience <audience>', 'who may read the incidents: public, forum or mediator', 'public')
    .description('import incidents from a file, printing a report per row')
    .action((format: string, file: string, o: { process: string; audience: 'public' | 'forum' | 'mediator' }) =>
      withRuntime(async (rt) => {
        if (!FORMATS.includes(format as ImportFormat)) throw new AppError('validation', 'unknown_format', `There is no import format "${format}"; try ${FORMATS.join(', ')}.`);
        if (!['public', 'forum', 'mediator'].includes(o.audience)) throw new AppError('validation', 'invalid_choice', '--audience must be public, forum or mediator.');
        const report = await importIncidents(rt, SYSTEM, o.process, readFileSync(file), {
          audience: o.audience,
          format: format as ImportFormat,
          onProgress: (done, total) => process.stderr.write(`\rimported ${done}/${total} incidents${done === total ? '\n' : ''}`),
        });
        process.stdout.write(formatReport(report));
        if (report.totals.refused > 0) process.exitCode = 2;
      }),
    );
}
