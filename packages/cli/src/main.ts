// The konaplate executable: runs the CLI on this process's arguments.
import { run } from './cli.ts';

process.exitCode = await run(process.argv.slice(2));
