// `pnpm bench:conformance`: a full conformance run against
// the project's mock (strict, its own process, as QA start it) and against
// stock `prism mock` on the same bundle, side by side in one run. Prints a table.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { run } from '../packages/cli/src/cli.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const secret = 'bench-only-sandbox-secret';
const goalSeconds = 10;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function start(command: string, args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${log}`)), 60_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (ready.test(log)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
}

async function conformance(baseUrl: string) {
  let out = '';
  const started = performance.now();
  const code = await run(['conformance', '--base-url', baseUrl, '--quiet'], {
    out: (t) => {
      out += t;
    },
    err: () => undefined,
    env: { KONAPLATE_SECRET_KEY: secret },
  });
  const seconds = (performance.now() - started) / 1000;
  const totals = /conformance: (\d+) cases \(([^)]*)\): (\d+) passed, (\d+) failed/.exec(out);
  return { code, seconds, cases: Number(totals?.[1]), per: totals?.[2] ?? '', failed: Number(totals?.[4]) };
}

const dir = await mkdtemp(`${tmpdir()}/konaplate-bench-`);
await writeFile(`${dir}/secret`, secret);
const servers: Array<{ name: string; launch: (port: number) => Promise<ChildProcess> }> = [
  {
    name: 'project mock, strict, 2 workers',
    launch: (port) =>
      start(
        process.execPath,
        [
          `${repoRoot}packages/mock/bin/konaplate-mock.mjs`,
          '--port',
          String(port),
          '--quiet',
          '--secret-file',
          `${dir}/secret`,
        ],
        /listening on/,
      ),
  },
  {
    name: 'stock prism mock',
    launch: (port) =>
      start(
        `${repoRoot}packages/mock/node_modules/.bin/prism`,
        ['mock', `${repoRoot}generated/openapi.json`, '-p', String(port), '-h', '127.0.0.1'],
        /Prism is listening/,
      ),
  },
];

const rows: string[][] = [];
for (const server of servers) {
  const port = await freePort();
  const child = await server.launch(port);
  try {
    const r = await conformance(`http://127.0.0.1:${port}`);
    rows.push([
      server.name,
      String(r.cases),
      r.per,
      String(r.failed),
      r.seconds.toFixed(2),
      Math.round(r.cases / r.seconds).toString(),
      r.code === 0 ? 'conforms' : 'does not conform',
    ]);
  } finally {
    child.kill();
  }
}
const header = ['server', 'cases', 'per operation', 'failed', 'seconds', 'cases/s', 'verdict'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
const ours = Number(rows[0]?.[4]);
console.log(
  `\nfull run against the project's mock: ${ours.toFixed(2)} s (goal ≤ ${goalSeconds} s: ${ours <= goalSeconds ? 'met' : 'NOT met'})`,
);
