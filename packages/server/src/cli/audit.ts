import type { Command } from 'commander';
import type { Runtime } from '../compose.ts';
import { AppError } from '../domain/shared/app-error.ts';
import { auditLog, formatFinding } from '../use-cases/log/audit-log.ts';
import { startIntegrityWatch } from '../use-cases/log/watch-integrity.ts';

type WithRuntime = <T>(fn: (rt: Runtime) => Promise<T>) => Promise<T>;
interface Logger {
  error(obj: object, msg: string): void;
}

/**
 * `parley audit PROCESS`: the complete check, one line per finding; a failed log ends
 * the command with an error (exit code 1), so a cron job or a party's script notices.
 */
export function registerAudit(program: Command, withRuntime: WithRuntime) {
  program
    .command('audit')
    .argument('<process>')
    .description('check the process log completely: every entry, node and checkpoint, and every record against its journal entry')
    .action((processId: string) =>
      withRuntime(async (rt) => {
        const started = Date.now();
        const audit = await auditLog(rt, processId);
        for (const f of audit.problems) console.log(formatFinding(f));
        const took = `${audit.entries} of ${audit.size} entries and their records checked in ${Date.now() - started} ms`;
        if (!audit.ok)
          throw new AppError(
            'unavailable',
            'log_integrity',
            `The log of "${processId}" fails its check: ${audit.problems.length} finding${audit.problems.length === 1 ? '' : 's'} (${took}).`,
          );
        console.log(`The log of "${processId}" is intact: ${took}.`);
      }),
    );
}

/** Starts the server's watch: PARLEY_AUDIT_SECONDS between sampled rounds (default 60), after a complete check now. */
export async function watchIntegrity(rt: Runtime, log: Logger) {
  const seconds = Number(process.env.PARLEY_AUDIT_SECONDS ?? 60);
  if (!(seconds > 0)) throw new Error(`PARLEY_AUDIT_SECONDS must be a positive number, not "${process.env.PARLEY_AUDIT_SECONDS}".`);
  return startIntegrityWatch(rt, {
    seconds,
    onFindings: (r) =>
      log.error({ processId: r.processId, findings: r.findings }, 'log integrity check failed: the process is read-only and no checkpoint is signed'),
    onError: (processId, err) => log.error({ err, processId }, 'log integrity check could not run'),
  });
}
