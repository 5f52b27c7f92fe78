import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosignatureSigner, createWitnessServer, FileWitnessStore, generateCosignatureKey, parseVerifierKeyText, Witness } from '@parley/tlog';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openRuntime, type Runtime } from '../compose.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';
import { buildApp } from '../http/app.ts';
import { registerImport } from './import.ts';
import { registerAudit, watchIntegrity } from './audit.ts';
import { addAccount, assertGrantable, grantRole, listAccounts } from '../use-cases/access/accounts.ts';
import { exportProcess } from '../use-cases/export-process.ts';
import { DEMO_PROCESS, seedDemo } from '../demo/seed.ts';
import { getLogKey } from '../use-cases/log/get-checkpoint.ts';
import { signCheckpoint } from '../use-cases/log/sign-checkpoint.ts';
import { signDueCheckpoints } from '../use-cases/log/sign-due-checkpoints.ts';

export type OpenRuntime = () => Promise<Runtime>;

const openConfigured: OpenRuntime = () => {
  const cfg = loadConfig();
  return openRuntime({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, logKeyPath: cfg.logKeyPath, logName: cfg.logName });
};

/**
 * Commands are adapters: they parse arguments, call one use case and print the result.
 * `open` is how they reach the database; tests hand in the one they already have.
 */
export function runCli(program: Command, open: OpenRuntime = openConfigured) {
  async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
    const rt = await open();
    try {
      return await fn(rt);
    } finally {
      await rt.close();
    }
  }

  program.command('serve').description('start the server (migrates, and loads the demo on first start)').action(async () => {
    const cfg = loadConfig();
    const rt = await openRuntime({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, logKeyPath: cfg.logKeyPath, logName: cfg.logName });
    if (cfg.demo && !(await rt.store.reader.processExists(DEMO_PROCESS))) {
      const accounts = await seedDemo(rt);
      const file = `${cfg.dataDir}/demo-accounts.txt`;
      const lines = accounts.map((a) => `${a.username.padEnd(18)} ${a.password}   ${a.role}${a.partyId ? ` (${a.partyId})` : ''}`);
      writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
      console.log(`Loaded the demo process "${DEMO_PROCESS}". Local demo accounts (also in ${file}):\n${lines.join('\n')}`);
    }
    const app = await buildApp({ ...rt, secureCookies: cfg.secureCookies, logger: true });
    const watch = await watchIntegrity(rt, app.log);
    // Checkpoints follow the log every few seconds; a round signs only logs that grew.
    let round: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      round = round.then(() => signDueCheckpoints(rt)).then(({ failed }) => {
        for (const f of failed) app.log.error({ err: f.error, processId: f.processId }, 'checkpoint not signed');
      }, (err: unknown) => app.log.error({ err }, 'checkpoint round failed'));
    }, cfg.checkpointEvery * 1000);
    const stop = async () => {
      clearInterval(timer);
      await round;
      await watch.stop();
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
        const grant = o.process || o.role ? { role: (o.role ?? '') as 'mediator', partyId: o.party ?? null } : null;
        if (grant && !o.process) throw new AppError('validation', 'process_required', 'A role is given in a process: add --process.');
        if (grant) await assertGrantable(rt, SYSTEM, o.process!, grant);
        await addAccount(rt, { username, password: o.password });
        if (grant) await grantRole(rt, SYSTEM, o.process!, { username, ...grant });
        console.log(`Added ${username}.`);
      }),
    );
  user.command('list').action(() =>
    withRuntime(async (rt) => {
      for (const a of await listAccounts(rt))
        console.log(`${a.username}\t${a.roles.map((r) => `${r.processId}:${r.role}${r.partyId ? `(${r.partyId})` : ''}`).join(', ')}`);
    }),
  );

  registerImport(program, withRuntime, DEMO_PROCESS);
  registerAudit(program, withRuntime);

  program.command('export').argument('<process>').option('-o, --out <file>').description('export a process as JSON').action((processId: string, o: { out?: string }) =>
    withRuntime(async (rt) => {
      const json = JSON.stringify(await exportProcess(rt, SYSTEM, processId), null, 2);
      if (o.out) writeFileSync(o.out, json);
      else process.stdout.write(`${json}\n`);
    }),
  );

  program.command('checkpoint').argument('<process>').description("sign the process log's checkpoint now and print it with the log's verifier key")
    .action((processId: string) =>
      withRuntime(async (rt) => {
        const r = await signCheckpoint(rt, SYSTEM, processId);
        await r.pushed;
        const key = await getLogKey(rt, processId);
        process.stdout.write(`# log key (for a verifier policy): ${key.key}\n${r.checkpoint.note}${r.checkpoint.cosignatures.join('')}`);
      }),
    );

  program.command('witness').description('run a tlog-witness (add-checkpoint) for one Parley log, on a party\'s own machine')
    .requiredOption('--state <dir>', 'where the witness keeps the latest checkpoint it cosigned')
    .requiredOption('--key <file>', 'the witness signing key; created (cosignature/v1) when the file does not exist')
    .requiredOption('--log-key <vkey>', "the log's verifier key, as GET /api/processes/<id>/log/key gives it")
    .option('--port <n>', 'port to listen on', '7380').option('--host <h>', 'address to listen on', '127.0.0.1')
    .action(async (o: { state: string; key: string; logKey: string; port: string; host: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AppError('validation', 'invalid_port', `--port must be a port number, not "${o.port}".`);
      const origin = parseVerifierKeyText(o.logKey).name;
      if (!existsSync(o.key)) writeFileSync(o.key, `${generateCosignatureKey(`witness-${Date.now().toString(36)}`).signerKey}\n`, { mode: 0o600, flag: 'wx' });
      const signer = cosignatureSigner(readFileSync(o.key, 'utf8').trim());
      mkdirSync(o.state, { recursive: true });
      const witness = new Witness({ signer, logs: [{ origin, key: o.logKey }], store: new FileWitnessStore(join(o.state, 'witness-state.json')) });
      const server = createWitnessServer({ witness });
      await new Promise<void>((ok) => server.listen(port, o.host, ok));
      console.log(`Witness for ${origin} on http://${o.host}:${port}/add-checkpoint\nRegister it with: {"vkey": "${signer.verifierKey}", "url": "http://<this host>:${port}"}`);
      const stop = () => server.close(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
