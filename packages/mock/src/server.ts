import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Contract, refusalCodes } from './contract.ts';
import { createEngine, type EngineOptions, type MockResponse } from './engine.ts';
import { errorBody } from './errors.ts';

export interface MockServerOptions extends EngineOptions {
  /** Larger bodies are refused with 413 without being read. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called once per request with a log line (card numbers masked); omit for silence. */
  log?: (line: string) => void;
}

export interface MockServer {
  server: Server;
  listen(port?: number, host?: string): Promise<URL>;
  close(): Promise<void>;
}

function tooLarge(contract: Contract, limit: number): MockResponse {
  return {
    status: 413,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      connection: 'close',
      'x-konaplate-mock-reason': `the body is larger than ${limit} bytes`,
    },
    body: errorBody(contract.spec['x-error-registry'], {
      status: 413,
      code: refusalCodes(contract).invalid,
      field: 'body',
      reason: '',
    }),
    scenario: 'http 413',
  };
}

export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const engine = await createEngine(options);
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const log = options.log;

  const send = (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number) => {
    if (res.headersSent) return;
    const body = Buffer.from(response.body);
    res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
    res.end(body);
    if (log) {
      const ms = (performance.now() - started).toFixed(1);
      const card = response.cardLast4 ? ` card=************${response.cardLast4}` : '';
      log(`${req.method} ${req.url} ${response.status} ${response.scenario} ${ms}ms${card}`);
    }
  };

  /** An injected fault: the connection is reset, with no answer. */
  const drop = (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number) => {
    const socket = res.socket ?? req.socket;
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
    if (log) log(`${req.method} ${req.url} DROP ${response.scenario} ${(performance.now() - started).toFixed(1)}ms`);
  };

  /** Answers held back by injected latency: on close they go out at once, so a stop never waits for them. */
  const delayed = new Map<NodeJS.Timeout, () => void>();

  const server = createServer((req, res) => {
    const started = performance.now();
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      send(req, res, tooLarge(options.contract, limit), started);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        send(req, res, tooLarge(options.contract, limit), started);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (res.headersSent) return;
      const url = req.url ?? '/';
      const mark = url.indexOf('?');
      const path = mark < 0 ? url : url.slice(0, mark);
      const query = mark < 0 ? undefined : url.slice(mark + 1);
      engine
        .handle({
          method: req.method ?? 'GET',
          path,
          query,
          headers: req.headers,
          rawBody: Buffer.concat(chunks, size),
        })
        .then((response) => {
          const act = () => (response.drop ? drop(req, res, response, started) : send(req, res, response, started));
          if (!response.delayMs) return act();
          const timer = setTimeout(() => {
            delayed.delete(timer);
            act();
          }, response.delayMs);
          delayed.set(timer, act);
        })
        .catch((error: Error) => {
          // A bug of the mock's, not the caller's: logged here, and never a stack trace on the wire.
          console.error(`konaplate-mock: internal error on ${req.method} ${path}: ${error.stack ?? error.message}`);
          send(
            req,
            res,
            {
              status: 400,
              headers: {
                'content-type': 'application/json; charset=utf-8',
                'x-konaplate-mock-reason': 'internal mock error (see the mock log)',
              },
              body: errorBody(options.contract.spec['x-error-registry'], {
                status: 400,
                code: refusalCodes(options.contract).invalid,
                reason: '',
              }),
              scenario: 'internal error',
            },
            started,
          );
        });
    });
  });
  server.keepAliveTimeout = 10_000;

  return {
    server,
    listen: (port = 4010, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(new URL(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`));
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const [timer, act] of delayed) {
          clearTimeout(timer);
          act();
        }
        delayed.clear();
        server.closeIdleConnections();
      }),
  };
}
