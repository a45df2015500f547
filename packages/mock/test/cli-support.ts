// The command line run in this process, for the tests of cli.test.ts and the QA kit: a session (the io
// run() writes to, with waits for its output), a run to the end, a server on a free port stopped after each
// test, and a stand-in for Node's cluster whose workers are run() in this process too.
import { EventEmitter } from 'node:events';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ClusterIo, type MockIo, run } from '../src/cli.ts';

export const bin = fileURLToPath(new URL('../bin/konaplate-mock.mjs', import.meta.url));
/** The hint's command when the bin is run with node from the working directory. */
export const asRun = `node ${relative(process.cwd(), bin)}`;

/** A finished or running in-process command: its output so far, and a wait for output to match. */
export interface Session {
  io: MockIo;
  out(): string;
  err(): string;
  /** Resolves with the match once stdout matches (checked on every write), rejects if the command ends first. */
  until(pattern: RegExp): Promise<RegExpExecArray>;
  /** Pulls the stop signal (SIGTERM's stand-in). */
  stop(): void;
}

export function session(env: Record<string, string> = {}, cluster?: ClusterIo): Session {
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const io: MockIo = {
    out: (text) => {
      out += text;
      wake();
    },
    err: (text) => {
      err += text;
      wake();
    },
    env: { PATH: '', ...env },
    script: bin,
    cwd: process.cwd(),
    waitForStop: () => stopped,
    cluster,
  };
  const until = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      const check = () => {
        const match = pattern.exec(out);
        if (!match) return;
        waiters.splice(waiters.indexOf(check), 1);
        resolve(match);
      };
      waiters.push(check);
      check();
    });
  return { io, out: () => out, err: () => err, until, stop };
}

/** Runs a command line that ends by itself (a flag mistake, --help, --list): exit code and output. */
export async function runToEnd(argv: string[], env: Record<string, string> = {}, cluster?: ClusterIo) {
  const s = session(env, cluster);
  const code = await run(argv, s.io);
  return { code, out: s.out(), err: s.err() };
}

const running: Array<{ stop(): void; exit: Promise<number> }> = [];
/**
 * Stops the servers serveHere started and waits for them to exit: each test file calls it after each test
 * (`afterEach(stopServers)`), since a module shared by files runs once.
 */
export async function stopServers(): Promise<void> {
  for (const r of running.splice(0)) {
    r.stop();
    await r.exit;
  }
}

export const bannerLine = /listening on (http:\/\/127\.0\.0\.1:\d+) [^\n]*\n[\s\S]*Ctrl-C stops\.\n/;

/** Starts the mock in this process on a free port and waits for its banner. */
export async function serveHere(args: string[], env: Record<string, string> = {}, cluster?: ClusterIo) {
  const s = session(env, cluster);
  const exit = run(['--port', '0', ...args], s.io);
  running.push({ stop: s.stop, exit });
  const match = await Promise.race([
    s.until(bannerLine),
    exit.then((code): never => {
      throw new Error(`exited with ${code}:\n${s.err()}`);
    }),
  ]);
  return { ...s, url: new URL(match[1] as string), exit };
}

/**
 * A stand-in for Node's cluster: each "worker" is run() in this process with the same command
 * line, talking to the primary through the messages a real worker sends.
 */
export function inProcessCluster(argv: string[], worker: Session) {
  const exits: Array<(code: number | null) => void> = [];
  const forked: Array<Promise<number>> = [];
  /** Where each worker listens (in this stand-in, each on a port of its own). */
  const urls: URL[] = [];
  const cluster: ClusterIo = {
    isWorker: false,
    fork() {
      // Two directions, as over a worker's IPC channel: to the primary, and to the worker.
      const channel = new EventEmitter();
      const toWorker = new EventEmitter();
      channel.on('message', (message) => {
        if ('listening' in message) urls.push(new URL(message.listening));
      });
      const s = session();
      const workerIo: MockIo = {
        ...worker.io,
        waitForStop: s.io.waitForStop,
        cluster: {
          isWorker: true,
          fork: () => {
            throw new Error('a worker forks no worker');
          },
          onExit: () => {},
          tell: async (message) => {
            channel.emit('message', structuredClone(message));
          },
          onMessage: (listener) => toWorker.on('message', listener),
        },
      };
      const exit = run(argv, workerIo);
      forked.push(exit);
      exit.then((code) => {
        for (const listener of exits) listener(code);
      });
      return {
        on: (event, listener) => channel.on(event, listener),
        send: (message) => setImmediate(() => toWorker.emit('message', structuredClone(message))),
        kill: s.stop,
      };
    },
    onExit: (listener) => exits.push(listener),
    tell: () => Promise.reject(new Error('the primary tells no one')),
    onMessage: () => {
      throw new Error('the primary hears from no primary');
    },
  };
  return { cluster, forked, urls };
}
