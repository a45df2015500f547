// The mock's request pipeline, independent of HTTP. Deterministic: the same
// request gets the same response (only ciphertext and fresh correlation ids vary).
import { createHash, randomBytes } from 'node:crypto';
import { type Contract, envelopeFieldOf, headerNamesOf, refusalCodes } from './contract.ts';
import { decryptRequest, type EncryptionKeys, encryptResponse } from './encryption.ts';
import { echo, errorBody, errorFromDiagnostics, type MockError } from './errors.ts';
import {
  drawFault,
  faultHeader,
  type InjectionOptions,
  latencyHeader,
  parseLatency,
  parseRequestFault,
  type RequestFault,
  sampleLatency,
} from './injection.ts';
import { optionName, type Preferences, readPreferences } from './prefer.ts';
import { loadOperations, type Operation, renderExamples, validate, withRequestBranch } from './prism.ts';
import type { MockFault, MockScenario } from './scenarios.ts';
import { type SigningOptions, verifyTranToken } from './signing.ts';

export interface MockRequest {
  method: string;
  path: string;
  /** The query string without `?` (read only for Prism's `__code`-style options). */
  query?: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The example served, or what kind of error. */
  scenario: string;
  /** The last four digits of the request's card number, for the log. */
  cardLast4?: string;
  /** Injected latency: wait this long before answering. */
  delayMs?: number;
  /** Injected fault: close the connection instead of answering. */
  drop?: boolean;
}

export interface EngineOptions {
  contract: Contract;
  /** Strict signing: verify X-KM-Tran-Token with this sandbox secret. */
  signing?: SigningOptions;
  /** Encryption mode: decrypt `{"encData"}` requests, encrypt responses. */
  encryption?: EncryptionKeys;
  /** Latency and fault injection (off by default; the X-Konaplate-Mock-* headers work either way). */
  injection?: InjectionOptions;
}

interface Example {
  status: number;
  code: string;
  body: string;
  json: unknown;
}

interface OperationRuntime {
  operationId: string;
  plain: Operation;
  envelope: Operation;
  headerNames: Map<string, string>;
  examples: Map<string, Example>;
  scenarios: MockScenario[];
  /** Example keys by HTTP status, in the spec's order: what `Prefer` can choose from. */
  byStatus: Map<number, string[]>;
  /** The spec's answer to an injected fault, when it documents one. */
  fault?: MockFault;
  otherwise: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A correlation id for a response whose request had none: `yyMMddHHmmss-` (KST) + 7 hex. */
function freshCorrelationId(now: number): string {
  const kst = new Date(now + 9 * 3_600_000).toISOString();
  const stamp = kst.slice(2, 19).replace(/[-T:]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex').slice(0, 7)}`;
}

/** The default success answers for the card asked about: its own number, and a PAR derived from it. */
function personalize(json: unknown, cardNo: unknown): string | null {
  const info = isObject(json) && isObject(json.cardDataInfo) ? json.cardDataInfo : null;
  if (!info || typeof cardNo !== 'string' || info.physicalCardNo === cardNo || info.physicalCardNo === undefined)
    return null;
  const par = `Q1${createHash('sha256').update(cardNo).digest('hex').toUpperCase().slice(0, 25)}`;
  return JSON.stringify({
    ...(json as Record<string, unknown>),
    cardDataInfo: { ...info, physicalCardNo: cardNo, par },
  });
}

/**
 * Whether the request selects this scenario by content. A designated value (a
 * test card) selects it even when the body is otherwise invalid, like the
 * 15-digit card of the length-mismatch scenario; a mere presence ('*') only
 * when the body is valid.
 */
function matches(
  scenario: MockScenario,
  payload: unknown,
  decrypted: boolean,
  bodyValid: boolean,
  envelope: string,
): boolean {
  if (!('body' in scenario.when) || !isObject(payload)) return false;
  return Object.entries(scenario.when.body).every(([field, value]) =>
    value === '*' ? bodyValid && field in payload && !(decrypted && field === envelope) : payload[field] === value,
  );
}

function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);
}

/** A list for a message: `a, b, c`. */
const listed = (items: Iterable<string | number>) => [...items].join(', ');

export async function createEngine(options: EngineOptions) {
  const { contract, signing, encryption, injection } = options;
  const registry = contract.spec['x-error-registry'];
  const codes = refusalCodes(contract);
  const envelope = envelopeFieldOf(contract);
  const names = headerNamesOf(contract);
  const correlationHeader = names.correlationId.toLowerCase();
  const keyIdHeader = names.cryptoKeyId.toLowerCase();
  const hasEncData = (schema: Record<string, unknown>) => isObject(schema.properties) && envelope in schema.properties;
  // Prism dereferences the document in place: it gets a copy of its own.
  const operations = await loadOperations(structuredClone(contract.spec));
  const rendered = await renderExamples(operations);
  const routes = new Map<string, Map<string, OperationRuntime>>();

  for (const { operationId, method, path, scenarios, fault } of contract.scenarios.operations) {
    const operation = operations.find((o) => o.iid === operationId);
    if (!operation) throw new Error(`scenario table names ${operationId}, which the spec does not have`);
    const examples = new Map<string, Example>();
    const byStatus = new Map<number, string[]>();
    for (const s of [...scenarios, ...(fault ? [fault] : [])]) {
      const found = rendered.get(`${operationId} ${s.example}`);
      if (!found) throw new Error(`Prism did not render ${operationId} ${s.example}`);
      examples.set(s.example, {
        status: found.status,
        code: s.code,
        body: JSON.stringify(found.body),
        json: found.body,
      });
      byStatus.set(found.status, [...(byStatus.get(found.status) ?? []), s.example]);
    }
    const runtime: OperationRuntime = {
      operationId,
      plain: withRequestBranch(operation, (s) => !hasEncData(s)),
      envelope: withRequestBranch(operation, hasEncData),
      headerNames: new Map((operation.request?.headers ?? []).map((h) => [h.name.toLowerCase(), h.name])),
      examples,
      scenarios,
      byStatus,
      fault,
      otherwise: scenarios.find((s) => 'otherwise' in s.when)?.example ?? '',
    };
    const methods = routes.get(path) ?? new Map<string, OperationRuntime>();
    methods.set(method, runtime);
    routes.set(path, methods);
  }

  /** The answer to an injected 503: the operation's fault example, else the registry's 503 code (an operation without one). */
  const registry503 = Object.entries(registry).find(([, entry]) => entry.httpStatus === 503)?.[0];
  if (!registry503)
    throw new Error(
      'the registry has no code with httpStatus 503: an injected fault would have no answer in the envelope',
    );
  function faultAnswer(op: OperationRuntime, responseHeaders: Record<string, string>): MockResponse {
    const example = op.fault && op.examples.get(op.fault.example);
    if (op.fault && example) {
      return {
        status: example.status,
        headers: { ...responseHeaders, 'x-konaplate-mock-scenario': op.fault.example },
        body: example.body,
        scenario: `fault ${op.fault.example}`,
      };
    }
    const body = errorBody(registry, { status: 503, code: registry503 as string, reason: '' });
    const reason = `injected fault: the spec documents no 503 example for ${op.operationId}, so the registry's ${registry503} answers`;
    return {
      status: 503,
      headers: { ...responseHeaders, 'x-konaplate-mock-reason': headerSafe(reason) },
      body,
      scenario: 'fault 503',
    };
  }

  /**
   * The example a request's Prism options choose (`code`, `example`, both),
   * undefined when they choose none (`dynamic=false` or `seed` alone), or why
   * they cannot be honoured, with the valid choices of the operation.
   */
  function preferredExample(op: OperationRuntime, prefs: Preferences): string | undefined | MockError {
    const refuse = (key: 'code' | 'example' | 'dynamic', reason: string): MockError => ({
      status: 400,
      code: codes.invalid,
      field: prefs.source === 'Prefer' ? 'Prefer' : `__${key}`,
      reason: `${optionName(prefs, key)}: ${reason}`,
    });
    const choices = () => [...op.byStatus].map(([status, keys]) => `${status} (${listed(keys)})`).join('; ');
    if (prefs.dynamic !== undefined && prefs.dynamic !== 'false') {
      if (prefs.dynamic !== 'true') return refuse('dynamic', `"${echo(prefs.dynamic)}" is not true or false`);
      return refuse(
        'dynamic',
        "dynamic=true is not supported: this mock answers with the spec's named examples only, since generated data would break the registry's codes and the business rules; choose an example instead: " +
          choices(),
      );
    }
    let status: number | undefined;
    if (prefs.code !== undefined) {
      if (!/^\d{3}$/.test(prefs.code))
        return refuse('code', `"${echo(prefs.code)}" is not a 3-digit HTTP status; codes: ${choices()}`);
      status = Number(prefs.code);
      if (!op.byStatus.has(status))
        return refuse('code', `${op.operationId} documents no ${status} answer; codes: ${choices()}`);
    }
    if (prefs.example !== undefined) {
      const example = op.examples.get(prefs.example);
      if (!example)
        return refuse(
          'example',
          status === undefined
            ? `${op.operationId} has no example "${echo(prefs.example)}"; examples: ${choices()}`
            : `${op.operationId} has no example "${echo(prefs.example)}"; ${status} examples: ${listed(op.byStatus.get(status) ?? [])}`,
        );
      if (status !== undefined && example.status !== status)
        return refuse(
          'example',
          `"${prefs.example}" is a ${example.status} answer, not ${status}; ${status} examples: ${listed(op.byStatus.get(status) ?? [])}`,
        );
      return prefs.example;
    }
    return status === undefined ? undefined : op.byStatus.get(status)?.[0];
  }

  async function handle(request: MockRequest): Promise<MockResponse> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    // Injection first, so that a bad control header is refused before anything else.
    let delayMs = 0;
    let fault: RequestFault = 'none';
    let controlError: MockError | undefined;
    const latencyText = headers[latencyHeader];
    if (latencyText !== undefined) {
      const latency = parseLatency(latencyText);
      if ('error' in latency)
        controlError = { status: 400, code: codes.invalid, field: 'X-Konaplate-Mock-Latency', reason: latency.error };
      else delayMs = sampleLatency(latency, injection?.random);
    } else if (injection?.latency) {
      delayMs = sampleLatency(injection.latency, injection.random);
    }
    const faultText = headers[faultHeader];
    if (faultText !== undefined) {
      const chosen = parseRequestFault(faultText);
      if (typeof chosen === 'object')
        controlError ??= { status: 400, code: codes.invalid, field: 'X-Konaplate-Mock-Fault', reason: chosen.error };
      else fault = chosen;
    } else if (injection) {
      fault = drawFault(injection);
    }
    const response = await answer(request, headers, controlError ? 'none' : fault, controlError);
    if (delayMs > 0) response.delayMs = delayMs;
    return response;
  }

  async function answer(
    request: MockRequest,
    headers: Record<string, string>,
    fault: RequestFault,
    controlError: MockError | undefined,
  ): Promise<MockResponse> {
    const now = signing?.now() ?? Date.now();
    const responseHeaders: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      [correlationHeader]: headerSafe(headers[correlationHeader] ?? freshCorrelationId(now)),
    };
    let cardLast4: string | undefined;

    const fail = (error: MockError, extra: Record<string, string> = {}): MockResponse => ({
      status: error.status,
      headers: { ...responseHeaders, ...extra, 'x-konaplate-mock-reason': headerSafe(error.reason) },
      body: errorBody(registry, error),
      scenario: error.status === 400 ? `error ${error.code}` : `http ${error.status}`,
      cardLast4,
    });
    if (controlError) return fail(controlError);

    const methods = routes.get(request.path);
    if (!methods)
      return fail({ status: 404, code: codes.invalid, field: 'path', reason: `no operation at ${request.path}` });
    const op = methods.get(request.method.toLowerCase());
    if (!op) {
      const allow = [...methods.keys()].map((m) => m.toUpperCase()).join(', ');
      return fail(
        {
          status: 405,
          code: codes.invalid,
          field: 'method',
          reason: `${request.method} is not allowed here; use ${allow}`,
        },
        { allow },
      );
    }
    if (fault === 'drop') return { status: 0, headers: {}, body: '', scenario: 'fault drop', drop: true };
    if (fault === '503') return faultAnswer(op, responseHeaders);

    const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if ((request.rawBody.length > 0 || mediaType) && mediaType !== 'application/json') {
      return fail({
        status: 415,
        code: codes.invalid,
        field: 'Content-Type',
        reason: `Content-Type must be application/json, not ${mediaType || 'absent'}`,
      });
    }
    let body: unknown;
    if (request.rawBody.length > 0) {
      try {
        body = JSON.parse(request.rawBody.toString('utf8'));
      } catch {
        return fail({ status: 400, code: codes.invalid, field: 'body', reason: 'the body is not valid JSON' });
      }
    }
    const cardNo = isObject(body) ? body.cardNo : undefined;
    if (typeof cardNo === 'string' && /^\d{4,}$/.test(cardNo)) cardLast4 = cardNo.slice(-4);

    const encrypted = isObject(body) && envelope in body;
    const prismRequest = { method: request.method.toLowerCase(), path: request.path, headers, body };
    const diagnostics = validate(encrypted ? op.envelope : op.plain, prismRequest);
    const headerErrors = diagnostics.filter((d) => d.path[0] === 'header');
    let bodyErrors = diagnostics.filter((d) => d.path[0] !== 'header');
    const toError = (list: typeof diagnostics) =>
      errorFromDiagnostics(list, contract.scenarios.validationCodes, op.headerNames);
    if (headerErrors.length > 0) return fail(toError(headerErrors));
    if (signing) {
      const problem = verifyTranToken(headers, request.rawBody, signing, names);
      if (problem) return fail({ status: 400, code: codes.invalid, ...problem });
    }

    let payload = body;
    let decrypted = false;
    if (encrypted && encryption) {
      if (bodyErrors.length > 0) return fail(toError(bodyErrors));
      if (!headers[keyIdHeader]) {
        return fail({
          status: 400,
          code: codes.missing,
          field: names.cryptoKeyId,
          reason: `${names.cryptoKeyId} is missing on an encrypted body`,
        });
      }
      const plaintext = await decryptRequest(String((body as Record<string, unknown>)[envelope]), encryption);
      if (!plaintext)
        return fail({
          status: 400,
          code: codes.invalid,
          field: envelope,
          reason: `${envelope} does not decrypt with the server key (RSA-OAEP-256, A128GCM or A256GCM)`,
        });
      try {
        payload = JSON.parse(new TextDecoder().decode(plaintext));
      } catch {
        return fail({
          status: 400,
          code: codes.invalid,
          field: envelope,
          reason: `the decrypted ${envelope} is not valid JSON`,
        });
      }
      decrypted = true;
      const inner = isObject(payload) ? payload.cardNo : undefined;
      if (typeof inner === 'string' && /^\d{4,}$/.test(inner)) cardLast4 = inner.slice(-4);
      bodyErrors = validate(op.plain, { ...prismRequest, body: payload }).filter((d) => d.path[0] !== 'header');
    }

    const respond = async (key: string, personalized: string | null = null): Promise<MockResponse> => {
      const example = op.examples.get(key) as Example;
      let text = personalized ?? example.body;
      const extra: Record<string, string> = { 'x-konaplate-mock-scenario': key };
      if (decrypted && example.status === 200 && encryption?.clientPublicKey) {
        text = JSON.stringify({
          [envelope]: await encryptResponse(text, { ...encryption, clientPublicKey: encryption.clientPublicKey }),
        });
        extra[keyIdHeader] = encryption.keyId;
      }
      return {
        status: example.status,
        headers: { ...responseHeaders, ...extra },
        body: text,
        scenario: key,
        cardLast4,
      };
    };

    const triggered = op.scenarios.find((s) => matches(s, payload, decrypted, bodyErrors.length === 0, envelope));
    if (triggered) return respond(triggered.example);
    if (bodyErrors.length > 0) return fail(toError(bodyErrors));

    const prefs = readPreferences(headers.prefer, request.query);
    if (prefs) {
      const chosen = preferredExample(op, prefs);
      if (typeof chosen === 'object') return fail(chosen);
      if (chosen) return respond(chosen);
    }
    const fallback = op.examples.get(op.otherwise) as Example;
    return respond(op.otherwise, personalize(fallback.json, isObject(payload) ? payload.cardNo : undefined));
  }

  return { handle, scenarios: contract.scenarios };
}

export type Engine = Awaited<ReturnType<typeof createEngine>>;
