#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx readout` works right after `npm install`
// with no build step and the data files (rules, lexicons, KB) stay next to the code that reads them.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
