// The konaplate-mock executable of the published package (dist/cli.js): the command line in this process.
import { processIo, run } from './cli.ts';

process.exit(await run(process.argv.slice(2), await processIo()));
