// Stage 4, choose: which answer a request gets. The mock's control headers (latency, an injected fault),
// a scenario selected by the request's content (a test card, an encrypted body), Prism's `Prefer`
// options, and otherwise the operation's default answer.
import { type Diagnostic, echo, errorFromDiagnostics, type MockError } from '../errors.ts';
import {
  drawFault,
  faultHeader,
  type InjectionOptions,
  latencyHeader,
  parseLatency,
  parseRequestFault,
  type RequestFault,
  sampleLatency,
} from '../injection.ts';
import { optionName, type Preferences } from '../prefer.ts';
import type { MockScenario } from '../scenarios.ts';
import type { Example, OperationRuntime } from './route.ts';
import { type Headers, isObject } from './types.ts';

/** One scenario of QA's scenarios file (`--scenarios`), checked against the contract and ready to serve. */
export interface CustomScenario {
  /** Its position in the file, from 1. */
  index: number;
  operationId: string;
  /** The body field values that select it (each equal, as JSON). */
  when: Record<string, unknown>;
  /** The name the answer's X-Konaplate-Mock-Scenario carries: the example's, or the scenario's own `name`. */
  name: string;
  /** A named example of the operation, or the inline answer (rendered once). */
  answer: { example: string } | { inline: Example };
}

/** Whether a request's payload selects a scenario: every field it names has its value. */
export function selectsCustom(scenario: CustomScenario, payload: unknown): boolean {
  if (!isObject(payload)) return false;
  for (const field in scenario.when) if (payload[field] !== scenario.when[field]) return false;
  return true;
}

/** What the mock's control headers and the injection options ask of one request. */
export interface Controls {
  delayMs: number;
  fault: RequestFault;
  /** A control header the mock cannot read: refused before anything else (and then no fault). */
  error?: MockError;
}

/** The delay and fault of a request: its X-Konaplate-Mock-* headers first, else the configured injection. */
export function readControls(headers: Headers, injection: InjectionOptions | undefined, invalidCode: string): Controls {
  let delayMs = 0;
  let fault: RequestFault = 'none';
  let error: MockError | undefined;
  const latencyText = headers[latencyHeader];
  if (latencyText !== undefined) {
    const latency = parseLatency(latencyText);
    if ('error' in latency)
      error = { status: 400, code: invalidCode, field: 'X-Konaplate-Mock-Latency', reason: latency.error };
    else delayMs = sampleLatency(latency, injection?.random);
  } else if (injection?.latency) {
    delayMs = sampleLatency(injection.latency, injection.random);
  }
  const faultText = headers[faultHeader];
  if (faultText !== undefined) {
    const chosen = parseRequestFault(faultText);
    if (typeof chosen === 'object')
      error ??= { status: 400, code: invalidCode, field: 'X-Konaplate-Mock-Fault', reason: chosen.error };
    else fault = chosen;
  } else if (injection) {
    fault = drawFault(injection);
  }
  return error ? { delayMs, fault: 'none', error } : { delayMs, fault };
}

/**
 * Whether the request selects this scenario by content. A designated value (a test card) selects it even
 * when the body is otherwise invalid, like the 15-digit card of a length-mismatch scenario; a mere presence
 * ('*') only when the body is valid, and never the envelope's field of a payload already decrypted.
 */
export function selects(
  scenario: MockScenario,
  payload: unknown,
  state: { decrypted: boolean; bodyValid: boolean; envelope: string },
): boolean {
  if (!('body' in scenario.when) || !isObject(payload)) return false;
  const wanted = scenario.when.body;
  for (const field in wanted) {
    const value = wanted[field];
    const holds =
      value === '*'
        ? state.bodyValid && field in payload && !(state.decrypted && field === state.envelope)
        : payload[field] === value;
    if (!holds) return false;
  }
  return true;
}

/** A list for a message: `a, b, c`. */
const listed = (items: Iterable<string | number>) => [...items].join(', ');

/**
 * The example a request's Prism options choose (`code`, `example`, both), undefined when they choose none
 * (`dynamic=false` or `seed` alone), or why they cannot be honoured, with the operation's valid choices.
 */
export function preferredExample(
  op: OperationRuntime,
  prefs: Preferences,
  invalidCode: string,
): string | undefined | MockError {
  const refuse = (key: 'code' | 'example' | 'dynamic', reason: string): MockError => ({
    status: 400,
    code: invalidCode,
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

/**
 * The answer chosen: an example (`fallback`: the default one, which takes values from the request), a
 * scenario of QA's scenarios file, or a refusal.
 */
export type Choice = { example: string; fallback: boolean } | { custom: CustomScenario } | { error: MockError };

export interface ChoiceInput {
  payload: unknown;
  decrypted: boolean;
  bodyErrors: Diagnostic[];
  prefs: Preferences | undefined;
  envelope: string;
  validationCodes: Record<string, string>;
  invalidCode: string;
  /** The operation's scenarios from QA's scenarios file: they come before the spec's. */
  custom?: readonly CustomScenario[];
}

/**
 * A scenario of QA's file the content selects; else one of the spec's; else the body's refusal; else what
 * `Prefer` chooses; else the default answer.
 */
export function choose(op: OperationRuntime, input: ChoiceInput): Choice {
  if (input.custom) {
    const mine = input.custom.find((s) => selectsCustom(s, input.payload));
    if (mine) return { custom: mine };
  }
  const state = { decrypted: input.decrypted, bodyValid: input.bodyErrors.length === 0, envelope: input.envelope };
  const selected = op.scenarios.find((s) => selects(s, input.payload, state));
  if (selected) return { example: selected.example, fallback: false };
  if (input.bodyErrors.length > 0)
    return { error: errorFromDiagnostics(input.bodyErrors, input.validationCodes, op.headerNames) };
  if (input.prefs) {
    const chosen = preferredExample(op, input.prefs, input.invalidCode);
    if (typeof chosen === 'object') return { error: chosen };
    if (chosen) return { example: chosen, fallback: false };
  }
  return { example: op.otherwise, fallback: true };
}

/** The answer to an injected 503: the operation's own fault example, else the registry's 503 code. */
export function faultChoice(op: OperationRuntime): { example: string } | { registry503: true } {
  return op.fault && op.examples.has(op.fault.example) ? { example: op.fault.example } : { registry503: true };
}
