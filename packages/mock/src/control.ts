// The mock's own endpoints, under a prefix the contract's paths never use (`/__konaplate/`): health for CI
// waits, the bundled contract, and the request journal. Answers are JSON; an unknown path under the prefix
// is a 404 naming the endpoints there are.
import { type JournalQuery, type KeptEntry, readJournalQuery, shown } from './journal.ts';

/** The reserved prefix: no operation of the contract is served under it. */
export const controlPrefix = '/__konaplate/';

/** Whether a path is one of the mock's own (the prefix, with or without its final slash). */
export const isControlPath = (path: string): boolean => path.startsWith(controlPrefix) || path === '/__konaplate';

/** The journal as an endpoint reaches it: this process's, or every worker's through the cluster's primary. */
export interface JournalAccess {
  bound: number;
  query(query: JournalQuery): Promise<KeptEntry[]>;
  clear(): Promise<number>;
}

export interface ControlContext {
  /** The health answer (contract version, operations served, ...), made once. */
  health: Record<string, unknown>;
  /** The bundled contract's text. */
  openapi: string;
  /** Undefined when the journal is off. */
  journal?: JournalAccess;
}

export interface ControlAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): ControlAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(value),
});

/** The endpoints, by path below the prefix, with their methods. */
export const controlEndpoints: Record<string, string[]> = {
  health: ['GET'],
  'openapi.json': ['GET'],
  requests: ['GET', 'DELETE'],
};

const listing = Object.entries(controlEndpoints).map(
  ([name, methods]) => `${methods.join('|')} ${controlPrefix}${name}`,
);

/** A refusal of the mock's endpoints: one line saying why, and what there is. */
const refusal = (status: number, error: string, headers: Record<string, string> = {}) =>
  json(status, { error, endpoints: listing }, headers);

/** The answer to a request under the prefix. */
export async function control(
  method: string,
  path: string,
  search: string | undefined,
  context: ControlContext,
): Promise<ControlAnswer> {
  const name = path.slice(controlPrefix.length);
  const methods = controlEndpoints[name];
  if (!methods || !path.startsWith(controlPrefix))
    return refusal(404, `no mock endpoint at ${path.slice(0, 200)}: ${controlPrefix} is reserved for the mock's own`);
  if (!methods.includes(method))
    return refusal(405, `${method} is not allowed on ${path}; use ${methods.join(' or ')}`, {
      allow: methods.join(', '),
    });
  if (name === 'health') return json(200, context.health);
  if (name === 'openapi.json')
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: context.openapi };
  const journal = context.journal;
  if (!journal) return refusal(404, 'the request journal is off (the mock was started with --no-journal)');
  if (method === 'DELETE') return json(200, { cleared: await journal.clear() });
  const query = readJournalQuery(search, journal.bound);
  if ('error' in query) return refusal(400, query.error);
  const entries = shown(await journal.query(query));
  return json(200, { bound: journal.bound, count: entries.length, requests: entries });
}
