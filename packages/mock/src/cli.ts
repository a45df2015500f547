// konaplate-mock: the QA mock server. `run` is the whole command line (tests call it in process);
// main.ts and bin/konaplate-mock.mjs are the executables around it. `--help` lists the options.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, delimiter, dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ext, timeWindowSeconds, utcOffsets } from '@konaplate-contract/contract';
import { maskCardNumbers } from '@konaplate-contract/contract/protocol';
import type { Ask, PrimaryMessage, WorkerMessage } from './cluster.ts';
import { type Contract, loadContract } from './contract.ts';
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
import { journalBound, type KeptEntry } from './journal.ts';
import { formatEvent, type LogFormat, logFormats } from './log.ts';
import { describeScenario } from './scenarios.ts';
import { contractVersionOf, packageVersion } from './version.ts';

// Prism, jose and the server load only once the options are known to be good (see serve()),
// so --help, --list and a bad option answer at once.

export const help = `konaplate-mock: Prism-based mock of Konaplate's card APIs (every operation of the bundled spec)

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
                             contract's assumption, ${ext.timeWindowSeconds} on X-KM-Tran-Time)
  --server-private-key <pem> encryption: decrypt {"encData"} requests with this PKCS#8 key
  --client-public-key <pem>  encryption: encrypt responses to this SPKI key
  --crypto-key-id <id>       encryption: the X-KM-Crypto-Key-Id of the responses
  --generated-dir <dir>      where the bundled spec is (default: the one packaged with the mock,
                             or the repository's generated/)
  --scenarios <file>         add QA's own scenarios (YAML or JSON), checked against the contract at start
                             and reloaded when the file changes (see the README)
  --log-format <format>      text (default) or json: one JSON object per line
  --no-journal               keep no request journal (default: the last ${journalBound} requests, at
                             GET /__konaplate/requests)
  --no-cors                  no CORS headers, and no answer to preflights (default: on, as stock Prism)
  --version                  the mock's version and the contract's
  --help                     this text

The mock's own endpoints (the prefix /__konaplate/ is reserved):
  GET /__konaplate/health          200 JSON: the contract's version and the operations served
  GET /__konaplate/openapi.json    the bundled contract the mock serves
  GET /__konaplate/requests        the journal, newest first (?correlationId=<id>, ?limit=<n>)
  DELETE /__konaplate/requests     clears the journal

Per request (headers):
  Prefer: code=<status>, example=<name>   choose an answer (either or both; see --list)
  X-Konaplate-Mock-Latency: <spec>        delay this answer (same forms as --latency; 0: none)
  X-Konaplate-Mock-Fault: 503|drop|none   inject a fault into this request, or none

Exit codes: 0 stopped cleanly, 1 could not serve (e.g. the port is in use), 2 bad options.`;

export type { PrimaryMessage, WorkerMessage } from './cluster.ts';

/** A worker process as the primary sees it. */
export interface ClusterWorker {
  on(event: 'message', listener: (message: WorkerMessage) => void): unknown;
  /** Sends the worker a message (a question for its part of the journal, a reloaded scenarios file). */
  send(message: PrimaryMessage): void;
  /** Asks the worker to stop (SIGTERM). */
  kill(): void;
}

/** Several server processes sharing the port: Node's cluster, or a stand-in in tests. */
export interface ClusterIo {
  /** This process is a worker a primary started with the same command line. */
  isWorker: boolean;
  /** Starts a worker (primary only). */
  fork(): ClusterWorker;
  /** Calls back with each worker's exit code (primary only; null: killed by a signal). */
  onExit(listener: (code: number | null) => void): void;
  /** Sends a message to the primary (worker only); resolves once it is on its way. */
  tell(message: WorkerMessage): Promise<void>;
  /** Calls back with each message from the primary (worker only). */
  onMessage(listener: (message: PrimaryMessage) => void): void;
}

/** Everything the command touches outside itself. */
export interface MockIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** The file the command runs as (process.argv[1]) and the working directory: for the command named in hints. */
  script: string;
  cwd: string;
  /** Resolves when the server is to stop (SIGINT, SIGTERM; for a worker also its primary gone). */
  waitForStop(): Promise<void>;
  /** Several processes for --workers above 1; without it one server runs in this process. */
  cluster?: ClusterIo;
}

/** The real process: its streams, environment, signals and Node's cluster. */
export async function processIo(): Promise<MockIo> {
  const { default: cluster } = await import('node:cluster');
  const clusterMessages = await import('./cluster.ts');
  if (cluster.isWorker) cluster.worker?.on('error', () => process.exit(1));
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    script: process.argv[1] ?? 'konaplate-mock',
    cwd: process.cwd(),
    waitForStop: () =>
      new Promise((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        process.once('disconnect', stop);
      }),
    cluster: {
      isWorker: cluster.isWorker,
      fork: () => {
        const worker = cluster.fork();
        return {
          on: (event, listener) => worker.on(event, listener),
          send: (message) => {
            // A worker already gone cannot take it; the question then times out without its part.
            if (worker.isConnected()) worker.send(message, () => {});
          },
          kill: () => worker.process.kill('SIGTERM'),
        };
      },
      onExit: (listener) => cluster.on('exit', (_, code) => listener(code)),
      tell: (message) => new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve())),
      onMessage: (listener) => {
        const { isPrimaryMessage } = clusterMessages;
        process.on('message', (message) => {
          if (isPrimaryMessage(message)) listener(message);
        });
      },
    },
  };
}

/** A usage mistake: one line, exit 2. */
class UsageError extends Error {}

/** A runtime failure (cannot listen, cannot serve this contract): the line as it is, exit 1. */
class ServeError extends Error {}

/** Input that cannot be used (a scenarios file that breaks the contract): the line as it is, exit 2. */
class InputError extends Error {}

/**
 * This command as it was started, to name in hints: a package script
 * (`pnpm mock`), npx, a bin on the PATH, or node and the file.
 */
function thisCommand(io: MockIo): string {
  const env = io.env;
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
  const file = io.script;
  if ((env.PATH ?? '').split(delimiter).includes(dirname(file))) return basename(file);
  const path = relative(io.cwd, file) || file;
  return /\.[cm]?[jt]s$/.test(file) ? `node ${path}` : path.includes('/') ? path : `./${path}`;
}

const fail = (message: string): never => {
  throw new UsageError(message);
};

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
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
        scenarios: { type: 'string' },
        'log-format': { type: 'string', default: 'text' },
        'no-journal': { type: 'boolean', default: false },
        'no-cors': { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
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

/** The options of a command line, checked: every mistake is a UsageError naming the flag and the rule. */
function readOptions(argv: string[], io: MockIo) {
  const args = readArgs(argv);
  if (args.help) return { help: true as const };
  const logFormat = args['log-format'] as LogFormat;
  if (!logFormats.includes(logFormat))
    fail(`--log-format must be ${logFormats.join(' or ')}, got "${args['log-format']}"`);
  const port = integer('port', args.port, 0, 65535);
  const workers = args.workers ? integer('workers', args.workers, 1, 16) : Math.min(2, availableParallelism());

  let latency: Latency | undefined;
  if (args.latency !== undefined) {
    const parsed = parseLatency(args.latency);
    if ('error' in parsed) fail(`--latency: ${parsed.error}`);
    else latency = parsed;
  }
  let faultRate = 0;
  if (args['fault-rate'] !== undefined) {
    const text = args['fault-rate'];
    faultRate = Number(text);
    if (!/^\d*\.?\d+$/.test(text) || !(faultRate >= 0 && faultRate <= 1))
      fail(`--fault-rate must be a number from 0 to 1 (0.1 is 10%), got "${text}"`);
  }
  const faultMode = (args['fault-mode'] ?? '503') as FaultMode;
  if (!faultModes.includes(faultMode))
    fail(`--fault-mode must be ${faultModes.join(', ')}, got "${args['fault-mode']}"`);
  if (args['fault-mode'] !== undefined && args['fault-rate'] === undefined)
    fail('--fault-mode needs --fault-rate (or send X-Konaplate-Mock-Fault on a request)');

  let contract: Contract;
  try {
    contract = loadContract(args['generated-dir']);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (args.version) return { help: false as const, list: false as const, version: true as const, contract };
  const windowSeconds =
    args['time-window'] !== undefined
      ? integer('time-window', args['time-window'], 1, 86_400)
      : (timeWindowSeconds(contract.spec) ??
        fail(`the spec gives no ${ext.timeWindowSeconds} on X-KM-Tran-Time: pass --time-window`));
  if (args.list) return { help: false as const, list: true as const, version: false as const, contract };

  const secret =
    io.env.KONAPLATE_MOCK_SECRET ??
    (args['secret-file'] ? readText('secret-file', args['secret-file']).trim() : undefined);
  if (secret !== undefined && secret.length === 0) fail('the sandbox secret is empty');
  if (args['client-public-key'] && !args['server-private-key']) fail('--client-public-key needs --server-private-key');
  if (args.scenarios !== undefined && args.scenarios.trim() === '') fail('--scenarios needs a file');
  return {
    help: false as const,
    list: false as const,
    version: false as const,
    contract,
    logFormat,
    cors: !args['no-cors'],
    journal: !args['no-journal'],
    scenarios: args.scenarios,
    port,
    host: args.host,
    workers,
    quiet: args.quiet,
    latency,
    faultRate,
    faultMode,
    windowSeconds,
    secret,
    keyFiles: args['server-private-key']
      ? {
          keyId: args['crypto-key-id'],
          serverPrivateKey: args['server-private-key'],
          clientPublicKey: args['client-public-key'],
        }
      : undefined,
  };
}

type ServeOptions = Extract<ReturnType<typeof readOptions>, { list: false; version: false }>;

function scenarioTable(contract: Contract): string {
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
function preferHint(contract: Contract): string {
  const op = contract.scenarios.operations.find((o) => o.scenarios.some((s) => s.status !== 200));
  const sample = op?.scenarios.find((s) => s.status !== 200);
  const both = sample ? ` (Prefer: code=${sample.status}, example=${sample.example})` : '';
  return `Any answer is also reachable with the header Prefer: example=<name>, code=<status>, or both${both}.`;
}

function operationsLine(contract: Contract): string {
  const operations = contract.scenarios.operations;
  return `${operations.length} operation${operations.length === 1 ? '' : 's'} from the spec: ${operations.map((o) => o.operationId).join(', ')}`;
}

/** The line naming the versions and what the mock offers beyond the contract. */
function versionLine(options: ServeOptions): string {
  const journal = options.journal
    ? `journal on (last ${journalBound} requests: GET /__konaplate/requests)`
    : 'journal off';
  return `Contract ${contractVersionOf(options.contract)}, mock ${packageVersion()}; ${journal}; CORS ${options.cors ? 'on' : 'off'}; health: GET /__konaplate/health`;
}

function banner(options: ServeOptions, url: URL, count: number, scenarios: string | undefined): string {
  const modes = [
    options.secret ? `strict signing on (window ${options.windowSeconds} s)` : 'strict signing off',
    options.keyFiles
      ? `encryption on${options.keyFiles.clientPublicKey ? '' : ' (responses in plaintext: no client key)'}`
      : 'encryption off',
    describeLatency(options.latency),
    describeFaults(options.faultRate, options.faultMode),
  ];
  const custom = scenarios
    ? `Scenarios file ${options.scenarios}: ${scenarios}, before the spec's; reloaded when it changes.\n`
    : '';
  return `Konaplate mock listening on ${url.href.replace(/\/$/, '')} (${count} worker${count > 1 ? 's' : ''}; ${modes.join('; ')})
${versionLine(options)}
${operationsLine(options.contract)}

${scenarioTable(options.contract)}

${custom}${preferHint(options.contract)}
Per request: X-Konaplate-Mock-Latency: <ms> delays an answer; X-Konaplate-Mock-Fault: 503|drop|none injects a fault. Ctrl-C stops.
`;
}

/**
 * Says the mock is listening: the banner on stdout; with --log-format json, stdout carries only JSON lines,
 * so a `listening` event goes there and the banner to stderr.
 */
function announce(options: ServeOptions, io: MockIo, url: URL, count: number, scenarios: string | undefined): void {
  const text = banner(options, url, count, scenarios);
  if (options.logFormat !== 'json') {
    io.out(text);
    return;
  }
  io.err(text);
  io.out(
    `${formatEvent(
      'listening',
      '',
      {
        url: url.href.replace(/\/$/, ''),
        workers: count,
        contractVersion: contractVersionOf(options.contract),
        mockVersion: packageVersion(),
        operations: options.contract.scenarios.operations.map((op) => op.operationId),
        journal: options.journal,
        cors: options.cors,
      },
      'json',
    )}\n`,
  );
}

/** A line about the scenarios file (reloaded, or kept after a bad edit), in the log's format. */
function scenariosEvent(options: ServeOptions, outcome: { count: string } | { problem: string; kept: string }): string {
  const file = options.scenarios ?? '';
  return 'problem' in outcome
    ? formatEvent(
        'scenarios-kept',
        `scenarios not reloaded: ${outcome.problem}; keeping the previous ${outcome.kept}`,
        { file, problem: outcome.problem, scenarios: outcome.kept },
        options.logFormat,
      )
    : formatEvent(
        'scenarios-reloaded',
        `scenarios reloaded from ${file}: ${outcome.count}`,
        { file, scenarios: outcome.count },
        options.logFormat,
      );
}

/** The encryption keys of the flags, or a usage failure naming the flag (exit 2). */
async function loadEncryption(options: ServeOptions): Promise<EncryptionKeys | undefined> {
  const files = options.keyFiles;
  if (!files) return undefined;
  const { loadKeys } = await import('./encryption.ts');
  try {
    return await loadKeys({
      keyId: files.keyId,
      serverPrivateKey: readText('server-private-key', files.serverPrivateKey),
      clientPublicKey: files.clientPublicKey ? readText('client-public-key', files.clientPublicKey) : undefined,
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return fail(`cannot use the encryption keys: ${(error as Error).message}`);
  }
}

const listenProblems = (command: string): Record<string, string> => ({
  EADDRINUSE: `the port is in use; stop what holds it, or run \`${command} --port 0\` for a free one`,
  EACCES: `permission denied; choose a port above 1023 (\`${command} --port 0\` picks a free one)`,
  EADDRNOTAVAIL: 'the address is not one of this machine; choose another with --host <addr>',
});

/** One server in this process; `ready` is told where it listens. Resolves once it has stopped. */
async function serve(
  options: ServeOptions,
  io: MockIo,
  ready: (url: URL, scenarios: string | undefined) => Promise<void> | void,
): Promise<void> {
  const { createMockServer } = await import('./server.ts');
  const { batchedLines } = await import('./log.ts');
  const encryption = await loadEncryption(options);
  const worker = io.cluster?.isWorker === true ? io.cluster : undefined;
  const { asker } = await import('./cluster.ts');
  const primary = worker ? asker((message) => worker.tell(message)) : undefined;
  // The request log: the lines of one turn of the event loop written at once.
  const lines = batchedLines((text) => io.out(text));
  let mock: import('./server.ts').MockServer;
  try {
    mock = await createMockServer({
      contract: options.contract,
      signing: options.secret
        ? {
            secret: options.secret,
            windowSeconds: options.windowSeconds,
            now: Date.now,
            utcOffsets: utcOffsets(options.contract.spec),
          }
        : undefined,
      encryption,
      injection:
        options.latency || options.faultRate > 0
          ? { latency: options.latency, faultRate: options.faultRate, faultMode: options.faultMode }
          : undefined,
      log: options.quiet ? undefined : lines.line,
      logFormat: options.logFormat,
      cors: options.cors,
      journal: options.journal,
      workers: worker ? options.workers : 1,
      sharedJournal: primary
        ? {
            query: async (query) => (await primary.ask({ journal: 'query', query })) as KeptEntry[],
            clear: async () => (await primary.ask({ journal: 'clear' })) as number,
          }
        : undefined,
    });
  } catch (error) {
    // The contract cannot be served (a scenario table that does not match the spec, ...).
    throw new ServeError(`konaplate-mock: cannot serve this contract: ${(error as Error).message.split('\n')[0]}`);
  }
  const served = mock;

  // QA's scenarios file, checked against this engine's operations.
  const { loadScenarios, describeScenarios, watchScenarios, checkScenarios } = await import('./custom-scenarios.ts');
  let described: string | undefined;
  if (options.scenarios) {
    const loaded = loadScenarios(options.scenarios, served.engine.scenarioContext);
    if ('error' in loaded) throw new InputError(`konaplate-mock: --scenarios: ${loaded.error}`);
    served.engine.setScenarios(loaded.scenarios);
    described = describeScenarios(loaded.scenarios);
  }

  if (worker) {
    // The primary's questions: this worker's part of the journal, a reloaded scenarios file.
    worker.onMessage((message) => {
      if ('reply' in message) return primary?.reply(message);
      const answer = (ask: Ask): unknown => {
        if ('scenarios' in ask) {
          const checked = checkScenarios(ask.scenarios, options.scenarios ?? '', served.engine.scenarioContext);
          if ('error' in checked) return { error: checked.error };
          served.engine.setScenarios(checked.scenarios);
          described = describeScenarios(checked.scenarios);
          return { count: described };
        }
        if (ask.journal === 'query') return served.journal?.query(ask.query) ?? [];
        return served.journal?.clear() ?? 0;
      };
      worker.tell({ reply: message.request, result: answer(message.ask) }).catch(() => {});
    });
  }

  let url: URL;
  try {
    url = await served.listen(options.port, options.host);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ServeError(
      `konaplate-mock: cannot listen on ${options.host}:${options.port} (${code ?? 'error'}): ${listenProblems(thisCommand(io))[code ?? ''] ?? message}`,
    );
  }

  // One process alone watches its scenarios file; in a cluster the primary does, and tells the workers.
  const file = options.scenarios;
  const stopWatching =
    file && !worker
      ? watchScenarios(file, () => {
          const loaded = loadScenarios(file, served.engine.scenarioContext);
          if ('error' in loaded) {
            lines.line(scenariosEvent(options, { problem: loaded.error, kept: described ?? '0 scenarios' }));
            return;
          }
          served.engine.setScenarios(loaded.scenarios);
          described = describeScenarios(loaded.scenarios);
          lines.line(scenariosEvent(options, { count: described }));
        })
      : undefined;

  const stopped = io.waitForStop();
  await ready(url, described);
  await stopped;
  stopWatching?.();
  await served.close();
  lines.flush();
}

/** The primary of several workers: starts them, announces once all listen, stops them all; resolves to the exit code. */
async function lead(options: ServeOptions, io: MockIo, cluster: ClusterIo): Promise<number> {
  // Bad keys and a bad scenarios file are usage errors the primary reports once, before any worker starts.
  await loadEncryption(options);
  const custom = options.scenarios ? await import('./custom-scenarios.ts') : undefined;
  const context = custom ? await custom.scenarioContextOf(options.contract) : undefined;
  let described: string | undefined;
  if (custom && context && options.scenarios) {
    const loaded = custom.loadScenarios(options.scenarios, context);
    if ('error' in loaded) throw new InputError(`konaplate-mock: --scenarios: ${loaded.error}`);
    described = custom.describeScenarios(loaded.scenarios);
  }
  const { gatherer, combine } = await import('./cluster.ts');
  const parts = gatherer();

  return new Promise((resolve) => {
    const workers: ClusterWorker[] = [];
    let listening = 0;
    let alive = options.workers;
    let stopping = false;
    let exitCode = 0;
    let stopWatching: (() => void) | undefined;
    /** Stops every worker; the code is the exit code once they are all gone (none writes to a closed channel). */
    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      stopWatching?.();
      for (const worker of workers) worker.kill();
    };
    cluster.onExit((code) => {
      const settle = () => {
        if (!stopping && code !== 0) {
          io.err(`konaplate-mock: a worker exited with ${code}; stopping\n`);
          stopAll(1);
        }
        alive -= 1;
        if (alive === 0) resolve(exitCode);
      };
      // A worker that cannot serve says why, then exits: its exit can arrive before its message does, so
      // an unexplained exit waits a moment for the message (which then stops the others, saying why).
      if (!stopping && code !== 0) setTimeout(settle, 200);
      else settle();
    });
    io.waitForStop().then(() => stopAll(0));

    /** The scenarios file changed: checked here, then taken by every worker before the reload is announced. */
    const reload = async () => {
      const file = options.scenarios;
      if (!custom || !context || !file || stopping) return;
      const loaded = custom.loadScenarios(file, context);
      if ('error' in loaded) {
        io.out(`${scenariosEvent(options, { problem: loaded.error, kept: described ?? '0 scenarios' })}\n`);
        return;
      }
      const text = readFileSync(file, 'utf8');
      const results = (await parts.ask(workers, { scenarios: text })) as Array<{ count?: string; error?: string }>;
      const failed = results.find((r) => r.error);
      if (failed?.error) {
        io.out(`${scenariosEvent(options, { problem: failed.error, kept: described ?? '0 scenarios' })}\n`);
        return;
      }
      described = custom.describeScenarios(loaded.scenarios);
      io.out(`${scenariosEvent(options, { count: described })}\n`);
    };

    for (let i = 0; i < options.workers; i += 1) {
      const worker = cluster.fork();
      workers.push(worker);
      worker.on('message', (message) => {
        if ('reply' in message) return parts.reply(message);
        if ('request' in message) {
          // A worker asks for what spans them all (the journal): every worker's part, combined.
          const { request, ask } = message;
          parts.ask(workers, ask).then((results) => worker.send({ reply: request, result: combine(ask, results) }));
          return;
        }
        if ('failed' in message) {
          if (!stopping) io.err(`${message.failed}\n`);
          stopAll(1);
          return;
        }
        listening += 1;
        if (listening === options.workers && !stopping) {
          announce(options, io, new URL(message.listening), options.workers, described);
          if (custom && options.scenarios) stopWatching = custom.watchScenarios(options.scenarios, () => void reload());
        }
      });
    }
  });
}

/** Runs one command line; resolves to the exit code once the mock has stopped. Never throws, never prints a stack trace. */
export async function run(argv: string[], io: MockIo): Promise<number> {
  const worker = io.cluster?.isWorker === true;
  try {
    const options = readOptions(argv, io);
    if (options.help) {
      io.out(`${help}\n`);
      return 0;
    }
    if (options.version) {
      io.out(`konaplate-mock ${packageVersion()} (contract ${contractVersionOf(options.contract)})\n`);
      return 0;
    }
    if (options.list) {
      io.out(
        `${operationsLine(options.contract)}\n\n${scenarioTable(options.contract)}\n\n${preferHint(options.contract)}\n`,
      );
      return 0;
    }
    if (io.cluster && !worker && options.workers > 1) return await lead(options, io, io.cluster);
    const cluster = io.cluster;
    await serve(options, io, (url, scenarios) =>
      worker && cluster ? cluster.tell({ listening: url.href }) : announce(options, io, url, 1, scenarios),
    );
    return 0;
  } catch (error) {
    const line =
      error instanceof UsageError
        ? `konaplate-mock: ${error.message}. Run \`${thisCommand(io)} --help\` for the options.`
        : error instanceof ServeError || error instanceof InputError
          ? error.message
          : // A bug of ours: one line, no stack.
            `konaplate-mock: internal error: ${maskCardNumbers(String((error as Error)?.message ?? error).split('\n')[0] ?? '')}`;
    // A worker lets the primary say it, once.
    if (worker && io.cluster) await io.cluster.tell({ failed: line });
    else io.err(`${line}\n`);
    return error instanceof UsageError || error instanceof InputError ? 2 : 1;
  }
}
