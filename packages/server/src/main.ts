import { Command } from 'commander';
import { runCli } from './cli/commands.ts';
import { describeError } from './cli/print-error.ts';

const program = new Command('parley').description('Parley: the shared workspace and verifiable record of a peace process');
runCli(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(describeError(err));
  process.exitCode = 1;
});
