// The HTTP layer: reads a request's body (refusing one too large at once), hands it to the engine, sends
// the answer (after any injected latency), logs it and keeps it in the journal. The mock's own endpoints
// (`/__konaplate/`) and CORS preflights are answered here, before the engine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headerName } from '@konaplate-contract/contract';
import { maskCardNumbers } from '@konaplate-contract/contract/protocol';
import { specTextOf } from './contract.ts';
import { type ControlContext, control, isControlPath, type JournalAccess } from './control.ts';
import { cors as makeCors } from './cors.ts';
import { createEngine, type Engine, type EngineOptions, type MockResponse } from './engine.ts';
import { Journal, journalBound } from './journal.ts';
import { formatLog, type LogFormat } from './log.ts';
import { contractVersionOf, packageVersion } from './version.ts';

export interface MockServerOptions extends EngineOptions {
  /** Larger bodies are refused with 413 as soon as they pass it (the rest is discarded). Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called once per request with a log line (card numbers masked); omit for silence. */
  log?: (line: string) => void;
  /** `text` (the default) or `json`: one JSON object per line, with the same fields. */
  logFormat?: LogFormat;
  /** CORS headers on every answer and preflights answered (default on, as stock Prism); false: none. */
  cors?: boolean;
  /** The request journal: on by default, keeping the last 1,000 requests; a number keeps that many; false: off. */
  journal?: boolean | number;
  /**
   * In a cluster: the journal of every worker (this one's included), reached through the primary. Without
   * it, /__konaplate/requests shows this server's own.
   */
  sharedJournal?: Omit<JournalAccess, 'bound'>;
  /** The number of processes serving (shown by /__konaplate/health); default 1. */
  workers?: number;
}

export interface MockServer {
  server: Server;
  /** The engine answering (its scenarios of QA's file can be replaced). */
  engine: Engine;
  /** This server's own journal (undefined when it is off). */
  journal?: Journal;
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

/** A request's text as the log and the journal show it: any run of 12 to 19 digits masked to its last four. */
const shownText = (text: string): string => (/\d{12}/.test(text) ? maskCardNumbers(text) : text);

/** The health answer: what is served, for CI waits and container checks. */
function healthOf(engine: Engine, options: MockServerOptions, bound: number | undefined): Record<string, unknown> {
  return {
    status: 'ok',
    mock: { version: packageVersion() },
    contract: { version: contractVersionOf(options.contract) },
    operations: engine.scenarios.operations.map((op) => ({
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
    })),
    workers: options.workers ?? 1,
    journal: bound === undefined ? { enabled: false } : { enabled: true, bound },
  };
}

export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const engine = await createEngine(options);
  const limit = options.maxBodyBytes ?? 64 * 1024;
  /** How much of a refused body is read and discarded before the connection is cut. */
  const drainLimit = Math.max(4 * 1024 * 1024, 2 * limit);
  const log = options.log;
  const logFormat = options.logFormat ?? 'text';
  const bound =
    options.journal === false ? undefined : typeof options.journal === 'number' ? options.journal : journalBound;
  const journal = bound === undefined ? undefined : new Journal(bound);
  const worker = process.pid;
  const doc = options.contract.spec;
  const cors =
    options.cors === false
      ? undefined
      : makeCors([
          headerName(doc, 'correlationId'),
          headerName(doc, 'cryptoKeyId'),
          'X-Konaplate-Mock-Scenario',
          'X-Konaplate-Mock-Reason',
        ]);
  const correlationHeader = headerName(doc, 'correlationId').toLowerCase();
  const controlContext: ControlContext = {
    health: healthOf(engine, options, bound),
    openapi: specTextOf(options.contract),
    journal:
      journal && bound !== undefined
        ? options.sharedJournal
          ? { bound, ...options.sharedJournal }
          : {
              bound,
              query: async (query) => journal.query(query),
              clear: async () => journal.clear(),
            }
        : undefined,
  };

  /** Set by close(): an answer still being worked out then goes out without its delay too. */
  let closing = false;

  /** Logs an answer and keeps it in the journal. */
  const note = (req: IncomingMessage, response: MockResponse, started: number, dropped: boolean) => {
    if (!log && !journal) return;
    const now = performance.now();
    const at = performance.timeOrigin + now;
    const ms = now - started;
    // A card number in the query string or a correlation id is shown masked, as everywhere else.
    const raw = req.url ?? '/';
    const url = shownText(raw.length > 2000 ? `${raw.slice(0, 2000)}…` : raw);
    const method = req.method ?? 'GET';
    const status = dropped ? null : response.status;
    if (log)
      log(
        formatLog(
          {
            at,
            method,
            url,
            status,
            scenario: response.scenario,
            ms,
            correlationId: response.correlationId,
            operationId: response.operationId,
            code: response.code,
            reason: response.reason,
            masked: response.masked,
          },
          logFormat,
        ),
      );
    if (journal) {
      const sent = req.headers[correlationHeader];
      // What the request sent as its correlation id, when the answer's is another (none, or a malformed one).
      const requestCorrelationId =
        sent === response.correlationId
          ? undefined
          : typeof sent === 'string'
            ? shownText(sent.slice(0, 64))
            : sent === undefined
              ? null
              : '';
      journal.record({
        at,
        method,
        path: url,
        operationId: response.operationId ?? null,
        correlationId: response.correlationId ?? null,
        ...(requestCorrelationId === undefined ? {} : { requestCorrelationId }),
        scenario: response.scenario,
        status,
        code: response.code ?? null,
        reason: response.reason ?? null,
        signature: response.signature ?? null,
        latencyMs: Math.round(ms * 10) / 10,
        body: response.request ?? null,
        worker,
      });
    }
  };

  const send = (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number) => {
    if (res.headersSent) return;
    // The answer's headers are its own (made for this request): completed in place.
    const headers = response.headers;
    if (cors) Object.assign(headers, cors.answer(req.headers));
    // While stopping, the connection closes after the answer, so the stop waits for no idle keep-alive.
    if (closing) headers.connection = 'close';
    headers['content-length'] = String(Buffer.byteLength(response.body));
    res.writeHead(response.status, headers);
    // A string (not a Buffer) goes out in one write with the head.
    res.end(response.body);
    note(req, response, started, false);
  };

  /** An injected fault: the connection is reset, with no answer. */
  const drop = (req: IncomingMessage, res: ServerResponse, response: MockResponse, started: number) => {
    const socket = res.socket ?? req.socket;
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
    note(req, response, started, true);
  };

  /** A plain answer of the mock's own (its endpoints, a preflight): not logged, not in the journal. */
  const answerOwn = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: string,
  ) => {
    if (res.headersSent) return;
    const all: Record<string, string> = cors ? { ...headers, ...cors.answer(req.headers) } : { ...headers };
    if (closing) all.connection = 'close';
    all['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(status, all);
    res.end(body);
  };

  /** Answers held back by injected latency: on close they go out at once, so a stop never waits for them. */
  const delayed = new Map<NodeJS.Timeout, () => void>();

  /** An answer sent, or its connection dropped: now, or after its injected latency. */
  const act = (req: IncomingMessage, res: ServerResponse, started: number, response: MockResponse) => {
    if (!response.delayMs || closing)
      return response.drop ? drop(req, res, response, started) : send(req, res, response, started);
    const go = () => (response.drop ? drop(req, res, response, started) : send(req, res, response, started));
    const timer = setTimeout(() => {
      delayed.delete(timer);
      go();
    }, response.delayMs);
    delayed.set(timer, go);
  };

  /** A bug of the mock's, not the caller's: logged here, and never a stack trace on the wire. */
  const failed = (req: IncomingMessage, res: ServerResponse, started: number, error: Error) => {
    console.error(`konaplate-mock: internal error on ${req.method} ${req.url}: ${error.stack ?? error.message}`);
    const refusal = engine.refuse(req.headers, {
      status: 400,
      code: engine.codes.invalid,
      reason: 'internal mock error (see the mock log)',
    });
    send(req, res, { ...refusal, scenario: 'internal error' }, started);
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const query = mark < 0 ? undefined : url.slice(mark + 1);

    if (cors?.isPreflight(req.method, req.headers)) {
      req.resume();
      req.on('end', () => answerOwn(req, res, 204, cors.preflight(req.headers, engine.methodsAt(path)), ''));
      req.on('error', () => res.destroy());
      return;
    }
    if (isControlPath(path)) {
      req.resume();
      req.on('error', () => res.destroy());
      req.on('end', () => {
        control(req.method ?? 'GET', path, query, controlContext)
          .then((answer) => answerOwn(req, res, answer.status, answer.headers, answer.body))
          .catch((error: Error) => {
            console.error(`konaplate-mock: internal error on ${req.method} ${path}: ${error.stack ?? error.message}`);
            answerOwn(
              req,
              res,
              503,
              { 'content-type': 'application/json; charset=utf-8' },
              JSON.stringify({
                error: 'the mock could not answer this (see its log)',
              }),
            );
          });
      });
      return;
    }

    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    // A body over the limit is answered at once. The rest of it is read and thrown away, so that the client,
    // still sending, reads the answer instead of a reset connection; past drainLimit the connection is cut.
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      const answer = tooLarge(engine, req.headers, limit, declared > drainLimit);
      const operationId = engine.operationAt(req.method ?? 'GET', path);
      send(req, res, operationId ? { ...answer, operationId } : answer, started);
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
      let answer: MockResponse | Promise<MockResponse>;
      try {
        answer = engine.handle({
          method: req.method ?? 'GET',
          path,
          query,
          headers: req.headers,
          rawBody: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
        });
      } catch (error) {
        return failed(req, res, started, error as Error);
      }
      // Most answers are ready at once (no decryption or encryption to wait for): sent in this turn.
      if (answer instanceof Promise)
        answer
          .then((response) => act(req, res, started, response))
          .catch((error: Error) => failed(req, res, started, error));
      else
        try {
          act(req, res, started, answer);
        } catch (error) {
          failed(req, res, started, error as Error);
        }
    });
  });
  server.keepAliveTimeout = 10_000;

  return {
    server,
    engine,
    journal,
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
