// `pnpm bench:client`, side by side in one run:
// - per call against a local node:http server (interleaved rounds, ratios taken per round): a bare fetch
//   (headers precomputed), the peer (openapi-fetch with a middleware doing the same HMAC signing and
//   headers), the client with its defaults, the client with request and response checking on ('strict')
//   and every hook set, and the client encrypting both ways;
// - the client's own CPU per call with a stubbed fetch (process CPU time, the stub's own cost taken off);
// - the browser bundle without encryption (esbuild, minified + gzip), as the published build makes it.
// Each goal of issue 17 is printed as met or not.
//
// The peer row needs `openapi-fetch` in the root devDependencies; without it the row is skipped with a
// note. BENCH_OPENAPI_FETCH=<path to its dist/index.mjs> measures it from elsewhere, for a one-off run.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createKonaplateClient, type KonaplateHooks } from '@konaplate-contract/client';
import { time17 } from '@konaplate-contract/client/tools';
import { correlationIds } from '@konaplate-contract/contract/protocol';
import { build } from 'esbuild';
import { CompactEncrypt, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { bundleOptions, entries } from '../packages/client/scripts/build.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 11);
const perRound = Number(process.env.BENCH_CALLS ?? 400);
const path = '/api/v1/card/virtual-account/inquiry';
const plainAnswer = JSON.stringify({
  response: { code: '000_000', message: 'Success.', description: '성공' },
  accountNo: '56201234567890',
  bankCode: '088',
  connectType: 'FIXATION',
  status: 'ACTIVE',
});

const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
const encryptedAnswer = JSON.stringify({
  encData: await new CompactEncrypt(new TextEncoder().encode(plainAnswer))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
    .encrypt(client.publicKey),
});

// The server answers the plaintext payload, or an encrypted one when the request was encrypted.
const serverSource = `const plain = ${JSON.stringify(plainAnswer)}; const enc = ${JSON.stringify(encryptedAnswer)};
require('node:http').createServer((q, s) => { let n = 0; q.on('data', (c) => { n += c.length; }); q.on('end', () => {
  s.writeHead(200, { 'content-type': 'application/json' }); s.end(q.headers['x-km-crypto-key-id'] ? enc : plain); });
}).listen(0, '127.0.0.1', function () { console.log('port=' + this.address().port); });`;
const child: ChildProcess = spawn(process.execPath, ['-e', serverSource]);
const port = await new Promise<number>((resolve) => {
  child.stdout?.on('data', (chunk: Buffer) => {
    const match = /port=(\d+)/.exec(String(chunk));
    if (match) resolve(Number(match[1]));
  });
});
const baseUrl = `http://127.0.0.1:${port}`;

const config = {
  baseUrl,
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: 'bench-secret',
};
/** Hooks as an application sets them: each event looked at (a counter stands for the logger). */
const seen = { events: 0 };
const look = (weight: number) => {
  seen.events += weight;
};
const hooks: KonaplateHooks = {
  onRequest: (e) => look(e.attempt),
  onResponse: (e) => look(e.status),
  onRetry: () => look(1),
  onError: () => look(1),
  onContractDrift: () => look(1),
};
const plainClient = createKonaplateClient(config);
const checkedClient = createKonaplateClient({ ...config, validateRequest: true, validateResponse: 'strict', hooks });
const encryptingClient = createKonaplateClient({
  ...config,
  encryption: {
    keyId: '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13',
    serverPublicKey: await exportSPKI(server.publicKey),
    clientPrivateKey: await exportPKCS8(client.privateKey),
  },
});
const body = { cardNo: '9491230000000017' };
const bodyText = JSON.stringify(body);
const time = '20261121103000123';
const bareHeaders = {
  'content-type': 'application/json',
  'x-km-user-aspid': config.aspId,
  'x-km-correlation-id': '261121103000-a3f09c2',
  'x-km-access-key': config.accessKey,
  'x-km-tran-token': `KMV1:${time}:${createHmac('sha256', config.secretKey).update(bodyText).digest('base64')}`,
  'x-km-tran-time': time.slice(0, 14),
  'x-km-time-zone': 'KST',
};

// The peer: openapi-fetch, its middleware signing the body it is about to send, with the same headers.
type PeerClient = { POST(path: string, init: { body: unknown }): Promise<{ data?: unknown; error?: unknown }> };
type Middleware = { onRequest(args: { request: Request }): Promise<Request> };
const peerModule = process.env.BENCH_OPENAPI_FETCH
  ? pathToFileURL(process.env.BENCH_OPENAPI_FETCH).href
  : 'openapi-fetch';
const openapiFetch = (await import(peerModule).catch(() => undefined)) as
  | { default: (options: { baseUrl: string }) => PeerClient & { use(m: Middleware): void } }
  | undefined;
let peer: PeerClient | undefined;
if (openapiFetch) {
  const nextId = correlationIds();
  const signed = openapiFetch.default({ baseUrl });
  signed.use({
    async onRequest({ request }) {
      const text = await request.clone().text();
      const t = time17(Date.now(), 'KST');
      const mac = createHmac('sha256', config.secretKey).update(text).digest('base64');
      request.headers.set('X-KM-User-AspId', config.aspId);
      request.headers.set('X-KM-Correlation-Id', nextId(t.slice(2, 14)));
      request.headers.set('X-KM-Access-Key', config.accessKey);
      request.headers.set('X-KM-Tran-Token', `KMV1:${t}:${mac}`);
      request.headers.set('X-KM-Tran-Time', t.slice(0, 14));
      request.headers.set('X-KM-Time-Zone', 'KST');
      return request;
    },
  });
  peer = signed;
} else {
  console.log(
    'note: openapi-fetch is not installed in the workspace, so the peer row is skipped (add it to the root devDependencies, or set BENCH_OPENAPI_FETCH)\n',
  );
}

const BARE = 'bare fetch (headers precomputed)';
const PEER = 'peer: openapi-fetch + signing middleware';
const DEFAULTS = 'client, defaults (request checked, answer tolerant)';
const CHECKED = "client, request checked + 'strict' answer + hooks";
const ENCRYPTED = 'client, encrypted both ways';
const calls: Record<string, () => Promise<void>> = {
  [BARE]: async () => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: bareHeaders, body: bodyText });
    await res.json();
  },
  ...(peer && {
    [PEER]: async () => {
      const { error } = await (peer as PeerClient).POST(path, { body });
      if (error) throw new Error('peer call failed');
    },
  }),
  [DEFAULTS]: async () => {
    const { error } = await plainClient.inquireCardVirtualAccount(body);
    if (error) throw error;
  },
  [CHECKED]: async () => {
    const { error } = await checkedClient.inquireCardVirtualAccount(body);
    if (error) throw error;
  },
  [ENCRYPTED]: async () => {
    const { error } = await encryptingClient.inquireCardVirtualAccount(body);
    if (error) throw error;
  },
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
for (const fn of Object.values(calls)) for (let i = 0; i < 100; i += 1) await fn(); // warm-up
// A round alternates short blocks of each call kind (the order flips every block), so a slow moment
// of the machine (2 cores shared with the server) lands on every side of a ratio; each kind's time in
// the round is the sum of its blocks. Encryption's garbage is not left for the plaintext calls: the
// encrypted calls have blocks of their own, after the others.
const block = 25;
const kinds = Object.entries(calls);
const timeBlock = async (name: string, fn: () => Promise<void>, spent: Map<string, number>) => {
  const start = performance.now();
  for (let i = 0; i < block; i += 1) await fn();
  spent.set(name, (spent.get(name) ?? 0) + performance.now() - start);
};
for (let round = 0; round < rounds; round += 1) {
  const spent = new Map<string, number>();
  const plain = kinds.filter(([name]) => name !== ENCRYPTED);
  for (let b = 0; b < perRound / block; b += 1)
    for (const [name, fn] of b % 2 === 0 ? plain : [...plain].reverse()) await timeBlock(name, fn, spent);
  for (let b = 0; b < perRound / block / 4; b += 1)
    await timeBlock(ENCRYPTED, calls[ENCRYPTED] as () => Promise<void>, spent);
  for (const [name, ms] of spent) {
    const n = name === ENCRYPTED ? perRound / 4 : perRound;
    samples[name]?.push((ms * 1000) / n);
  }
}
child.kill();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
/** Per-round ratios of one row to another, sorted. */
const ratiosOf = (row: string, to: string) =>
  (samples[row] ?? []).map((x, i) => x / (samples[to]?.[i] ?? Number.NaN)).sort((a, b) => a - b);
const range = (ratios: number[]) => `${ratios[0]?.toFixed(2)}–${ratios.at(-1)?.toFixed(2)}`;
console.log(
  `| per call (${rounds} rounds of ${perRound}) | median µs | × bare fetch (median of per-round ratios) | per-round range |${peer ? ' × peer | per-round range |' : ''}\n| --- | ---: | ---: | ---: |${peer ? ' ---: | ---: |' : ''}`,
);
for (const [name, xs] of Object.entries(samples)) {
  const bare = ratiosOf(name, BARE);
  const vsPeer = peer ? ratiosOf(name, PEER) : [];
  const peerColumns = peer ? ` ${median(vsPeer).toFixed(2)} | ${range(vsPeer)} |` : '';
  console.log(`| ${name} | ${median(xs).toFixed(0)} | ${median(bare).toFixed(2)} | ${range(bare)} |${peerColumns}`);
}

// The client's own CPU per call, as published: the bundle built for Node (esbuild, as the package's build does),
// run by plain node in a child process (no tsx transform in the way), the platform's fetch stubbed (an answer made
// in memory with its Content-Length, as a server's comes), process CPU time over many calls, less the CPU of
// calling the stub alone.
const cpuDir = await mkdtemp(join(tmpdir(), 'konaplate-bench-'));
await build({
  ...bundleOptions,
  entryPoints: { index: entries.index },
  platform: 'node',
  conditions: ['node', 'import', 'default'],
  external: ['jose'],
  outdir: cpuDir,
});
const cpuCalls = 20_000;
await writeFile(
  join(cpuDir, 'cpu.mjs'),
  `import { createKonaplateClient } from './index.js';
const answer = ${JSON.stringify(plainAnswer)};
const length = String(Buffer.byteLength(answer));
globalThis.fetch = async () => new Response(answer, { status: 200, headers: { 'content-type': 'application/json', 'content-length': length } });
const config = ${JSON.stringify({ ...config, baseUrl: 'http://127.0.0.1:9' })};
const count = { events: 0 };
const look = () => void (count.events += 1);
const hooks = { onRequest: look, onResponse: look, onRetry: look, onError: look, onContractDrift: look };
const defaults = createKonaplateClient(config);
const checked = createKonaplateClient({ ...config, validateResponse: 'strict', hooks });
const body = ${JSON.stringify(body)};
const calls = {
  stub: () => fetch(config.baseUrl),
  defaults: () => defaults.inquireCardVirtualAccount(body),
  checked: () => checked.inquireCardVirtualAccount(body),
};
const cpu = async (fn, n) => {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
};
const samples = { stub: [], defaults: [], checked: [] };
for (const fn of Object.values(calls)) await cpu(fn, 2000);
for (let round = 0; round < 7; round += 1) for (const [name, fn] of Object.entries(calls)) samples[name].push(await cpu(fn, ${cpuCalls}));
console.log(JSON.stringify(samples));
`,
);
const cpu = JSON.parse((await promisify(execFile)(process.execPath, [join(cpuDir, 'cpu.mjs')])).stdout) as Record<
  'stub' | 'defaults' | 'checked',
  number[]
>;
await rm(cpuDir, { recursive: true, force: true });
const own = {
  defaults: median(cpu.defaults) - median(cpu.stub),
  checked: median(cpu.checked) - median(cpu.stub),
};
console.log(
  `\n| CPU per call, fetch stubbed (the built bundle, 7 rounds of ${cpuCalls}, median) | µs |\n| --- | ---: |`,
);
console.log(`| the stub alone (an in-memory answer) | ${median(cpu.stub).toFixed(1)} |`);
console.log(`| client's own, defaults | ${own.defaults.toFixed(1)} |`);
console.log(`| client's own, 'strict' answer + hooks | ${own.checked.toFixed(1)} |`);
console.log(
  `(load average while measuring: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')} on ${availableParallelism()} cores)`,
);

// What a browser app ships: the published dist/ as a browser bundler resolves it (#hmac → WebCrypto), with jose
// bundled in for the encryption chunk (a dependency of the package, loaded only when encryption is configured).
const result = await build({
  ...bundleOptions,
  entryPoints: [entries.index],
  platform: 'browser',
  conditions: ['browser', 'import', 'default'],
  external: [],
  write: false,
});
const gz = (text: Uint8Array) => gzipSync(text, { level: 9 }).length;
const outputs = result.outputFiles ?? [];
const entry = outputs.filter((f) => !/encryption-/.test(f.path));
const size = (files: typeof outputs) => files.reduce((n, f) => n + f.contents.length, 0);
const gzSize = (files: typeof outputs) => files.reduce((n, f) => n + gz(f.contents), 0);
console.log(`\n| browser bundle (esbuild, minified) | bytes | gzip |\n| --- | ---: | ---: |`);
console.log(`| without encryption (entry, WebCrypto HMAC, shared chunks) | ${size(entry)} | ${gzSize(entry)} |`);
console.log(`| with encryption (plus the lazy chunk with jose) | ${size(outputs)} | ${gzSize(outputs)} |`);

const vsPeer = peer ? median(ratiosOf(CHECKED, PEER)) : Number.NaN;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log('\nGoals (issue 17):');
console.log(
  peer
    ? `- the client, request checked, 'strict' answer and hooks, no slower per call than the peer: ${vsPeer.toFixed(2)} × the peer (median of per-round ratios): ${met(vsPeer <= 1)}`
    : '- the client no slower per call than the peer: not measured (openapi-fetch is not installed)',
);
console.log(
  `- the client's own CPU per call with a stubbed fetch <= 30 µs: ${own.defaults.toFixed(1)} µs: ${met(own.defaults <= 30)}`,
);
console.log(`- browser bundle without encryption <= 9 kB gzip: ${gzSize(entry)} B: ${met(gzSize(entry) <= 9000)}`);
