// Shared by the CLI's tests: the CLI run in process, real mock servers on free
// loopback ports (strict when given a secret), and proxies that make a
// conforming server wrong in one precise way.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type OpenApiDocument, utcOffsets } from '@konaplate-contract/contract';
import { createMockServer, type EncryptionKeys, loadContract } from '@konaplate-contract/mock';
import { run } from '../src/cli.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const contract: ReturnType<typeof loadContract> = loadContract();
/** The bundled spec, read here independently of the CLI's own model. */
export const spec = JSON.parse(readFileSync(`${repoRoot}generated/openapi.json`, 'utf8'));
export const SECRET = 'cli-test-only-sandbox-secret';
export const execFileAsync = promisify(execFile);

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** The whole CLI, in this process, with its own environment and captured output; `stdin` is its standard input. */
export async function cli(
  args: string[],
  env: Record<string, string | undefined> = {},
  stdin?: string,
): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env,
    ...(stdin === undefined ? {} : { stdin: async () => stdin }),
  });
  return { code, out, err };
}

const closers: Array<() => Promise<void>> = [];
/** Closes every server these helpers started (call in afterAll). */
export async function closeAll(): Promise<void> {
  await Promise.all(closers.splice(0).map((close) => close()));
}

/** The project's mock on a free port: strict (tokens verified) when given a secret, encrypting when given keys. */
export async function startMock(options: { secret?: string; encryption?: EncryptionKeys } = {}): Promise<string> {
  const mock = await createMockServer({
    contract,
    ...(options.secret
      ? {
          signing: {
            secret: options.secret,
            windowSeconds: 300,
            now: Date.now,
            utcOffsets: utcOffsets(contract.spec as OpenApiDocument),
          },
        }
      : {}),
    ...(options.encryption ? { encryption: options.encryption } : {}),
  });
  const url = await mock.listen(0, '127.0.0.1');
  closers.push(() => mock.close());
  return url.href.replace(/\/$/, '');
}

export interface Exchange {
  request: { headers: IncomingMessage['headers']; body: string };
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * A server in front of `target` that answers what the target answers, after
 * `change` has had its way with it: a deliberately wrong server.
 */
export async function wrongServer(target: string, change: (exchange: Exchange) => void): Promise<string> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body });
      const exchange: Exchange = {
        request: { headers: req.headers, body },
        status: answer.status,
        headers: Object.fromEntries(
          [...answer.headers].filter(([k]) => !['content-length', 'connection', 'keep-alive'].includes(k)),
        ),
        text: await answer.text(),
      };
      change(exchange);
      res.writeHead(exchange.status, exchange.headers);
      res.end(exchange.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stock `prism mock` on the bundle (Prism's own CLI, from the mock package's dependencies), on a free port. */
export async function startPrism(): Promise<string> {
  const port = await freePort();
  const child = spawn(`${repoRoot}packages/mock/node_modules/.bin/prism`, [
    'mock',
    `${repoRoot}generated/openapi.json`,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
  ]);
  closers.push(
    () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  );
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${log}`)), 60_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  return `http://127.0.0.1:${port}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The argument words of a shell command line, as bash splits and unquotes them. */
export async function shellWords(line: string): Promise<string[]> {
  const { stdout } = await execFileAsync('bash', ['-c', `printf '%s\\0' ${line}`]);
  return stdout.split('\0').slice(0, -1);
}

/** Runs a command line with bash; resolves to its stdout. */
export async function bash(line: string, env: Record<string, string> = {}, cwd = repoRoot): Promise<string> {
  const { stdout } = await execFileAsync('bash', ['-c', line], {
    cwd,
    env: { ...process.env, ...env },
    maxBuffer: 10 * 1024 * 1024,
  });
  return stdout;
}
