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
import type { EncryptionKeys } from './encryption.ts';
import type { MockError } from './errors.ts';
import type { InjectionOptions } from './injection.ts';
import { readPreferences } from './prefer.ts';
import { loadOperations, renderExamples } from './prism.ts';
import type { SigningOptions } from './signing.ts';
import { checkSignature, openEnvelope } from './stages/authenticate.ts';
import { type Controls, choose, faultChoice, readControls } from './stages/choose.ts';
import {
  answerCorrelationId,
  freshCorrelationIds,
  maskedFields,
  personalize,
  type ResponderContext,
  responder,
} from './stages/respond.ts';
import { buildRoutes, route } from './stages/route.ts';
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
  const last4 = Object.entries(sensitiveFields(doc))
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
  });

  const replyTo = (headers: Headers) =>
    responder(respondContext, answerCorrelationId(headers, correlation, fresh, signing?.now() ?? Date.now()));

  async function answer(request: MockRequest, headers: Headers, controls: Controls): Promise<MockResponse> {
    const reply = replyTo(headers);
    if (controls.error) return reply.refuse(controls.error);

    const routed = route(routes, request.method, request.path, codes.invalid);
    if ('error' in routed) return reply.refuse(routed.error, routed.headers);
    const { op } = routed;
    if (controls.fault === 'drop') return { status: 0, headers: {}, body: '', scenario: 'fault drop', drop: true };
    if (controls.fault === '503') {
      const fault = faultChoice(op);
      return 'example' in fault
        ? reply.example(op, fault.example, { scenario: `fault ${fault.example}` })
        : reply.registryFault(op, registry503 as string);
    }

    const parsed = readJsonBody(headers, request.rawBody, codes.invalid);
    if (!('body' in parsed)) return reply.refuse(parsed);
    const { body } = parsed;
    reply.mask(maskedFields(body, last4));
    const { method, path } = request;
    const validation = validateRequest(op, { method, path, headers, body }, validationContext);
    if (validation.headerError) return reply.refuse(validation.headerError);
    const badSignature = checkSignature(headers, request.rawBody, signing, names, codes.invalid);
    if (badSignature) return reply.refuse(badSignature);

    let payload = body;
    let decrypted = false;
    let bodyErrors = validation.bodyErrors;
    if (validation.encrypted) {
      // The envelope itself must hold (one form, a JWE) before its content is looked at, in every mode.
      if (bodyErrors.length > 0) return reply.refuse(toError(op, bodyErrors, validationCodes));
      if (encryption) {
        const opened = await openEnvelope(body as Record<string, unknown>, envelope, encryption, codes.invalid);
        if (!('payload' in opened)) return reply.refuse(opened);
        payload = opened.payload;
        decrypted = true;
        reply.mask(maskedFields(payload, last4));
        bodyErrors = validatePayload(op, { method, path, headers }, payload);
      }
    }

    const choice = choose(op, {
      payload,
      decrypted,
      bodyErrors,
      prefs: readPreferences(headers.prefer, request.query),
      envelope,
      validationCodes,
      invalidCode: codes.invalid,
    });
    if ('error' in choice) return reply.refuse(choice.error);
    const text = choice.fallback ? personalize(op.examples.get(choice.example)?.json, op.mockFrom, payload) : null;
    return reply.example(op, choice.example, { text, encryptTo: decrypted ? encryption : undefined });
  }

  /** Answers one request; the control headers are read first, so a bad one is refused before anything else. */
  async function handle(request: MockRequest): Promise<MockResponse> {
    const headers = lowerCaseHeaders(request.headers);
    const controls = readControls(headers, injection, codes.invalid);
    const response = await answer(request, headers, controls);
    if (controls.delayMs > 0) response.delayMs = controls.delayMs;
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

  return { handle, refuse, codes, scenarios: contract.scenarios };
}

export type Engine = Awaited<ReturnType<typeof createEngine>>;
