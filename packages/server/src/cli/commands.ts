import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosignatureSigner, createWitnessServer, FileWitnessStore, generateCosignatureKey, parseVerifierKeyText, Witness } from '@parley/tlog';
import { firstPolygonRing } from '@parley/contracts';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openRuntime, type Runtime } from '../compose.ts';
import { AppError } from '../domain/shared/app-error.ts';
import { buildApp } from '../http/app.ts';
import { adminRoutes } from '../http/routes/admin.routes.ts';
import { compileInBackground } from '../http/lazy-compile.ts';
import { registerImport } from './import.ts';
import { registerAudit, watchIntegrity } from './audit.ts';
import { registerIngest } from './ingest.ts';
import { callLocalServer, publishLocalServer, readLocalServer, withdrawLocalServer, type LocalServer } from './local-server.ts';
import { runOperation, type OperationHooks, type OperationInput, type OperationName, type OperationResult } from './operations.ts';
import { DEMO_PROCESS, seedDemo } from '../demo/seed.ts';
import { signDueCheckpoints } from '../use-cases/log/sign-due-checkpoints.ts';
import { ensureSetupLink } from '../use-cases/administration/setup.ts';

export type OpenRuntime = () => Promise<Runtime>;
const WEB_BUILD = Symbol.for('parley.webBuild');

const openConfigured: OpenRuntime = () => {
  const cfg = loadConfig();
  return openRuntime({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, logKeyPath: cfg.logKeyPath, logName: cfg.logName });
};

/**
 * Commands are adapters: they parse arguments, run one operation (operations.ts) and print the result.
 * `open` is how they reach the database; tests hand in the one they already have. When a running server holds the
 * embedded data directory, the operation runs in that server instead (local-server.ts), and prints the same.
 */
export function runCli(program: Command, open: OpenRuntime = openConfigured) {
  async function run<N extends OperationName>(name: N, input: OperationInput<N>, hooks: OperationHooks = {}): Promise<OperationResult<N>> {
    let rt: Runtime;
    try {
      rt = await open();
    } catch (err) {
      const server = await serverHolding(err);
      if (!server) throw err;
      process.stderr.write(`(through the running Parley server, process ${server.pid})\n`);
      return callLocalServer(server, name, input);
    }
    try {
      return await runOperation(rt, name, input, hooks);
    } finally {
      await rt.close();
    }
  }

  /** For a command that has no operation yet: it opens the database itself, so beside a server it is refused. */
  async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
    let rt: Runtime;
    try {
      rt = await open();
    } catch (err) {
      const server = await serverHolding(err);
      if (server)
        throw new AppError(
          'conflict',
          'server_running',
          `The Parley server (process ${server.pid}, ${server.url}) holds the data directory, and this command cannot run through it: stop the server and run the command again.`,
          { pid: server.pid },
        );
      throw err;
    }
    try {
      return await fn(rt);
    } finally {
      await rt.close();
    }
  }

  program
    .command('serve')
    .description('start the server (migrates, and loads the demo on first start)')
    .action(async () => {
      const cfg = loadConfig();
      // Where a start's time goes, printed once serving: from the process's start, so loading the code counts too.
      const timings: string[] = [];
      const timed = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
        const t = performance.now();
        const result = await step();
        timings.push(`${what} ${((performance.now() - t) / 1000).toFixed(1)} s`);
        return result;
      };
      const rt = await timed('database', () =>
        openRuntime({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, logKeyPath: cfg.logKeyPath, logName: cfg.logName }),
      );
      if (cfg.demo && !(await rt.store.reader.processExists(DEMO_PROCESS))) {
        const accounts = await timed('demo', () => seedDemo(rt));
        const file = `${cfg.dataDir}/demo-accounts.txt`;
        const lines = accounts.map((a) => `${a.username.padEnd(18)} ${a.password}   ${a.role}${a.partyId ? ` (${a.partyId})` : ''}`);
        writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
        console.log(`Loaded the demo process "${DEMO_PROCESS}". Local demo accounts (also in ${file}):\n${lines.join('\n')}`);
        // The demo's mediator also administers the deployment, so the demo can show opening processes and inviting people.
        const mediator = await rt.accounts.findByUsername('mediator');
        if (mediator && !(await rt.accounts.hasAdmin())) await rt.accounts.setAdmin(mediator.accountId, true);
      }
      // Without an administrator, whoever reads this console creates the first one; there is no default password.
      const setup = await ensureSetupLink(rt);
      // `npm start` builds the web app while the database opens (scripts/start.mjs); serve it only once built.
      await (globalThis as { [WEB_BUILD]?: Promise<void> })[WEB_BUILD];
      const app = await timed('routes', () => buildApp({ ...rt, secureCookies: cfg.secureCookies, logger: true }));
      const watch = await timed('log check', () => watchIntegrity(rt, app.log));
      // Only the embedded engine has a single writer; with PostgreSQL the CLI opens the database itself.
      const embedded = rt.engine === 'pglite';
      const adminToken = randomBytes(32).toString('base64url');
      if (embedded) await app.register(adminRoutes, { rt, token: adminToken });
      // Checkpoints follow the log every few seconds; a round signs only logs that grew.
      let round: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        round = round
          .then(() => signDueCheckpoints(rt))
          .then(
            ({ failed }) => {
              for (const f of failed) app.log.error({ err: f.error, processId: f.processId }, 'checkpoint not signed');
            },
            (err: unknown) => app.log.error({ err }, 'checkpoint round failed'),
          );
      }, cfg.checkpointEvery * 1000);
      let published: LocalServer | null = null;
      const stop = async () => {
        clearInterval(timer);
        if (published) withdrawLocalServer(cfg.dataDir, published);
        await round;
        await watch.stop();
        await app.close();
        await rt.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await timed('listen', () => app.listen({ port: cfg.port, host: cfg.host }));
      if (embedded) published = publishLocalServer(cfg.dataDir, app.server.address(), adminToken);
      compileInBackground((err) => app.log.error({ err }, 'a route schema does not compile'));
      void rt.warmUp().catch((err: unknown) => app.log.warn({ err }, 'warming the geodesy up failed'));
      const started = `${(performance.now() / 1000).toFixed(1)} s: ${timings.join(', ')}`;
      console.log(`Parley is serving on http://localhost:${cfg.port} (database: ${rt.engine}; started in ${started}); API docs at /api/docs`);
      if (setup) console.log(`No administrator yet. Create one with this one-time link (valid until ${setup.expiresAt}):\n  ${cfg.publicUrl}${setup.path}`);
    });

  program
    .command('migrate')
    .description('apply database migrations')
    .action(() => run('migrate', {}).then(() => console.log('Migrations are up to date.')));

  program
    .command('seed')
    .argument('<what>', 'only "demo"')
    .description('load a scenario')
    .action(async (what: string) => {
      const accounts = await run('seed', { what });
      for (const a of accounts) console.log(`${a.username}\t${a.password}\t${a.role}${a.partyId ? `\t${a.partyId}` : ''}`);
    });

  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .argument('<username>')
    .requiredOption('--password <password>')
    .option('--process <id>')
    .option('--role <role>')
    .option('--party <id>')
    .option('--admin', 'make the account a deployment administrator')
    .action(async (username: string, o: { password: string; process?: string; role?: string; party?: string; admin?: boolean }) => {
      await run('user-add', { username, ...o });
      console.log(`Added ${username}.`);
    });
  user.command('list').action(async () => {
    for (const a of await run('user-list', {}))
      console.log(`${a.username}\t${a.roles.map((r) => `${r.processId}:${r.role}${r.partyId ? `(${r.partyId})` : ''}`).join(', ')}`);
  });

  // The ring is checked by the operation's schema and the domain, as one sent to the API is.
  const outerRing = (file: string): [number, number][] => {
    const ring = firstPolygonRing(JSON.parse(readFileSync(file, 'utf8')));
    if (!ring) throw new Error(`${file} holds no GeoJSON polygon.`);
    return ring;
  };

  const proc = program.command('process').description('manage processes');
  proc
    .command('create')
    .argument('<id>', 'a slug: lower-case letters, digits and dashes')
    .requiredOption('--name-en <name>')
    .option('--name-uk <name>')
    .option('--name-ru <name>')
    .option('--description <text>')
    .option('--mediator <username>', 'the first mediator (an existing account)')
    .option('--area <file>', "the area of interest the process's lines are compared in: a GeoJSON polygon (its outer ring)")
    .option('--area-exact', 'the area is surveyed, not approximate')
    .action(
      async (
        id: string,
        o: { nameEn: string; nameUk?: string; nameRu?: string; description?: string; mediator?: string; area?: string; areaExact?: boolean },
      ) => {
        const names = { en: o.nameEn, ...(o.nameUk ? { uk: o.nameUk } : {}), ...(o.nameRu ? { ru: o.nameRu } : {}) };
        const r = await run('process-create', {
          id,
          names,
          ...(o.description ? { description: o.description } : {}),
          ...(o.area ? { areaOfInterest: { ring: outerRing(o.area), approximate: !o.areaExact } } : {}),
          ...(o.mediator ? { mediator: o.mediator } : {}),
        });
        console.log(`Opened the process ${r.id}${r.mediator ? ` with ${r.mediator} as mediator` : ' (no mediator yet: invite one with parley invite)'}.`);
      },
    );

  program
    .command('invite')
    .argument('<process>')
    .requiredOption('--role <role>', 'mediator, delegate, monitor or analyst')
    .option('--party <id>', "the party a delegate (or a party's analyst) acts for")
    .option('--username <name>', 'a username to suggest')
    .description('print a one-time link (7 days) that gives a person a role in a process')
    .action(async (processId: string, o: { role: string; party?: string; username?: string }) => {
      const r = await run('invite', {
        process: processId,
        role: o.role,
        ...(o.party ? { party: o.party } : {}),
        ...(o.username ? { username: o.username } : {}),
      });
      console.log(`${loadConfig().publicUrl}${r.path}\n(${r.role}${r.partyId ? ` of ${r.partyId}` : ''} in ${r.processId}; one use, until ${r.expiresAt})`);
    });

  registerImport(program, run, DEMO_PROCESS);
  registerIngest(program, run);
  registerAudit(program, withRuntime);

  program
    .command('export')
    .argument('<process>')
    .option('-o, --out <file>')
    .description('export a process as JSON')
    .action(async (processId: string, o: { out?: string }) => {
      const json = JSON.stringify(await run('export', { processId }), null, 2);
      if (o.out) writeFileSync(o.out, json);
      else process.stdout.write(`${json}\n`);
    });

  program
    .command('retention')
    .argument('<process>')
    .requiredOption('--before <date>', 'erase people whose latest status dates from before this day (YYYY-MM-DD)')
    .option('--status <list>', 'the statuses the rule applies to, comma-separated', 'exchanged,released')
    .option('--reason <text>', 'kept in each redaction entry', 'retention rule')
    .description("erase detainees' personal data by a retention rule, each with a redaction entry; prints whom it erased")
    .action(async (processId: string, o: { before: string; status: string; reason: string }) => {
      const r = await run('retention', { processId, before: o.before, statuses: o.status.split(','), reason: o.reason });
      process.stdout.write(`erased ${r.erased.length} ${r.erased.length === 1 ? 'person' : 'people'}${r.erased.length ? `: ${r.erased.join(' ')}` : ''}\n`);
    });

  program
    .command('checkpoint')
    .argument('<process>')
    .description("sign the process log's checkpoint now and print it with the log's verifier key")
    .action(async (processId: string) => {
      const r = await run('checkpoint', { processId });
      process.stdout.write(`# log key (for a verifier policy): ${r.key}\n${r.note}${r.cosignatures.join('')}`);
    });

  program
    .command('witness')
    .description("run a tlog-witness (add-checkpoint) for one Parley log, on a party's own machine")
    .requiredOption('--state <dir>', 'where the witness keeps the latest checkpoint it cosigned')
    .requiredOption('--key <file>', 'the witness signing key; created (cosignature/v1) when the file does not exist')
    .requiredOption('--log-key <vkey>', "the log's verifier key, as GET /api/processes/<id>/log/key gives it")
    .option('--port <n>', 'port to listen on', '7380')
    .option('--host <h>', 'address to listen on', '127.0.0.1')
    .action(async (o: { state: string; key: string; logKey: string; port: string; host: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new AppError('validation', 'invalid_port', `--port must be a port number, not "${o.port}".`);
      const origin = parseVerifierKeyText(o.logKey).name;
      if (!existsSync(o.key)) writeFileSync(o.key, `${generateCosignatureKey(`witness-${Date.now().toString(36)}`).signerKey}\n`, { mode: 0o600, flag: 'wx' });
      const signer = cosignatureSigner(readFileSync(o.key, 'utf8').trim());
      mkdirSync(o.state, { recursive: true });
      const witness = new Witness({ signer, logs: [{ origin, key: o.logKey }], store: new FileWitnessStore(join(o.state, 'witness-state.json')) });
      const server = createWitnessServer({ witness });
      await new Promise<void>((ok) => server.listen(port, o.host, ok));
      console.log(
        `Witness for ${origin} on http://${o.host}:${port}/add-checkpoint\nRegister it with: {"vkey": "${signer.verifierKey}", "url": "http://<this host>:${port}"}`,
      );
      const stop = () => server.close(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  return { run, withRuntime };
}

/**
 * The server that holds the data directory, when a refusal to open it came from one. A server writes its file only
 * once it listens, which after the first start's migrations takes a few seconds: wait for it rather than fail.
 */
async function serverHolding(err: unknown): Promise<LocalServer | null> {
  if (!(err instanceof AppError) || err.reason !== 'data_dir_locked') return null;
  const { pid, command } = err.details as { pid: number; command: string };
  const dataDir = loadConfig().dataDir;
  const deadline = Date.now() + (/(^|\s)serve(\s|$)/.test(command) ? 60_000 : 0);
  for (;;) {
    const server = readLocalServer(dataDir);
    if (server?.pid === pid) return server;
    if (Date.now() >= deadline || !isAlive(pid)) return null;
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
