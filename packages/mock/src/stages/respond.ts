// Stage 5, respond: the answer as it goes out. Every answer carries a valid X-KM-Correlation-Id (the
// request's when it has the contract's form, a fresh one otherwise); an example is sent as Prism rendered
// it, the default one with the values the spec says it takes from the request, and encrypted to the
// client key when the request was; an error is the registry's envelope with the reason in a header.
import { createHash } from 'node:crypto';
import type { ErrorRegistry, MockDigest, MockFrom } from '@konaplate-contract/contract';
import { correlationIds, correlationStamp, maskLast4 } from '@konaplate-contract/contract/protocol';
import { type EncryptionKeys, encryptResponse } from '../encryption.ts';
import { errorBody, type MockError } from '../errors.ts';
import type { Example, OperationRuntime } from './route.ts';
import { type Headers, isObject, type MockResponse } from './types.ts';

/** A header value as it may go out: printable ASCII only, at most 1000 characters. */
export function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);
}

/**
 * A maker of correlation ids for answers to requests without a valid one: the contract's form, stamped with
 * the time in the request's zone (X-KM-Time-Zone when it is one of the spec's offsets, UTC otherwise).
 */
export function freshCorrelationIds(offsets: Readonly<Record<string, number>>): (now: number, zone?: string) => string {
  const next = correlationIds();
  return (now, zone) => next(correlationStamp(now, (zone !== undefined && offsets[zone]) || 0));
}

/** The request's correlation id when it has the contract's form, else a fresh one: never an echo of a malformed id. */
export function correlationIdFor(sent: string | undefined, pattern: RegExp, fresh: () => string): string {
  return sent !== undefined && pattern.test(sent) ? sent : fresh();
}

/**
 * The request fields a log may show the last four of (the spec's last-4 mask), as they appear in a payload:
 * `cardNo=************1111`; strings only, at most 64 characters, anything but printable ASCII shown as `?`.
 */
export function maskedFields(payload: unknown, last4: readonly string[]): string | undefined {
  if (!isObject(payload)) return undefined;
  let shown: string | undefined;
  for (const field of last4) {
    const value = payload[field];
    if (typeof value !== 'string' || value.length > 64) continue;
    const masked = `${field}=${maskLast4(value.replace(/[^\x20-\x7e]/g, '?'))}`;
    shown = shown === undefined ? masked : `${shown} ${masked}`;
  }
  return shown;
}

/** A stable stand-in derived from a value, in a pattern's shape: the prefix, then characters of the alphabet from its SHA-256. */
export function digestValue(value: string, shape: MockDigest): string {
  let characters = '';
  for (let round = 0; characters.length < shape.length; round += 1) {
    const digest = createHash('sha256')
      .update(round === 0 ? value : `${round}:${value}`)
      .digest();
    for (const byte of digest) characters += shape.alphabet[byte % shape.alphabet.length];
  }
  return shape.prefix + characters.slice(0, shape.length);
}

/** A copy of a JSON value with the value at a path replaced, or undefined when nothing is at that path. */
function replaceAt(json: unknown, path: readonly string[], value: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined || !isObject(json) || !(head in json)) return undefined;
  const inner = rest.length === 0 ? value : replaceAt(json[head], rest, value);
  return inner === undefined ? undefined : { ...json, [head]: inner };
}

/**
 * The default answer for this request: each property the spec fills from the request gets the request
 * field's value (copied, or a digest of it). Null when nothing changes (no such field in the request, or
 * no such property), and for the example's own request (every copied property already holds the request's
 * value), which gets the example exactly as the spec documents it.
 */
export function personalize(json: unknown, rules: readonly MockFrom[], payload: unknown): string | null {
  if (!isObject(payload)) return null;
  let result = json;
  let copied = 0;
  let copiesChanged = false;
  let changed = false;
  for (const rule of rules) {
    const source = payload[rule.field];
    if (typeof source !== 'string') continue;
    const copy = 'copy' in rule;
    const next = replaceAt(result, rule.path, copy ? source : digestValue(source, rule.digest));
    if (next === undefined) continue;
    const differs = JSON.stringify(next) !== JSON.stringify(result);
    if (copy) {
      copied += 1;
      copiesChanged ||= differs;
    }
    changed ||= differs;
    result = next;
  }
  if (copied > 0 && !copiesChanged) return null;
  return changed ? JSON.stringify(result) : null;
}

/** How an example is answered: the text given (personalized), encrypted to a client key, named in the log. */
export interface ExampleOptions {
  text?: string | null;
  encryptTo?: EncryptionKeys;
  scenario?: string;
  /** An answer of a QA scenarios file instead of the operation's example `key` (then its name). */
  inline?: Example;
}

export interface ResponderContext {
  registry: ErrorRegistry;
  /** The correlation-id header, lower case. */
  correlationHeader: string;
  /** The key-id header of an encrypted answer, lower case. */
  keyIdHeader: string;
  envelope: string;
}

/**
 * How one request is answered, once its correlation id is settled. A class, not closures: one is made per
 * request, and its methods are made once.
 */
export class Reply {
  /** The masked request fields the log line shows, once the payload is known. */
  private masked: string | undefined;

  constructor(
    private readonly context: ResponderContext,
    /** The answer's correlation id. */
    readonly correlationId: string,
  ) {}

  private base(): Record<string, string> {
    return { 'content-type': 'application/json; charset=utf-8', [this.context.correlationHeader]: this.correlationId };
  }

  /** The masked request fields the log line shows, once the payload is known. */
  mask(text: string | undefined): void {
    this.masked = text;
  }

  /** A refusal in the registry's envelope; the precise reason in X-Konaplate-Mock-Reason. */
  refuse(error: MockError, extra: Record<string, string> = {}): MockResponse {
    const reason = headerSafe(error.reason);
    return {
      status: error.status,
      headers: { ...this.base(), ...extra, 'x-konaplate-mock-reason': reason },
      body: errorBody(this.context.registry, error),
      scenario: error.status === 400 ? `error ${error.code}` : `http ${error.status}`,
      masked: this.masked,
      code: error.code,
      reason,
      correlationId: this.correlationId,
    };
  }

  /**
   * A named example of the operation (the text given, when personalized); a success answer to a decrypted
   * request is encrypted to the client key when there is one. `scenario` names it in the log (the key).
   */
  async example(op: OperationRuntime, key: string, options: ExampleOptions = {}): Promise<MockResponse> {
    const answer = this.exampleNow(op, key, options);
    const keys = options.encryptTo;
    if (keys?.clientPublicKey && answer.status >= 200 && answer.status < 300) {
      answer.body = JSON.stringify({
        [this.context.envelope]: await encryptResponse(answer.body, { ...keys, clientPublicKey: keys.clientPublicKey }),
      });
      answer.headers[this.context.keyIdHeader] = keys.keyId;
    }
    return answer;
  }

  /** The same answer in plaintext, at once (no encryption to wait for): the fast path's. */
  exampleNow(op: OperationRuntime, key: string, options: Omit<ExampleOptions, 'encryptTo'> = {}): MockResponse {
    const example = options.inline ?? op.examples.get(key);
    if (!example) throw new Error(`${op.operationId} has no example ${key}`);
    return {
      status: example.status,
      headers: { ...this.base(), 'x-konaplate-mock-scenario': key },
      body: options.text ?? example.body,
      scenario: options.scenario ?? key,
      masked: this.masked,
      code: example.code,
      correlationId: this.correlationId,
    };
  }

  /** An injected 503 that the operation documents no example for: the registry's 503 code, saying so. */
  registryFault(op: OperationRuntime, code: string): MockResponse {
    const reason = headerSafe(
      `injected fault: the spec documents no 503 example for ${op.operationId}, so the registry's ${code} answers`,
    );
    return {
      status: 503,
      headers: { ...this.base(), 'x-konaplate-mock-reason': reason },
      body: errorBody(this.context.registry, { status: 503, code, reason: '' }),
      scenario: 'fault 503',
      code,
      reason,
      correlationId: this.correlationId,
    };
  }
}

/** How one request is answered, once its correlation id is settled. */
export function responder(context: ResponderContext, correlationId: string): Reply {
  return new Reply(context, correlationId);
}

export type Responder = Reply;

/** The correlation id of a request's answer, from its headers. */
export function answerCorrelationId(
  headers: Headers,
  context: { correlationHeader: string; timeZoneHeader: string; pattern: RegExp },
  fresh: (now: number, zone?: string) => string,
  now: number,
): string {
  return correlationIdFor(headers[context.correlationHeader], context.pattern, () =>
    fresh(now, headers[context.timeZoneHeader]),
  );
}
