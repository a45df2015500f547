// konaplate-mock: the QA mock server. `--help` lists the options.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, delimiter, dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { type Contract, loadContract, timeWindowOf, utcOffsetsOf } from './contract.ts';
import type { EncryptionKeys } from './encryption.ts';
import {
  describeFaults,
  describeLatency,
  type FaultMode,
  faultModes,
  type Latency,
  latencyGrammar,
  maxLatencyMs,
  parseLatency,
} from './injection.ts';
import { describeScenario } from './scenarios.ts';

// Prism, jose and the server load only once the options are known to be good (see serve()),
// so --help, --list and a bad option answer at once.

const help = `konaplate-mock: Prism-based mock of Konaplate's card APIs (every operation of the bundled spec)

Options:
  --port <n>                 port to listen on (default 4010; 0 picks a free one)
  --host <addr>              address to listen on (default 127.0.0.1)
  --workers <n>              server processes sharing the port (default: up to 2, one per core)
  --quiet                    no per-request log line
  --list                     print the scenario table and exit
  --latency <spec>           delay every answer: ${latencyGrammar}; at most ${maxLatencyMs} ms (default: none)
  --fault-rate <0..1>        share of requests that get a fault (default 0)
  --fault-mode <mode>        what a fault does: 503 (answer 503 in the platform envelope), drop (reset
                             the connection) or mixed (either, half each) (default 503)
  --secret-file <path>       strict signing: verify X-KM-Tran-Token with the sandbox secret in this file
                             (or set KONAPLATE_MOCK_SECRET)
  --time-window <seconds>    strict signing: how far X-KM-Tran-Time may be from now (default: the
                             contract's assumption, x-time-window-seconds on X-KM-Tran-Time)
  --server-private-key <pem> encryption: decrypt {"encData"} requests with this PKCS#8 key
  --client-public-key <pem>  encryption: encrypt responses to this SPKI key
  --crypto-key-id <id>       encryption: the X-KM-Crypto-Key-Id of the responses
  --generated-dir <dir>      where the bundled spec is (default: the one packaged with the mock,
                             or the repository's generated/)
  --help                     this text

Per request (headers):
  Prefer: code=<status>, example=<name>   choose an answer (either or both; see --list)
  X-Konaplate-Mock-Latency: <spec>        delay this answer (same forms as --latency; 0: none)
  X-Konaplate-Mock-Fault: 503|drop|none   inject a fault into this request, or none

Exit codes: 0 stopped cleanly, 1 could not serve (e.g. the port is in use), 2 bad options.`;

/**
 * This command as it was started, to name in hints: a package script
 * (`pnpm mock`), npx, a bin on the PATH, or node and the file.
 */
function thisCommand(): string {
  const env = process.env;
  const agent = (env.npm_config_user_agent ?? '').split('/')[0];
  const script = env.npm_lifecycle_event;
  // Only when the script being run is this mock, not a test runner that started it.
  if (script && (env.npm_lifecycle_script ?? '').includes('konaplate-mock')) {
    if (env.npm_command === 'exec' || script === 'npx')
      return agent === 'pnpm' ? 'pnpm exec konaplate-mock' : 'npx konaplate-mock';
    if (agent === 'pnpm') return `pnpm ${script}`;
    if (agent === 'yarn') return `yarn ${script}`;
    return `npm run ${script} --`;
  }
  const file = process.argv[1] ?? 'konaplate-mock';
  if ((env.PATH ?? '').split(delimiter).includes(dirname(file))) return basename(file);
  const path = relative(process.cwd(), file) || file;
  return /\.[cm]?[jt]s$/.test(file) ? `node ${path}` : path.includes('/') ? path : `./${path}`;
}

/** A usage mistake: one line, exit 2. */
function fail(message: string): never {
  console.error(`konaplate-mock: ${message}. Run \`${thisCommand()} --help\` for the options.`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        workers: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        latency: { type: 'string' },
        'fault-rate': { type: 'string' },
        'fault-mode': { type: 'string' },
        'secret-file': { type: 'string' },
        'time-window': { type: 'string' },
        'server-private-key': { type: 'string' },
        'client-public-key': { type: 'string' },
        'crypto-key-id': { type: 'string', default: '0000000000000000mocktestkeyid0000' },
        'generated-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // Node's first sentence (`Unknown option '--bogus'`) says it; the rest is about positionals, which there are none of.
    return fail((error as Error).message.split(/\.(?:\s|$)/)[0] ?? 'bad options');
  }
}

const args = readArgs();
if (args.help) {
  console.log(help);
  process.exit(0);
}
const integer = (name: string, text: string, min: number, max: number) => {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(value) || value < min || value > max)
    fail(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
};
const readText = (flag: string, path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`--${flag}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
};

const port = integer('port', args.port, 0, 65535);
const workers = args.workers ? integer('workers', args.workers, 1, 16) : Math.min(2, availableParallelism());

let latency: Latency | undefined;
if (args.latency !== undefined) {
  const parsed = parseLatency(args.latency);
  if ('error' in parsed) fail(`--latency: ${parsed.error}`);
  latency = parsed;
}
let faultRate = 0;
if (args['fault-rate'] !== undefined) {
  const text = args['fault-rate'];
  faultRate = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(faultRate >= 0 && faultRate <= 1))
    fail(`--fault-rate must be a number from 0 to 1 (0.1 is 10%), got "${text}"`);
}
const faultMode = (args['fault-mode'] ?? '503') as FaultMode;
if (!faultModes.includes(faultMode)) fail(`--fault-mode must be ${faultModes.join(', ')}, got "${args['fault-mode']}"`);
if (args['fault-mode'] !== undefined && args['fault-rate'] === undefined)
  fail('--fault-mode needs --fault-rate (or send X-Konaplate-Mock-Fault on a request)');

let contract: Contract;
try {
  contract = loadContract(args['generated-dir']);
} catch (error) {
  fail((error as Error).message);
}
const windowSeconds =
  args['time-window'] !== undefined
    ? integer('time-window', args['time-window'], 1, 86_400)
    : (timeWindowOf(contract) ?? fail('the spec gives no x-time-window-seconds on X-KM-Tran-Time: pass --time-window'));

function scenarioTable(): string {
  const rows = contract.scenarios.operations.flatMap((op) => [
    ...op.scenarios.map((s) => [
      `${op.method.toUpperCase()} ${op.path}`,
      s.example,
      `${s.status} ${s.code}${s.provisional ? ' (provisional)' : ''}`,
      describeScenario(s, contract.scenarios),
    ]),
    ...(op.fault
      ? [
          [
            `${op.method.toUpperCase()} ${op.path}`,
            op.fault.example,
            `${op.fault.status} ${op.fault.code}${op.fault.provisional ? ' (provisional)' : ''}`,
            'an injected 503 fault',
          ],
        ]
      : []),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')).join('\n');
}

/** How to choose an answer with Prefer, with an example pair from the spec. */
function preferHint(): string {
  const op = contract.scenarios.operations.find((o) => o.scenarios.some((s) => s.status !== 200));
  const sample = op?.scenarios.find((s) => s.status !== 200);
  const both = sample ? ` (Prefer: code=${sample.status}, example=${sample.example})` : '';
  return `Any answer is also reachable with the header Prefer: example=<name>, code=<status>, or both${both}.`;
}

const operationCount = contract.scenarios.operations.length;
const operationsLine = `${operationCount} operation${operationCount === 1 ? '' : 's'} from the spec: ${contract.scenarios.operations.map((o) => o.operationId).join(', ')}`;

if (args.list) {
  console.log(`${operationsLine}\n\n${scenarioTable()}\n\n${preferHint()}`);
  process.exit(0);
}

const secret =
  process.env.KONAPLATE_MOCK_SECRET ??
  (args['secret-file'] ? readText('secret-file', args['secret-file']).trim() : undefined);
if (secret !== undefined && secret.length === 0) fail('the sandbox secret is empty');
if (args['client-public-key'] && !args['server-private-key']) fail('--client-public-key needs --server-private-key');

const listenProblems: Record<string, string> = {
  EADDRINUSE: `the port is in use; stop what holds it, or run \`${thisCommand()} --port 0\` for a free one`,
  EACCES: `permission denied; choose a port above 1023 (\`${thisCommand()} --port 0\` picks a free one)`,
  EADDRNOTAVAIL: 'the address is not one of this machine; choose another with --host <addr>',
};
const listenFailure = (error: NodeJS.ErrnoException) =>
  `konaplate-mock: cannot listen on ${args.host}:${port} (${error.code ?? 'error'}): ${listenProblems[error.code ?? ''] ?? error.message}`;

/** A runtime failure, not a usage one: one line, exit 1. A worker lets the primary say it, once. */
function stopWith(line: string): void {
  if (cluster.isWorker) process.send?.({ failed: line }, () => process.exit(1));
  else {
    console.error(line);
    process.exit(1);
  }
}

/** The encryption keys of the flags, or a usage failure naming the flag (exit 2). */
async function loadEncryption(): Promise<EncryptionKeys | undefined> {
  if (!args['server-private-key']) return undefined;
  const { loadKeys } = await import('./encryption.ts');
  try {
    return await loadKeys({
      keyId: args['crypto-key-id'],
      serverPrivateKey: readText('server-private-key', args['server-private-key']),
      clientPublicKey: args['client-public-key'] ? readText('client-public-key', args['client-public-key']) : undefined,
    });
  } catch (error) {
    return fail(`cannot use the encryption keys: ${(error as Error).message}`);
  }
}

async function serve(): Promise<void> {
  const { createMockServer } = await import('./server.ts');
  const encryption = await loadEncryption();
  let mock: import('./server.ts').MockServer;
  try {
    mock = await createMockServer({
      contract,
      signing: secret ? { secret, windowSeconds, now: Date.now, utcOffsets: utcOffsetsOf(contract) } : undefined,
      encryption,
      injection: latency || faultRate > 0 ? { latency, faultRate, faultMode } : undefined,
      log: args.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    // The contract cannot be served (a scenario table that does not match the spec, ...): one line, exit 1.
    return stopWith(`konaplate-mock: cannot serve this contract: ${(error as Error).message.split('\n')[0]}`);
  }
  let url: URL;
  try {
    url = await mock.listen(port, args.host);
  } catch (error) {
    return stopWith(listenFailure(error as NodeJS.ErrnoException));
  }
  const stop = () => {
    mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  if (cluster.isPrimary) announce(url, 1);
  else process.send?.({ listening: url.href });
}

function announce(url: URL, count: number) {
  const modes = [
    secret ? `strict signing on (window ${windowSeconds} s)` : 'strict signing off',
    args['server-private-key']
      ? `encryption on${args['client-public-key'] ? '' : ' (responses in plaintext: no client key)'}`
      : 'encryption off',
    describeLatency(latency),
    describeFaults(faultRate, faultMode),
  ];
  console.log(`Konaplate mock listening on ${url.href.replace(/\/$/, '')} (${count} worker${count > 1 ? 's' : ''}; ${modes.join('; ')})
${operationsLine}

${scenarioTable()}

${preferHint()}
Per request: X-Konaplate-Mock-Latency: <ms> delays an answer; X-Konaplate-Mock-Fault: 503|drop|none injects a fault. Ctrl-C stops.`);
}

if (workers > 1 && cluster.isPrimary) {
  // Bad keys are a usage error the primary reports once (exit 2), before any worker starts.
  await loadEncryption();
  let listening = 0;
  let alive = workers;
  let stopping = false;
  let exitCode = 0;
  /** Stops every worker, then exits with the code once they are all gone (none writes to a closed channel). */
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  for (let i = 0; i < workers; i += 1) {
    cluster.fork().on('message', (message: { listening?: string; failed?: string }) => {
      if (message.failed) {
        if (!stopping) console.error(message.failed);
        stopAll(1);
        return;
      }
      listening += 1;
      if (message.listening && listening === workers && !stopping) announce(new URL(message.listening), workers);
    });
  }
  cluster.on('exit', (_, code) => {
    if (!stopping && code !== 0) {
      console.error(`konaplate-mock: a worker exited with ${code}; stopping`);
      stopAll(1);
    }
    alive -= 1;
    if (alive === 0) process.exit(exitCode);
  });
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
} else {
  if (cluster.isWorker) cluster.worker?.on('error', () => process.exit(1));
  await serve();
}
