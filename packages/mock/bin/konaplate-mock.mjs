#!/usr/bin/env node
// Runs the mock's TypeScript source directly (tsx), in this process and in each cluster worker.
import { register } from 'tsx/esm/api';

register();
const { processIo, run } = await import('../src/cli.ts');
process.exit(await run(process.argv.slice(2), await processIo()));
