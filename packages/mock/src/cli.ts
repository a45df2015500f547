// konaplate-mock: the QA mock server. Run `konaplate-mock --help`.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadContract, utcOffsetsOf } from './contract.ts';
import { type EncryptionKeys, loadKeys } from './encryption.ts';
import { describeWhen } from './scenarios.ts';
import { createMockServer } from './server.ts';

const help = `konaplate-mock: Prism-based mock of Konaplate's card APIs

Options:
  --port <n>                 port to listen on (default 4010; 0 picks a free one)
  --host <addr>              address to listen on (default 127.0.0.1)
  --workers <n>              server processes sharing the port (default: up to 2, one per core)
  --quiet                    no per-request log line
  --list                     print the scenario table and exit
  --secret-file <path>       strict signing: verify X-KM-Tran-Token with the sandbox secret in this file
                             (or set KONAPLATE_MOCK_SECRET)
  --time-window <seconds>    strict signing: how far X-KM-Tran-Time may be from now (default 300)
  --server-private-key <pem> encryption: decrypt {"encData"} requests with this PKCS#8 key
  --client-public-key <pem>  encryption: encrypt responses to this SPKI key
  --crypto-key-id <id>       encryption: the X-KM-Crypto-Key-Id of the responses
  --generated-dir <dir>      where the bundled spec is (default: the repository's generated/)
  --help                     this text`;

function fail(message: string): never {
  console.error(`konaplate-mock: ${message}\nRun konaplate-mock --help for the options.`);
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
        'secret-file': { type: 'string' },
        'time-window': { type: 'string', default: '300' },
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
    return fail((error as Error).message);
  }
}

const args = readArgs();
if (args.help) {
  console.log(help);
  process.exit(0);
}
const integer = (name: string, text: string, min: number, max: number) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
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
const windowSeconds = integer('time-window', args['time-window'], 1, 86_400);
let contract: ReturnType<typeof loadContract>;
try {
  contract = loadContract(args['generated-dir']);
} catch (error) {
  fail((error as Error).message);
}

function scenarioTable(): string {
  const rows = contract.scenarios.operations.flatMap((op) =>
    op.scenarios.map((s) => [
      `${op.method.toUpperCase()} ${op.path}`,
      s.example,
      `${s.status} ${s.code}${s.provisional ? ' (provisional)' : ''}`,
      describeWhen(s.when),
    ]),
  );
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')).join('\n');
}

if (args.list) {
  console.log(
    `${scenarioTable()}\n\nAny scenario is also reachable with the header Prefer: example=<name> (or Prefer: code=<status>).`,
  );
  process.exit(0);
}

const secret =
  process.env.KONAPLATE_MOCK_SECRET ??
  (args['secret-file'] ? readText('secret-file', args['secret-file']).trim() : undefined);
if (secret !== undefined && secret.length === 0) fail('the sandbox secret is empty');
if (args['client-public-key'] && !args['server-private-key']) fail('--client-public-key needs --server-private-key');

async function serve(): Promise<void> {
  let encryption: EncryptionKeys | undefined;
  if (args['server-private-key']) {
    try {
      encryption = await loadKeys({
        keyId: args['crypto-key-id'],
        serverPrivateKey: readText('server-private-key', args['server-private-key']),
        clientPublicKey: args['client-public-key']
          ? readText('client-public-key', args['client-public-key'])
          : undefined,
      });
    } catch (error) {
      fail(`cannot use the encryption keys: ${(error as Error).message}`);
    }
  }
  const mock = await createMockServer({
    contract,
    signing: secret ? { secret, windowSeconds, now: Date.now, utcOffsets: utcOffsetsOf(contract) } : undefined,
    encryption,
    log: args.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
  });
  const url = await mock
    .listen(port, args.host)
    .catch((error: NodeJS.ErrnoException) =>
      fail(`cannot listen on ${args.host}:${port} (${error.code ?? error.message})`),
    );
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
  ];
  console.log(`Konaplate mock listening on ${url.href.replace(/\/$/, '')} (${count} worker${count > 1 ? 's' : ''}; ${modes.join('; ')})

${scenarioTable()}

Any scenario is also reachable with Prefer: example=<name> (or Prefer: code=<status>). Ctrl-C stops.`);
}

if (workers > 1 && cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < workers; i += 1) {
    cluster.fork().on('message', (message: { listening?: string }) => {
      listening += 1;
      if (message.listening && listening === workers) announce(new URL(message.listening), workers);
    });
  }
  cluster.on('exit', (_, code) => {
    if (code !== 0 && !stopping) {
      console.error(`konaplate-mock: a worker exited with ${code}; stopping`);
      process.exit(1);
    }
  });
  let stopping = false;
  const stopAll = () => {
    stopping = true;
    cluster.disconnect(() => process.exit(0));
  };
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
} else {
  await serve();
}
