// Why a call got no answer, against real local conditions (loopback only, and one name that cannot
// resolve): a closed port, a name under .invalid, a TLS server with a self-signed certificate made here,
// a server that resets the connection, one that never answers. Each says its reason, keeps fetch's error
// as `cause`, and lists the correlation ids it sent. Waits are for events (a request arriving), not time.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKonaplateClient, type KonaplateClientConfig, KonaplateTransportError } from '../src/index.ts';
import { baseConfig, vaSuccess } from './recorder.ts';

const body = { cardNo: '9491230000000017' };
const { now: _fixedClock, ...config } = baseConfig;
const quick = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };
const servers: Array<Server | NetServer> = [];
const sockets = new Set<Socket>();

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen<S extends Server | NetServer>(server: S): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const client = (extra: Partial<KonaplateClientConfig>) => createKonaplateClient({ ...config, retry: quick, ...extra });

/** The error of one call, with everything the assertions read. */
async function failing(
  extra: Partial<KonaplateClientConfig>,
  options?: Parameters<ReturnType<typeof client>['call']>[2],
) {
  const result = await client(extra).call('inquireCardVirtualAccount', body, options);
  expect(result.data).toBeUndefined();
  expect(result.error).toBeInstanceOf(KonaplateTransportError);
  const error = result.error as KonaplateTransportError & { cause?: { cause?: { code?: string } } };
  // The result and the error name the same last id, and the error lists one id per attempt, all distinct.
  expect(result.correlationId).toBe(error.correlationId);
  expect(result.attempts).toBe(error.attempts);
  expect(error.correlationIds).toHaveLength(error.attempts);
  expect(new Set(error.correlationIds).size).toBe(error.attempts);
  expect(error.correlationIds.at(-1) ?? '').toBe(error.correlationId);
  for (const id of error.correlationIds) expect(id).toMatch(/^\d{12}-[0-9a-f]{7}$/);
  return error;
}

describe('no answer, and why', () => {
  it('a closed port on 127.0.0.1 is refused, retried, its ECONNREFUSED kept as the cause', async () => {
    const closed = await listen(createNetServer());
    await new Promise((resolve) => (servers.pop() as NetServer).close(resolve));
    const error = await failing({ baseUrl: `http://127.0.0.1:${closed}` });
    expect(error).toMatchObject({ reason: 'refused', attempts: 3, operationId: 'inquireCardVirtualAccount' });
    expect(error.cause?.cause?.code).toBe('ECONNREFUSED');
    expect(error.message).toBe('inquireCardVirtualAccount: no answer after 3 attempt(s) (refused, ECONNREFUSED)');
  });

  it('a name that cannot resolve is dns, and not retried (another attempt gets the same)', async () => {
    const error = await failing({ baseUrl: 'https://nonexistent.invalid' });
    expect(error).toMatchObject({ reason: 'dns', attempts: 1 });
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(error.cause?.cause?.code);
  });

  describe('a TLS server with a self-signed certificate', () => {
    let dir: string;
    let port: number;
    beforeAll(async () => {
      // A throwaway key and certificate, made here for this test (openssl is on every machine of the project).
      dir = await mkdtemp(join(tmpdir(), 'konaplate-tls-'));
      const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
      await promisify(execFile)('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ]);
      const server = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (_q, s) =>
        s.end(JSON.stringify(vaSuccess)),
      );
      port = await listen(server);
    }, 30_000);
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('is tls, not retried, the certificate error kept', async () => {
      const error = await failing({ baseUrl: `https://127.0.0.1:${port}` });
      expect(error).toMatchObject({ reason: 'tls', attempts: 1 });
      expect(error.cause?.cause?.code).toMatch(/SELF_SIGNED|CERT/);
    });
  });

  it('a server that resets the connection on the request is reset, retried', async () => {
    let requests = 0;
    const port = await listen(
      createNetServer((socket) => {
        socket.once('data', () => {
          requests += 1;
          socket.resetAndDestroy();
        });
      }),
    );
    const error = await failing({ baseUrl: `http://127.0.0.1:${port}` });
    expect(error).toMatchObject({ reason: 'reset', attempts: 3 });
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(error.cause?.cause?.code);
    expect(requests).toBe(3);
  });

  describe('a server that never answers', () => {
    let port: number;
    const arrived: Array<(request: IncomingMessage) => void> = [];
    /** Resolves when the next request reaches the server. */
    const nextRequest = () => new Promise<IncomingMessage>((resolve) => arrived.push(resolve));
    beforeAll(async () => {
      port = await listen(createHttpServer((request) => arrived.shift()?.(request)));
    });
    const baseUrl = () => `http://127.0.0.1:${port}`;

    it('times out each attempt: timeout, retried, the abort kept', async () => {
      const error = await failing({ baseUrl: baseUrl(), timeoutMs: 100 });
      expect(error).toMatchObject({ reason: 'timeout', attempts: 3 });
      expect(error.message).toBe('inquireCardVirtualAccount: no answer after 3 attempt(s) (timed out after 100 ms)');
      expect((error.cause as Error).name).toBe('AbortError');
    });

    it('the deadline bounds all attempts together', async () => {
      const started = performance.now();
      const error = await failing({ baseUrl: baseUrl(), timeoutMs: 10_000, deadlineMs: 200 });
      expect(error).toMatchObject({ reason: 'timeout', attempts: 1 });
      expect(error.message).toBe(
        'inquireCardVirtualAccount: no answer after 1 attempt(s) (the deadline of 200 ms passed)',
      );
      expect(performance.now() - started).toBeLessThan(5_000);
    });

    it('AbortSignal.timeout() as the signal is a timeout (not retried), not an abort', async () => {
      const error = await failing({ baseUrl: baseUrl() }, { signal: AbortSignal.timeout(100) });
      expect(error).toMatchObject({ reason: 'timeout', attempts: 1 });
      expect(error.message).toBe(
        "inquireCardVirtualAccount: no answer after 1 attempt(s) (the caller's signal timed out)",
      );
    });

    it('an abort by the caller, once the request has arrived, is aborted, not retried', async () => {
      const controller = new AbortController();
      const arrival = nextRequest();
      const call = failing({ baseUrl: baseUrl() }, { signal: controller.signal });
      await arrival;
      controller.abort();
      const error = await call;
      expect(error).toMatchObject({ reason: 'aborted', attempts: 1 });
      expect(error.message).toBe('inquireCardVirtualAccount: no answer after 1 attempt(s) (aborted)');
    });

    it('a signal aborted before the call sends nothing', async () => {
      const error = await failing({ baseUrl: baseUrl() }, { signal: AbortSignal.abort() });
      expect(error).toMatchObject({ reason: 'aborted', attempts: 0, correlationId: '', correlationIds: [] });
    });
  });
});
