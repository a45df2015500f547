// Each answer checked against the contract, each check named: the body is
// JSON in the platform's envelope, the code is the one expected and known to
// the registry, the HTTP status is the registry's for it, the success payload
// fits its schema, the correlation id is echoed, and nothing secret comes back.

import { brokenKeywords, describeRule } from '@konaplate-contract/contract';
import { checkResponse } from '../client.ts';
import {
  codeGuesses,
  doc,
  effectiveSchema,
  envelope as envelopeField,
  type Guess,
  guessesOf,
  header,
  type JsonObject,
  registry,
  sensitiveNames,
  successCode,
} from '../contract.ts';
import { maskCardNumbers } from '../io.ts';
import type { Case, CaseKind } from './cases.ts';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The plaintext answer, when the client decrypted it. */
  decrypted?: unknown;
}

/** What was sent, as far as the checks need it. */
export interface Sent {
  correlationId: string | undefined;
  /** Whether the correlation id sent was a valid one (so it must come back unchanged). */
  correlationIdValid: boolean;
  /** Credentials and card data that must never come back. */
  secrets: Array<{ label: string; value: string }>;
  cardData: Array<{ label: string; value: string }>;
}

export interface Finding {
  check: string;
  message: string;
}

export interface Verdict {
  failures: Finding[];
  warnings: Finding[];
  code?: string;
  /** Guesses of the contract a failure points at. */
  conflicts: Guess[];
  /** The field the answer's message names (messageWithField), when it names one. */
  named?: string;
}

const uniqueGuesses = (guesses: Guess[]): Guess[] => [
  ...new Map(guesses.map((g) => [`${g.where} ${g.decision}`, g])).values(),
];
const contractChecks = new Set(['code', 'code registered', 'HTTP status', 'envelope', 'payload schema']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const schemaNamed = (name: string): JsonObject => effectiveSchema(doc, doc.components.schemas[name] ?? {});
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A copy of a JSON value with the values of sensitive fields blanked (they may legitimately hold card data). */
function withoutSensitiveFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSensitiveFields);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, sensitiveNames.has(k) ? '' : withoutSensitiveFields(v)]),
  );
}

/** The header or body field an error message names (messageWithField), for pointing at its guesses. */
function namedField(c: Case, message: unknown): Guess[] {
  if (typeof message !== 'string') return [];
  const fields = [...c.operation.headers, ...c.operation.body];
  return fields.filter((f) => new RegExp(`\\b${escapeRegex(f.name)}\\b`).test(message)).flatMap((f) => f.conflicts);
}

/** Guesses recorded on a success payload field and the objects above it, by its dotted path. */
function payloadConflicts(schema: JsonObject, path: string): Guess[] {
  const found: Guess[] = [];
  let at = '';
  let current: JsonObject | undefined = schema;
  for (const part of path.replace(/\[\d+\]/g, '.items').split('.')) {
    if (!current) break;
    const flat = effectiveSchema(doc, current);
    const next: JsonObject | undefined =
      part === 'items' ? (flat.items as JsonObject) : (flat.properties as Record<string, JsonObject>)?.[part];
    if (!next) break;
    at = part === 'items' ? `${at}[]` : at ? `${at}.${part}` : part;
    found.push(...guessesOf(doc, next, at));
    current = next;
  }
  return found;
}

/**
 * The named groups of checks `--skip` takes: a kind of case (not sent at all, counted as skipped), or
 * checks of the answer (not applied to any case). `signature` is for a server that does not verify
 * tokens; `correlation-id` for one that does not echo it; and so on.
 */
export const skipGroups: Record<string, { kind?: CaseKind; checks?: string[]; what: string }> = {
  scenario: { kind: 'scenario', what: 'the documented scenarios' },
  missing: { kind: 'missing', what: 'required headers and fields left out' },
  bounds: { kind: 'bounds', what: 'lengths and patterns just broken' },
  type: { kind: 'type', what: 'values of the wrong JSON type' },
  json: { kind: 'json', what: 'malformed JSON' },
  media: { kind: 'media', what: 'a Content-Type other than JSON' },
  signature: { kind: 'signature', what: 'bad tokens (for a server that does not check signatures)' },
  'correlation-id': { checks: ['correlation id echoed'], what: `${header.correlationId} echoed` },
  echo: { checks: ['no secret echoed', 'no card data echoed'], what: 'no secret or card number echoed' },
  'http-status': { checks: ['HTTP status'], what: "the registry's HTTP status for the code" },
  message: { checks: ['message'], what: "the registry's message and description (warnings)" },
  payload: { checks: ['payload schema'], what: 'success payloads against their schema' },
};

export function checkAnswer(c: Case, answer: Answer, sent: Sent, skip: ReadonlySet<string> = new Set()): Verdict {
  const failures: Finding[] = [];
  const warnings: Finding[] = [];
  const conflicts: Guess[] = [...c.conflicts];
  // A check left out with --skip is not applied: it neither fails nor warns.
  const fail = (check: string, message: string) => {
    if (!skip.has(check)) failures.push({ check, message });
  };
  const warn = (check: string, message: string) => {
    if (!skip.has(check)) warnings.push({ check, message });
  };
  // Guesses bear on what the contract says comes back (codes, statuses, shapes), not on echoes or leaks.
  const guessed = () => failures.some((f) => contractChecks.has(f.check));
  let named: string | undefined;
  const verdict = (code?: string): Verdict => ({
    failures,
    warnings,
    ...(code === undefined ? {} : { code }),
    ...(named === undefined ? {} : { named }),
    conflicts: guessed() ? uniqueGuesses(conflicts) : [],
  });

  // Nothing secret or cardholder comes back, whatever else the answer is.
  const headerText = [...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  for (const { label, value } of sent.secrets) {
    if (headerText.includes(value) || answer.text.includes(value))
      fail('no secret echoed', `the answer contains the ${label}`);
  }
  let parsed: unknown;
  let parsedOk = false;
  try {
    parsed = JSON.parse(answer.text);
    parsedOk = true;
  } catch {
    // reported below
  }
  for (const { label, value } of sent.cardData) {
    if (headerText.includes(value)) fail('no card data echoed', `a response header contains the request's ${label}`);
    const envelope = isObject(parsed) ? (parsed.response as unknown) : undefined;
    const isSuccess = isObject(envelope) && envelope.code === successCode;
    const bodyText = parsedOk && isSuccess ? JSON.stringify(withoutSensitiveFields(parsed)) : answer.text;
    if (bodyText.includes(value))
      fail(
        'no card data echoed',
        `the ${isSuccess ? 'payload, outside its card fields,' : 'error body'} contains the request's ${label}`,
      );
  }

  // Correlation id: the request's, echoed.
  // (An HTTP-level refusal the contract does not document, such as 413, is held to it as a warning only.)
  const echoed = answer.headers.get(header.correlationId);
  if (sent.correlationIdValid && echoed !== sent.correlationId) {
    (c.expect.tolerated?.includes(answer.status) ? warn : fail)(
      'correlation id echoed',
      echoed === null ? `${header.correlationId} is not echoed` : `${header.correlationId} differs from the one sent`,
    );
  }

  const contentType = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json')
    fail('JSON', `Content-Type is ${contentType || 'absent'}, not application/json`);
  if (!parsedOk) {
    fail('JSON', `the body is not JSON (${answer.text.length} bytes, HTTP ${answer.status})`);
    return verdict();
  }

  // An encrypted answer the runner could not decrypt: only its envelope can be checked.
  if (answer.decrypted === undefined && isObject(parsed) && envelopeField in parsed && !('response' in parsed)) {
    const encrypted = c.scenario && 'body' in c.scenario.when && Object.values(c.scenario.when.body).includes('*');
    if (!encrypted || (c.body && 'encrypt' in c.body)) {
      fail('envelope', 'an encrypted answer where the contract expects the plaintext envelope');
      return verdict();
    }
    const jwe = schemaNamed('JweCompact');
    const broken = brokenKeywords(jwe, parsed[envelopeField])[0];
    if (broken) fail('envelope', `${envelopeField} ${describeRule(jwe, broken)} (${broken})`);
    if (answer.status !== 200) fail('HTTP status', `HTTP ${answer.status}, an encrypted success is 200`);
    warn('code', 'the answer is encrypted and no --client-private-key was given: its code and payload are unchecked');
    return verdict();
  }

  const body = answer.decrypted ?? parsed;
  const envelope = isObject(body) ? body.response : undefined;
  if (!isObject(envelope)) {
    fail('envelope', 'the body has no "response" object (the platform envelope)');
    conflicts.push(...guessesOf(doc, doc.components.schemas.ResponseStatus, 'response envelope'));
    return verdict();
  }
  const status = schemaNamed('ResponseStatus');
  for (const name of (status.required ?? []) as string[]) {
    if (!(name in envelope)) fail('envelope', `response.${name} is missing`);
  }
  for (const [name, property] of Object.entries((status.properties ?? {}) as Record<string, JsonObject>)) {
    if (!(name in envelope)) continue;
    const flat = effectiveSchema(doc, property);
    const broken = brokenKeywords(flat, envelope[name])[0];
    if (broken) fail('envelope', `response.${name} ${describeRule(flat, broken)} (${broken})`);
  }
  const code = typeof envelope.code === 'string' ? envelope.code : undefined;
  if (code === undefined) return verdict();
  const entry = registry[code];
  const operationId = c.operation.operationId;

  // The code: known to the registry for this operation, and the one this case expects.
  if (!entry) fail('code registered', `code ${code} is not in the error registry`);
  else if (!entry.operations.includes(operationId))
    fail('code registered', `code ${code} is registered, but not for ${operationId}`);
  if (c.expect.anyRefusal) {
    if (code === successCode) fail('code', `accepted (${successCode}): the contract requires a refusal`);
  } else if (!c.expect.codes.includes(code)) {
    fail('code', `code ${code}, expected ${c.expect.codes.join(' or ')}`);
  }
  if (failures.length > 0) conflicts.push(...codeGuesses(code));
  conflicts.push(...namedField(c, envelope.message));

  // The HTTP status the registry gives the code.
  const expected = entry?.httpStatus ?? registry[c.expect.codes[0] ?? '']?.httpStatus;
  if (expected !== undefined && answer.status !== expected) {
    if (c.expect.tolerated?.includes(answer.status))
      warn('HTTP status', `HTTP ${answer.status}; the registry gives ${code} HTTP ${expected}`);
    else fail('HTTP status', `HTTP ${answer.status}; the registry gives ${code} HTTP ${expected}`);
  }

  // The texts: the platform's may differ, so a warning.
  if (entry) {
    const message = String(envelope.message ?? '');
    const forms = [entry.message, ...(entry.messageWithField ? [entry.messageWithField] : [])].map(
      (form) => new RegExp(`^${escapeRegex(form).replace(escapeRegex('{field}'), '.+')}$`),
    );
    if (!forms.some((form) => form.test(message)))
      warn('message', `message differs from the registry's "${entry.message}"`);
    // The field a message names should be the one the case broke.
    const template = entry.messageWithField?.split('{field}');
    if (template?.length === 2) {
      named = new RegExp(`^${escapeRegex(template[0] ?? '')}(.+)${escapeRegex(template[1] ?? '')}$`).exec(message)?.[1];
      if (c.field && named !== undefined && named !== c.field)
        warn('message', `the message names ${maskCardNumbers(named)}, but the case broke ${c.field}`);
    }
    if (envelope.description !== entry.description)
      warn('message', `description differs from the registry's for ${code}`);
  }

  // A success payload against its schema.
  if (code === successCode) {
    for (const problem of checkResponse(operationId, body)) {
      fail('payload schema', `${problem.message} (${problem.rule})`);
      conflicts.push(...payloadConflicts(c.operation.successSchema, problem.field));
    }
  }
  return verdict(code);
}
