// The client: config checking (config.ts), one transport attempt (attempt.ts),
// retries (retry.ts) and judging the answer (judge.ts), composed into one
// method per operation of the spec.
import { type CallOptions, createAttempt } from './attempt.ts';
import { checkConfig, type KonaplateClientConfig } from './config.ts';
import {
  type DataOf,
  type ErrorCodeOf,
  type OperationDocs,
  type OperationId,
  operations,
  type RequestOf,
} from './contract.ts';
import type { EncryptionConfig, Encryptor } from './encryption.ts';
import { KonaplateClientError, type KonaplateFailure, KonaplateTransportError } from './errors.ts';
import { judge } from './judge.ts';
import { redact } from './redact.ts';
import { withRetry } from './retry.ts';
import { validateRequest } from './validation.ts';

/** openapi-fetch style: the payload, or the error, never both. */
export type KonaplateResult<K extends OperationId = OperationId> =
  | { data: DataOf<K>; error?: undefined; response: Response }
  | { data?: undefined; error: KonaplateFailure<K>; response?: Response };

/** Request body, success payload and error codes of each operation (plaintext: the client encrypts and decrypts). */
export type KonaplateOperations = {
  [K in OperationId]: { body: RequestOf<K>; data: DataOf<K>; errorCode: ErrorCodeOf<K> };
};

type Method<K extends OperationId> = (body: RequestOf<K>, init?: CallOptions) => Promise<KonaplateResult<K>>;
type ThrowingMethod<K extends OperationId> = (body: RequestOf<K>, init?: CallOptions) => Promise<DataOf<K>>;

/** One method per operation of the spec, its throwing twin under `orThrow`, and `call` by operation ID. */
export type KonaplateClient = {
  readonly [K in keyof OperationDocs]: Method<K & OperationId>;
} & {
  /** The same calls, resolving to the payload and throwing the error. */
  readonly orThrow: { readonly [K in keyof OperationDocs]: ThrowingMethod<K & OperationId> };
  /** Any operation by its ID (an unknown ID is a validation error naming `operationId`). */
  call<K extends OperationId>(operationId: K, body: RequestOf<K>, init?: CallOptions): Promise<KonaplateResult<K>>;
  /** Method, path and summary of each operation. */
  readonly operations: typeof operations;
};

/** The `{"encData": JWE}` text of a plaintext body, for tools that sign and send it themselves (loads jose; needs the server key only). */
export async function encryptBody(
  config: Pick<EncryptionConfig, 'serverPublicKey'>,
  plaintext: string,
): Promise<string> {
  return (await import('./encryption.ts')).encryptBody(config, plaintext);
}

export function createKonaplateClient(config: KonaplateClientConfig): KonaplateClient {
  const settings = checkConfig(config);
  const { now, encryption } = settings;
  // The encryption module (and jose) is loaded on the first call that needs it.
  let encryptor: Promise<Encryptor> | undefined;
  const encryptorOf = () =>
    (encryptor ??= import('./encryption.ts').then((m) => m.createEncryptor(encryption as EncryptionConfig)));
  const attempt = createAttempt(settings, encryption && encryptorOf);

  async function call<K extends OperationId>(
    operationId: K,
    body: RequestOf<K>,
    init: CallOptions = {},
  ): Promise<KonaplateResult<K>> {
    const started = now();
    let result: KonaplateResult<K>;
    config.debug?.(`→ ${operationId} ${JSON.stringify(redact(body))}`);
    try {
      validateRequest(operationId, body);
      const plaintext = JSON.stringify(body);
      const retry = config.retry === false || !operations[operationId].idempotent ? { retries: 0 } : config.retry;
      const { outcome, attempts } = await withRetry(() => attempt(operationId, plaintext, init), retry);
      if ('failure' in outcome) {
        const why = outcome.failure === 'timeout' ? `timed out after ${settings.timeoutMs} ms` : 'network error';
        const message = `${operationId}: no answer after ${attempts} attempt(s) (${why})`;
        result = { error: new KonaplateTransportError(outcome.failure, message, operationId, undefined, attempts) };
      } else {
        // The answer judged (decrypted first when sealed); judge.ts decides, this only composes.
        const { response, value } = outcome;
        const { status, headers } = response;
        const options = { validateResponses: settings.validateResponses, decrypts: !!encryption, attempts };
        let verdict = judge(operationId, status, headers, value, options);
        if ('sealed' in verdict) {
          const plaintext = await (await encryptorOf()).decrypt(verdict.sealed, operationId);
          verdict = judge(operationId, status, headers, plaintext, { ...options, decrypted: true });
        }
        result = { ...verdict, response };
      }
    } catch (error) {
      if (!(error instanceof KonaplateClientError)) throw error;
      result = { error: error as KonaplateFailure<K> };
    }
    if (config.debug) {
      const ms = now() - started;
      if (result.error) config.debug(`← ${operationId} ${result.error.toString()} (${ms} ms)`);
      else config.debug(`← ${operationId} ${result.response.status} ${JSON.stringify(redact(result.data))} (${ms} ms)`);
    }
    return result;
  }

  const methods: Record<string, unknown> = {};
  const throwing: Record<string, unknown> = {};
  for (const id of Object.keys(operations) as OperationId[]) {
    methods[id] = (body: RequestOf<typeof id>, init?: CallOptions) => call(id, body, init);
    throwing[id] = async (body: RequestOf<typeof id>, init?: CallOptions) => {
      const { data, error } = await call(id, body, init);
      if (error) throw error;
      return data;
    };
  }
  return { ...methods, orThrow: throwing, call, operations } as KonaplateClient;
}
