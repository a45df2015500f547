// What a cluster's processes tell each other. A worker says where it listens (or why it cannot), and asks
// the primary for what spans every worker: the journal (each worker keeps its own; the primary gathers and
// merges them) and clearing it. The primary asks every worker for its part, and tells them to take a
// reloaded scenarios file. Every question has an id; its answer carries it back.
import { type JournalQuery, type KeptEntry, mergeEntries } from './journal.ts';

/** A question that spans the workers. */
export type Ask = { journal: 'query'; query: JournalQuery } | { journal: 'clear' } | { scenarios: string };

/** What a worker tells its primary. */
export type WorkerMessage =
  | { listening: string }
  | { failed: string }
  /** A question for every worker, asked through the primary. */
  | { request: number; ask: Ask }
  /** This worker's part of the answer to the primary's question `reply`. */
  | { reply: number; result: unknown };

/** What a primary tells a worker. */
export type PrimaryMessage =
  /** A question for this worker's part. */
  | { request: number; ask: Ask }
  /** The answer to the worker's question `reply`, every worker's parts combined. */
  | { reply: number; result: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Whether a message from the primary is one of ours (not one of Node's own cluster messages). */
export const isPrimaryMessage = (message: unknown): message is PrimaryMessage =>
  isObject(message) && (typeof message.request === 'number' || typeof message.reply === 'number');

/** How long a question waits for the workers' parts before it answers with those it has. */
export const askTimeoutMs = 3000;

/**
 * The primary's side: asks every worker for its part and resolves with the parts (those in time, if a
 * worker does not answer within the timeout).
 */
export function gatherer(timeoutMs = askTimeoutMs) {
  let next = 0;
  const pending = new Map<number, { parts: unknown[]; waiting: number; done: (parts: unknown[]) => void }>();
  return {
    ask(workers: ReadonlyArray<{ send(message: PrimaryMessage): void }>, ask: Ask): Promise<unknown[]> {
      next += 1;
      const id = next;
      return new Promise((resolve) => {
        if (workers.length === 0) return resolve([]);
        const timer = setTimeout(() => finish(), timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          const entry = pending.get(id);
          pending.delete(id);
          resolve(entry?.parts ?? []);
        };
        pending.set(id, { parts: [], waiting: workers.length, done: finish });
        for (const worker of workers) worker.send({ request: id, ask });
      });
    },
    /** A worker's part of the answer to one of the primary's questions. */
    reply(message: { reply: number; result: unknown }): void {
      const entry = pending.get(message.reply);
      if (!entry) return;
      entry.parts.push(message.result);
      entry.waiting -= 1;
      if (entry.waiting === 0) entry.done(entry.parts);
    },
  };
}

/** Every worker's parts of an answer, combined: the journal merged (newest first), the cleared counts summed. */
export function combine(ask: Ask, parts: unknown[]): unknown {
  if ('journal' in ask && ask.journal === 'query')
    return mergeEntries(
      parts.filter((part): part is KeptEntry[] => Array.isArray(part)),
      ask.query.limit,
    );
  if ('journal' in ask) return parts.reduce((sum: number, part) => sum + (typeof part === 'number' ? part : 0), 0);
  return parts;
}

/** A worker's side: asks the primary a question that spans the workers, and waits for its answer. */
export function asker(tell: (message: WorkerMessage) => Promise<void>, timeoutMs = askTimeoutMs * 2) {
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  return {
    ask(ask: Ask): Promise<unknown> {
      next += 1;
      const id = next;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the cluster primary did not answer'));
        }, timeoutMs);
        waiting.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        tell({ request: id, ask }).catch(() => {});
      });
    },
    /** The primary's answer to one of this worker's questions. */
    reply(message: { reply: number; result: unknown }): void {
      const resolve = waiting.get(message.reply);
      waiting.delete(message.reply);
      resolve?.(message.result);
    },
  };
}
