import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openRuntime, type Runtime } from '../compose.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';
import { buildApp } from '../http/app.ts';
import { addAccount, grantRole, listAccounts } from '../use-cases/access/accounts.ts';
import { exportProcess } from '../use-cases/export-process.ts';
import { DEMO_PROCESS, seedDemo } from '../demo/seed.ts';

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const cfg = loadConfig();
  const rt = await openRuntime({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Commands are adapters: they parse arguments, call one use case and print the result. */
export function runCli(program: Command) {
  program.command('serve').description('start the server (migrates, and loads the demo on first start)').action(async () => {
    const cfg = loadConfig();
    const rt = await openRuntime({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    if (cfg.demo && !(await rt.store.reader.processExists(DEMO_PROCESS))) {
      const accounts = await seedDemo(rt);
      const file = `${cfg.dataDir}/demo-accounts.txt`;
      const lines = accounts.map((a) => `${a.username.padEnd(18)} ${a.password}   ${a.role}${a.partyId ? ` (${a.partyId})` : ''}`);
      writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
      console.log(`Loaded the demo process "${DEMO_PROCESS}". Local demo accounts (also in ${file}):\n${lines.join('\n')}`);
    }
    const app = await buildApp({ ...rt, secureCookies: cfg.secureCookies, logger: true });
    const stop = async () => {
      await app.close();
      await rt.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await app.listen({ port: cfg.port, host: cfg.host });
    console.log(`Parley is serving on http://localhost:${cfg.port} (database: ${rt.engine}); API docs at /api/docs`);
  });

  program.command('migrate').description('apply database migrations').action(() =>
    withRuntime(async () => console.log('Migrations are up to date.')),
  );

  program.command('seed').argument('<what>', 'only "demo"').description('load a scenario').action((what: string) =>
    withRuntime(async (rt) => {
      if (what !== 'demo') throw new AppError('validation', 'unknown_scenario', `There is no scenario "${what}"; try "demo".`);
      const accounts = await seedDemo(rt);
      for (const a of accounts) console.log(`${a.username}\t${a.password}\t${a.role}${a.partyId ? `\t${a.partyId}` : ''}`);
    }),
  );

  const user = program.command('user').description('manage accounts');
  user.command('add').argument('<username>').requiredOption('--password <password>').option('--process <id>').option('--role <role>').option('--party <id>')
    .action((username: string, o: { password: string; process?: string; role?: string; party?: string }) =>
      withRuntime(async (rt) => {
        await addAccount(rt, { username, password: o.password });
        if (o.process && o.role) await grantRole(rt, SYSTEM, o.process, { username, role: o.role as 'mediator', partyId: o.party ?? null });
        console.log(`Added ${username}.`);
      }),
    );
  user.command('list').action(() =>
    withRuntime(async (rt) => {
      for (const a of await listAccounts(rt))
        console.log(`${a.username}\t${a.roles.map((r) => `${r.processId}:${r.role}${r.partyId ? `(${r.partyId})` : ''}`).join(', ')}`);
    }),
  );

  program.command('export').argument('<process>').option('-o, --out <file>').description('export a process as JSON').action((processId: string, o: { out?: string }) =>
    withRuntime(async (rt) => {
      const json = JSON.stringify(await exportProcess(rt, SYSTEM, processId), null, 2);
      if (o.out) writeFileSync(o.out, json);
      else process.stdout.write(`${json}\n`);
    }),
  );
}
