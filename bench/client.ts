// `pnpm bench:client`: the client's per-call cost against a bare fetch of the
// same request to a local node:http server (interleaved rounds, one run, as a
// ratio), the cost of encryption, and the bundle size (esbuild, minified + gzip).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createKonaplateClient } from '@konaplate-contract/client';
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
const plainClient = createKonaplateClient(config);
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
const time17 = '20261121103000123';
const bareHeaders = {
  'content-type': 'application/json',
  'x-km-user-aspid': config.aspId,
  'x-km-correlation-id': '261121103000-a3f09c2',
  'x-km-access-key': config.accessKey,
  'x-km-tran-token': `KMV1:${time17}:${createHmac('sha256', config.secretKey).update(bodyText).digest('base64')}`,
  'x-km-tran-time': time17.slice(0, 14),
  'x-km-time-zone': 'KST',
};

const calls = {
  'bare fetch (headers precomputed)': async () => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: bareHeaders, body: bodyText });
    await res.json();
  },
  'client, plaintext': async () => {
    const { error } = await plainClient.inquireCardVirtualAccount(body);
    if (error) throw error;
  },
  'client, encrypted both ways': async () => {
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
  const plain = kinds.filter(([name]) => !name.includes('encrypted'));
  for (let b = 0; b < perRound / block; b += 1)
    for (const [name, fn] of b % 2 === 0 ? plain : [...plain].reverse()) await timeBlock(name, fn, spent);
  for (const [name, fn] of kinds.filter(([name]) => name.includes('encrypted')))
    for (let b = 0; b < perRound / block / 4; b += 1) await timeBlock(name, fn, spent);
  for (const [name, ms] of spent) {
    const n = name.includes('encrypted') ? perRound / 4 : perRound;
    samples[name]?.push((ms * 1000) / n);
  }
}
child.kill();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const bareSamples = samples['bare fetch (headers precomputed)'] ?? [];
// The ratio is taken per round (against the same round's bare fetch), then the median over rounds;
// the range shows how noisy the machine was.
console.log(
  `| per call (${rounds} rounds of ${perRound}) | median µs | × bare fetch (median of per-round ratios) | per-round range |\n| --- | ---: | ---: | ---: |`,
);
for (const [name, xs] of Object.entries(samples)) {
  const ratios = xs.map((x, i) => x / (bareSamples[i] ?? Number.NaN)).sort((a, b) => a - b);
  const range = `${ratios[0]?.toFixed(2)}–${ratios.at(-1)?.toFixed(2)}`;
  console.log(`| ${name} | ${median(xs).toFixed(0)} | ${median(ratios).toFixed(2)} | ${range} |`);
}
console.log();

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
