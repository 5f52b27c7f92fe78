import { Command } from 'commander';
import { runCli } from './cli/commands.ts';

const program = new Command('parley').description('Parley: the shared workspace and verifiable record of a peace process');
runCli(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
