// `pnpm bench:mock`: throughput and p99 latency, side by side in one run, of our
// mock as QA runs it (2 workers, the default per-request log on stdout and the
// request journal on, validation on, latency and fault injection off), the same
// from its packaged build (what `npm install` gives QA), stock `prism mock` on
// the same bundle, and a bare node:http server returning a fixed body.
// Prints a table and ratios (medians of interleaved rounds: see below), and
// whether issue 18's goals are met.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { generatedDir, repoRoot } from '@konaplate-contract/codegen';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const loadAtStart = loadavg();
const body = '{"cardNo":"9491231111111111"}';
const time17 = '20261121103000123';
const headers = {
  'content-type': 'application/json',
  'x-km-user-aspid': 'KMASP0000000001',
  'x-km-correlation-id': '261121103000-a3f09c2',
  'x-km-access-key': 'sandbox-access-key-not-a-real-key-000001',
  'x-km-tran-token': `KMV1:${time17}:${createHmac('sha256', 'bench').update(body).digest('base64')}`,
  'x-km-tran-time': time17.slice(0, 14),
  'x-km-time-zone': 'KST',
};
const path = '/api/v1/card/virtual-account/inquiry';

const bare = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => { s.writeHead(200, {'content-type': 'application/json'}); s.end('{"response":{"code":"000_000","message":"Success.","description":"ok"},"accountNo":"56201234567890","bankCode":"088","connectType":"FIXATION","status":"ACTIVE"}'); }); }).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening'));`;

// The packaged build (dist/cli.js), as the tarball ships it.
const build = spawnSync('pnpm', ['--filter', '@konaplate-contract/mock', 'build'], { cwd: repoRoot, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`the mock's build failed:\n${build.stdout}${build.stderr}`);

const targets: Array<{ name: string; port: number; start: (port: number) => ChildProcess; ready: RegExp }> = [
  {
    name: 'our mock (2 workers)',
    port: 4711,
    start: (port) =>
      spawn(process.execPath, [
        join(repoRoot, 'packages/mock/bin/konaplate-mock.mjs'),
        '--workers',
        '2',
        '--port',
        String(port),
      ]),
    ready: /Ctrl-C stops/,
  },
  {
    name: 'our mock (1 worker)',
    port: 4712,
    start: (port) =>
      spawn(process.execPath, [
        join(repoRoot, 'packages/mock/bin/konaplate-mock.mjs'),
        '--workers',
        '1',
        '--port',
        String(port),
      ]),
    ready: /Ctrl-C stops/,
  },
  {
    name: 'our mock, packaged build (2 workers)',
    port: 4715,
    start: (port) =>
      spawn(process.execPath, [join(repoRoot, 'packages/mock/dist/cli.js'), '--workers', '2', '--port', String(port)]),
    ready: /Ctrl-C stops/,
  },
  {
    name: 'stock prism mock CLI',
    port: 4713,
    start: (port) =>
      spawn(join(repoRoot, 'packages/mock/node_modules/.bin/prism'), [
        'mock',
        join(generatedDir, 'openapi.yaml'),
        '-p',
        String(port),
        '-h',
        '127.0.0.1',
      ]),
    ready: /Prism is listening/,
  },
  {
    name: 'bare node:http',
    port: 4714,
    start: (port) => spawn(process.execPath, ['-e', bare, String(port)]),
    ready: /listening/,
  },
];

/**
 * Resolves once the server says it is ready. Its output is then no longer kept or searched (the mock logs
 * every request: the bench reads and drops the lines, at a cost that does not grow with the run).
 */
function started(child: ChildProcess, ready: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk;
      if (ready.test(out)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        out = '';
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

async function load(port: number, connections: number, duration: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    method: 'POST',
    headers,
    body,
    connections,
    duration,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

// All servers up at once (idle ones cost nothing), then measured in rounds, each
// round visiting every server in turn, and the median round kept: on a machine
// shared with other work, a burst of load then hurts one round of every server
// instead of every round of one.
type Measure = Awaited<ReturnType<typeof load>>;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const medianOf = (measures: Measure[]): Measure => ({
  rps: median(measures.map((m) => m.rps)),
  p99: median(measures.map((m) => m.p99)),
  bad: measures.reduce((sum, m) => sum + m.bad, 0),
});
const children: ChildProcess[] = [];
const rows: Array<{ name: string; c10: Measure; c50: Measure }> = [];
try {
  for (const target of targets) {
    const child = target.start(target.port);
    children.push(child);
    child.stdout?.resume();
    child.stderr?.resume();
    await started(child, target.ready);
    await load(target.port, 10, 1); // warm-up
  }
  const runs = targets.map(() => ({ c10: [] as Measure[], c50: [] as Measure[] }));
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, target] of targets.entries()) {
      runs[i]?.c10.push(await load(target.port, 10, seconds));
      runs[i]?.c50.push(await load(target.port, 50, seconds));
    }
  }
  for (const [i, target] of targets.entries()) {
    rows.push({ name: target.name, c10: medianOf(runs[i]?.c10 ?? []), c50: medianOf(runs[i]?.c50 ?? []) });
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
}

const prism = rows.find((r) => r.name.startsWith('stock prism'));
const bareRow = rows.find((r) => r.name.startsWith('bare'));
console.log(
  `load average at the start: ${loadAtStart
    .map((l) => l.toFixed(1))
    .join(
      ', ',
    )} (${availableParallelism()} cores)\n\n| server (median of ${rounds} rounds of ${seconds} s) | req/s @10 | p99 ms @10 | req/s @50 | p99 ms @50 | non-2xx/errors | × stock Prism @10 | × bare @10 |`,
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const vsPrism = prism ? (r.c10.rps / prism.c10.rps).toFixed(2) : '-';
  const vsBare = bareRow ? (r.c10.rps / bareRow.c10.rps).toFixed(2) : '-';
  console.log(
    `| ${r.name} | ${r.c10.rps.toFixed(0)} | ${r.c10.p99} | ${r.c50.rps.toFixed(0)} | ${r.c50.p99} | ${r.c10.bad + r.c50.bad} | ${vsPrism} | ${vsBare} |`,
  );
}
const ours = rows.find((r) => r.name === 'our mock (2 workers)');
if (ours && prism && bareRow) {
  // Issue 18's goals, with the journal and the default log on.
  const goals: Array<[string, number, string, boolean]> = [
    ['× stock Prism @10', ours.c10.rps / prism.c10.rps, '≥ 25', ours.c10.rps / prism.c10.rps >= 25],
    ['× bare node:http @10', ours.c10.rps / bareRow.c10.rps, '≥ 0.5', ours.c10.rps / bareRow.c10.rps >= 0.5],
    ['p99 ms @10', ours.c10.p99, '≤ 2', ours.c10.p99 <= 2],
    ['p99 ms @50', ours.c50.p99, '≤ 5', ours.c50.p99 <= 5],
  ];
  console.log('\nour mock (2 workers; journal and log on; injection off):');
  for (const [what, value, goal, met] of goals)
    console.log(`  ${what}: ${Number(value.toFixed(2))} (goal ${goal}: ${met ? 'met' : 'NOT met'})`);
}
