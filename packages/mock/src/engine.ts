// The mock's request pipeline, independent of HTTP: the stages of src/stages/ composed, in the order
// Prism's own http package runs them (route -> validate -> authenticate -> choose -> respond).
// Deterministic: the same request gets the same response (only ciphertext and fresh correlation ids vary).
import {
  correlationIdPattern,
  envelopeField,
  headerName,
  mockFromRules,
  operationsOf,
  registryOf,
  sensitiveFields,
  utcOffsets,
} from '@konaplate-contract/contract';
import type { Contract } from './contract.ts';
import type { ScenarioContext } from './custom-scenarios.ts';
import type { EncryptionKeys } from './encryption.ts';
import type { Diagnostic, MockError } from './errors.ts';
import type { InjectionOptions } from './injection.ts';
import { redact, redactText } from './journal.ts';
import { readPreferences } from './prefer.ts';
import { loadOperations, renderExamples } from './prism.ts';
import type { SigningOptions } from './signing.ts';
import { checkSignature, openEnvelope } from './stages/authenticate.ts';
import { type Controls, type CustomScenario, choose, faultChoice, readControls } from './stages/choose.ts';
import {
  answerCorrelationId,
  type ExampleOptions,
  freshCorrelationIds,
  maskedFields,
  personalize,
  type Responder,
  type ResponderContext,
  responder,
} from './stages/respond.ts';
import { buildRoutes, envelopeTest, type OperationRuntime, route } from './stages/route.ts';
import { type Headers, lowerCaseHeaders, type MockRequest, type MockResponse } from './stages/types.ts';
import { readJsonBody, refusalCodes, toError, validatePayload, validateRequest } from './stages/validate.ts';

export type { MockRequest, MockResponse } from './stages/types.ts';

export interface EngineOptions {
  contract: Contract;
  /** Strict signing: verify X-KM-Tran-Token with this sandbox secret. */
  signing?: SigningOptions;
  /** Encryption mode: decrypt `{"encData"}` requests, encrypt responses. */
  encryption?: EncryptionKeys;
  /** Latency and fault injection (off by default; the X-Konaplate-Mock-* headers work either way). */
  injection?: InjectionOptions;
  /**
   * The fast path: compiled checks that pass a request Prism would find nothing wrong with, without Prism
   * (default true). False sends every request through Prism's validation (the tests compare the two).
   */
  fastPath?: boolean;
}

export async function createEngine(options: EngineOptions) {
  const { contract, signing, encryption, injection } = options;
  const doc = contract.spec;
  // What the spec says, read once: every request below only looks these up.
  const registry = registryOf(doc);
  const validationCodes = contract.scenarios.validationCodes;
  const codes = refusalCodes(validationCodes);
  const envelope = envelopeField(doc);
  const names = {
    timeZone: headerName(doc, 'timeZone'),
    cryptoKeyId: headerName(doc, 'cryptoKeyId'),
    correlationId: headerName(doc, 'correlationId'),
    tranTime: headerName(doc, 'tranTime'),
    tranToken: headerName(doc, 'tranToken'),
  };
  const correlation = {
    correlationHeader: names.correlationId.toLowerCase(),
    timeZoneHeader: names.timeZone.toLowerCase(),
    pattern: correlationIdPattern(doc),
  };
  const fresh = freshCorrelationIds(utcOffsets(doc));
  const sensitive = sensitiveFields(doc);
  const last4 = Object.entries(sensitive)
    .filter(([, shown]) => shown === 'last4')
    .map(([field]) => field);
  const respondContext: ResponderContext = {
    registry,
    correlationHeader: correlation.correlationHeader,
    keyIdHeader: names.cryptoKeyId.toLowerCase(),
    envelope,
  };
  const validationContext = {
    envelope,
    keyIdHeader: names.cryptoKeyId,
    validationCodes,
    missingCode: codes.missing,
  };
  /** The answer to an injected 503 for an operation without a fault example: the registry's 503 code. */
  const registry503 = Object.entries(registry).find(([, entry]) => entry.httpStatus === 503)?.[0];
  if (!registry503)
    throw new Error(
      'the registry has no code with httpStatus 503: an injected fault would have no answer in the envelope',
    );

  // Prism dereferences the document in place: it gets a copy of its own.
  const operations = await loadOperations(structuredClone(doc));
  const specOperations = operationsOf(doc);
  const routes = buildRoutes({
    scenarios: contract.scenarios,
    operations,
    rendered: await renderExamples(operations),
    envelope,
    mockFrom: (operationId) => {
      const found = specOperations.find((o) => o.operation.operationId === operationId);
      return found ? mockFromRules(doc, found.operation) : [];
    },
    compile: options.fastPath !== false,
  });

  /** QA's own scenarios (`--scenarios`), by operation; replaced whole when the file is reloaded. */
  let custom = new Map<string, CustomScenario[]>();
  const scenarioContext: ScenarioContext = { contract, operations, isEnvelope: envelopeTest(envelope) };

  /** Serves these scenarios of QA's file from now on (instead of any before). */
  function setScenarios(scenarios: readonly CustomScenario[]): void {
    const next = new Map<string, CustomScenario[]>();
    for (const scenario of scenarios)
      next.set(scenario.operationId, [...(next.get(scenario.operationId) ?? []), scenario]);
    custom = next;
  }

  const replyTo = (headers: Headers) =>
    responder(respondContext, answerCorrelationId(headers, correlation, fresh, signing?.now() ?? Date.now()));

  /** What the journal keeps of a request beyond its answer, filled in as the pipeline learns it. */
  interface Facts {
    operationId?: string;
    signature?: 'valid' | 'invalid';
    request?: unknown;
  }

  function answer(
    request: MockRequest,
    headers: Headers,
    controls: Controls,
    facts: Facts,
  ): MockResponse | Promise<MockResponse> {
    const reply = replyTo(headers);
    if (controls.error) return reply.refuse(controls.error);

    const routed = route(routes, request.method, request.path, codes.invalid);
    if ('error' in routed) return reply.refuse(routed.error, routed.headers);
    const { op } = routed;
    facts.operationId = op.operationId;
    if (controls.fault === 'drop')
      return {
        status: 0,
        headers: {},
        body: '',
        scenario: 'fault drop',
        drop: true,
        correlationId: reply.correlationId,
      };
    if (controls.fault === '503') {
      const fault = faultChoice(op);
      return 'example' in fault
        ? reply.exampleNow(op, fault.example, { scenario: `fault ${fault.example}` })
        : reply.registryFault(op, registry503 as string);
    }

    const parsed = readJsonBody(headers, request.rawBody, codes.invalid);
    if (!('body' in parsed)) {
      if (request.rawBody.length > 0) facts.request = redactText(request.rawBody.toString('utf8'));
      return reply.refuse(parsed);
    }
    const { body } = parsed;
    if (body !== undefined) facts.request = redact(body, sensitive);
    reply.mask(maskedFields(body, last4));
    const { method, path } = request;
    const validation = validateRequest(op, { method, path, headers, body }, validationContext);
    if (validation.headerError) return reply.refuse(validation.headerError);
    const badSignature = checkSignature(headers, request.rawBody, signing, names, codes.invalid);
    if (signing) facts.signature = badSignature ? 'invalid' : 'valid';
    if (badSignature) return reply.refuse(badSignature);

    if (validation.encrypted) {
      // The envelope itself must hold (one form, a JWE) before its content is looked at, in every mode.
      if (validation.bodyErrors.length > 0) return reply.refuse(toError(op, validation.bodyErrors, validationCodes));
      if (encryption) return openThenDecide(request, headers, op, reply, body, encryption);
    }
    return decide(request, headers, op, reply, body, false, validation.bodyErrors);
  }

  /** An encrypted body with the server key: its payload decrypted, validated like a plaintext body, then answered. */
  async function openThenDecide(
    request: MockRequest,
    headers: Headers,
    op: OperationRuntime,
    reply: Responder,
    body: unknown,
    keys: EncryptionKeys,
  ): Promise<MockResponse> {
    const opened = await openEnvelope(body as Record<string, unknown>, envelope, keys, codes.invalid);
    if (!('payload' in opened)) return reply.refuse(opened);
    const payload = opened.payload;
    reply.mask(maskedFields(payload, last4));
    const bodyErrors = validatePayload(op, { method: request.method, path: request.path, headers }, payload);
    return decide(request, headers, op, reply, payload, true, bodyErrors);
  }

  /** Stage 4 and 5 for a request that has passed the others: the answer chosen, as it goes out. */
  function decide(
    request: MockRequest,
    headers: Headers,
    op: OperationRuntime,
    reply: Responder,
    payload: unknown,
    decrypted: boolean,
    bodyErrors: Diagnostic[],
  ): MockResponse | Promise<MockResponse> {
    const choice = choose(op, {
      payload,
      decrypted,
      bodyErrors,
      prefs: readPreferences(headers.prefer, request.query),
      envelope,
      validationCodes,
      invalidCode: codes.invalid,
      custom: custom.get(op.operationId),
    });
    if ('error' in choice) return reply.refuse(choice.error);
    // A success answer to a decrypted request goes back encrypted when there is a client key (waited for).
    const encryptTo = decrypted && encryption?.clientPublicKey ? encryption : undefined;
    if ('custom' in choice) {
      const { answer: mine, name } = choice.custom;
      return 'inline' in mine
        ? answerWith(reply, op, name, { inline: mine.inline, scenario: `custom ${name}` }, encryptTo)
        : answerWith(reply, op, mine.example, { scenario: `custom ${name}` }, encryptTo);
    }
    const text = choice.fallback ? personalize(op.examples.get(choice.example)?.json, op.mockFrom, payload) : null;
    return answerWith(reply, op, choice.example, { text }, encryptTo);
  }

  /** An example as it goes out: at once in plaintext, or encrypted to the client key (waited for). */
  function answerWith(
    reply: Responder,
    op: OperationRuntime,
    key: string,
    options: ExampleOptions,
    encryptTo: EncryptionKeys | undefined,
  ): MockResponse | Promise<MockResponse> {
    return encryptTo ? reply.example(op, key, { ...options, encryptTo }) : reply.exampleNow(op, key, options);
  }

  /**
   * Answers one request; the control headers are read first, so a bad one is refused before anything else.
   * The answer comes at once when nothing is to be waited for (no decryption, no encryption), else a promise.
   */
  function handle(request: MockRequest): MockResponse | Promise<MockResponse> {
    const headers = lowerCaseHeaders(request.headers);
    const controls = readControls(headers, injection, codes.invalid);
    const facts: Facts = {};
    const response = answer(request, headers, controls, facts);
    return response instanceof Promise
      ? response.then((done) => finish(done, controls, facts))
      : finish(response, controls, facts);
  }

  /** The answer with what the server needs beside it: its injected delay, and the facts for the journal. */
  function finish(response: MockResponse, controls: Controls, facts: Facts): MockResponse {
    if (controls.delayMs > 0) response.delayMs = controls.delayMs;
    if (facts.operationId) response.operationId = facts.operationId;
    if (facts.signature) response.signature = facts.signature;
    if (facts.request !== undefined) response.request = facts.request;
    return response;
  }

  /** A refusal made outside the pipeline (a body too large to read, a bug): in the envelope, with a valid correlation id. */
  function refuse(
    rawHeaders: MockRequest['headers'],
    error: MockError,
    extra: Record<string, string> = {},
  ): MockResponse {
    return replyTo(lowerCaseHeaders(rawHeaders)).refuse(error, extra);
  }

  /** The methods the contract has at a path (upper case), for CORS preflights; empty for an unknown path. */
  function methodsAt(path: string): string[] {
    return [...(routes.get(path)?.keys() ?? [])].map((m) => m.toUpperCase());
  }

  /** The operation at a method and path, if the contract has one. */
  function operationAt(method: string, path: string): string | undefined {
    return routes.get(path)?.get(method.toLowerCase())?.operationId;
  }

  return {
    handle,
    refuse,
    codes,
    scenarios: contract.scenarios,
    methodsAt,
    operationAt,
    setScenarios,
    /** What a scenarios file is checked against (this engine's Prism operations). */
    scenarioContext,
  };
}

export type Engine = Awaited<ReturnType<typeof createEngine>>;
