// The Prism part of the mock: Prism reads the spec into operations, validates
// every request against them, and renders every named example once at start-up.
import { createLogger } from '@stoplight/prism-core';
import { createInstance, getHttpOperationsFromSpec, type IHttpConfig } from '@stoplight/prism-http';
import { validateInput, validateOutput } from '@stoplight/prism-http/dist/validator/index.js';
import type { IHttpOperation } from '@stoplight/types';
import { isRight } from 'fp-ts/lib/Either.js';
import type { Diagnostic } from './errors.ts';

export type Operation = IHttpOperation;

export interface PrismRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export async function loadOperations(spec: unknown): Promise<Operation[]> {
  return (await getHttpOperationsFromSpec(spec as never)) as Operation[];
}

/**
 * The operation with its request body narrowed to one branch of the body's
 * `oneOf` (plaintext or encrypted envelope), so Prism reports the errors of
 * the form the client actually sent, without the other branch's noise.
 */
export function withRequestBranch(
  operation: Operation,
  isBranch: (schema: Record<string, unknown>) => boolean,
): Operation {
  const content = operation.request?.body?.contents?.[0];
  const schema = content?.schema as { $schema?: string; oneOf?: Array<Record<string, unknown>> } | undefined;
  const branch = schema?.oneOf?.find(isBranch);
  if (!content || !branch) throw new Error(`${operation.iid}: request body has no such oneOf branch`);
  return {
    ...operation,
    request: {
      ...operation.request,
      body: { ...operation.request?.body, contents: [{ ...content, schema: { $schema: schema?.$schema, ...branch } }] },
    },
  } as Operation;
}

/** Prism's request validation; an empty list when the request is valid. */
export function validate(operation: Operation, request: PrismRequest): Diagnostic[] {
  const result = validateInput({
    resource: operation,
    element: {
      method: request.method as never,
      url: { path: request.path },
      headers: request.headers,
      body: request.body,
    },
  });
  if (isRight(result)) return [];
  return result.left.map((d) => ({ code: String(d.code ?? ''), path: (d.path ?? []).map(String), message: d.message }));
}

/**
 * Every named response example, as Prism's negotiator renders it when asked
 * for that example by name (the same as `Prefer: example=<key>`).
 */
export async function renderExamples(operations: Operation[]): Promise<Map<string, { status: number; body: unknown }>> {
  const logger = createLogger('prism', { level: 'silent' });
  const config = (): IHttpConfig => ({
    mock: { dynamic: false },
    validateRequest: false,
    validateResponse: false,
    checkSecurity: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  });
  const prism = createInstance(config(), { logger });
  const rendered = new Map<string, { status: number; body: unknown }>();
  for (const operation of operations) {
    for (const response of operation.responses) {
      for (const example of response.contents?.[0]?.examples ?? []) {
        const key = (example as { key: string }).key;
        const input = {
          method: operation.method as never,
          url: { path: operation.path },
          headers: {},
          body: undefined,
        };
        const result = await prism.request(input, [operation], {
          ...config(),
          mock: { dynamic: false, code: Number(response.code), exampleKey: key },
        } as IHttpConfig)();
        if (!isRight(result))
          throw new Error(`Prism could not render ${operation.iid} example ${key}: ${result.left.message}`);
        rendered.set(`${operation.iid} ${key}`, {
          status: result.right.output.statusCode,
          body: result.right.output.body,
        });
      }
    }
  }
  return rendered;
}

/**
 * Why a response body breaks the operation's answer for a status, as Prism validates a response (the first
 * problem, with the property it concerns), or undefined when it holds. A schema with a plaintext and an
 * envelope form (`oneOf`) is narrowed to the plaintext one: an answer is written in plaintext, and the mock
 * encrypts it when the request was encrypted.
 */
export function validateAnswer(
  operation: Operation,
  status: number,
  body: unknown,
  isEnvelope: (schema: Record<string, unknown>) => boolean,
): string | undefined {
  const response = operation.responses.find((r) => r.code === String(status));
  if (!response) {
    const documented = operation.responses.map((r) => r.code).join(', ');
    return `${operation.iid} documents no ${status} answer; statuses: ${documented}`;
  }
  const content = response.contents?.[0];
  const schema = content?.schema as { $schema?: string; oneOf?: Array<Record<string, unknown>> } | undefined;
  const plain = schema?.oneOf?.find((branch) => !isEnvelope(branch));
  const narrowed = plain && content ? { ...content, schema: { $schema: schema?.$schema, ...plain } } : content;
  const result = validateOutput({
    resource: {
      ...operation,
      responses: [{ ...response, headers: [], contents: narrowed ? [narrowed] : [] }],
    } as Operation,
    element: { statusCode: status, headers: { 'content-type': 'application/json' }, body },
  });
  if (isRight(result)) return undefined;
  const problem = result.left.find((d) => d.path?.[0] === 'body') ?? result.left[0];
  if (!problem) return undefined;
  const where = (problem.path ?? []).slice(1).join('.');
  const message = problem.message.replace(/^Response body (property [^ ]+ )?/, '');
  return `${where ? `body.${where}` : 'body'} ${message}`;
}
