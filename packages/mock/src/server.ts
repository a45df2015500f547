import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, type Engine, type EngineOptions, type MockResponse } from './engine.ts';

export interface MockServerOptions extends EngineOptions {
  /** Larger bodies are refused with 413 as soon as they pass it (the rest is discarded). Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called once per request with a log line (card numbers masked); omit for silence. */
  log?: (line: string) => void;
}

export interface MockServer {
  server: Server;
  listen(port?: number, host?: string): Promise<URL>;
  close(): Promise<void>;
}

/** The answer to a body over the limit (`close`: the connection closes after it). */
function tooLarge(engine: Engine, headers: IncomingMessage['headers'], limit: number, close: boolean): MockResponse {
  return engine.refuse(
    headers,
    { status: 413, code: engine.codes.invalid, field: 'body', reason: `the body is larger than ${limit} bytes` },
    close ? { connection: 'close' } : {},
  );
}

export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const engine = await createEngine(options);
  const limit = options.maxBodyBytes ?? 64 * 1024;
  /** How much of a refused body is read and discarded before the connection is cut. */
  const drainLimit = Math.max(4 * 1024 * 1024, 2 * limit);
  const log = options.log;

  /** Set by close(): an answer still being worked out then goes out without its delay too. */
  let closing = false;

  const send = (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number) => {
    if (res.headersSent) return;
    const body = Buffer.from(response.body);
    // While stopping, the connection closes after the answer, so the stop waits for no idle keep-alive.
    const closeAfter = closing ? { connection: 'close' } : {};
    res.writeHead(response.status, { ...response.headers, ...closeAfter, 'content-length': String(body.length) });
    res.end(body);
    if (log) {
      const ms = (performance.now() - started).toFixed(1);
      const masked = response.masked ? ` ${response.masked}` : '';
      log(`${req.method} ${req.url} ${response.status} ${response.scenario} ${ms}ms${masked}`);
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
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    // A body over the limit is answered at once. The rest of it is read and thrown away, so that the client,
    // still sending, reads the answer instead of a reset connection; past drainLimit the connection is cut.
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      send(req, res, tooLarge(engine, req.headers, limit, declared > drainLimit), started);
    };
    if (declared > limit) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > drainLimit) req.destroy();
      } else if (size > limit) refuse();
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused || res.headersSent) return;
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
          if (!response.delayMs || closing) return act();
          const timer = setTimeout(() => {
            delayed.delete(timer);
            act();
          }, response.delayMs);
          delayed.set(timer, act);
        })
        .catch((error: Error) => {
          // A bug of the mock's, not the caller's: logged here, and never a stack trace on the wire.
          console.error(`konaplate-mock: internal error on ${req.method} ${path}: ${error.stack ?? error.message}`);
          const refusal = engine.refuse(req.headers, {
            status: 400,
            code: engine.codes.invalid,
            reason: 'internal mock error (see the mock log)',
          });
          send(req, res, { ...refusal, scenario: 'internal error' }, started);
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
        closing = true;
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
