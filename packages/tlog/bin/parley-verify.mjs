#!/usr/bin/env node
// Node 20 cannot load TypeScript by itself: register tsx, then run the verifier CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const { code, out } = await main(process.argv.slice(2));
(code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
process.exitCode = code;
