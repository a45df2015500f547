// The conformance cases, derived from the contract: no hand list. For each
// operation: every documented scenario, every required header and body field
// left out, every bound and pattern just broken, wrong JSON types, malformed
// JSON, a wrong content type, and the signature checks.

import { brokenKeywords } from '@konaplate-contract/contract';
import {
  codeGuesses,
  type Field,
  type Guess,
  header,
  headerSample,
  isEncryptedScenario,
  type MockScenario,
  type Operation,
  scenarioBody,
  scenarioTable,
  schemaSample,
  timeWindowSeconds,
} from '../contract.ts';

export type CaseKind = 'scenario' | 'missing' | 'bounds' | 'type' | 'json' | 'media' | 'signature';

/** What a conforming server answers. */
export interface Expectation {
  /** The result codes that conform (any one of them); the HTTP status is the registry's for the code. */
  codes: string[];
  /** No code is published for this refusal: any registered error code of the operation conforms. */
  anyRefusal?: boolean;
  /** HTTP statuses outside the registry that pass with a warning (a transport-level refusal). */
  tolerated?: number[];
}

/** How the request of a case is built from a valid one. */
export type CaseBody =
  | { json: unknown } // serialized compactly, then signed
  | { raw: string } // sent as is, signed as is
  | { encrypt: unknown } // encrypted with the given keys through the client
  | { envelope: Record<string, unknown> }; // an already encrypted envelope (the spec's example)

export interface Case {
  operation: Operation;
  kind: CaseKind;
  name: string;
  body: CaseBody;
  /** Header changes made after signing: undefined removes it. */
  headers?: Record<string, string | undefined>;
  contentType?: string;
  signing?: 'tampered' | 'reserialized' | 'wrong-secret' | 'stale';
  expect: Expectation;
  /** The contract's documented guesses this case puts to the test. */
  conflicts: Guess[];
  /** The header or body field the case breaks or leaves out. */
  field?: string;
  scenario?: MockScenario;
  /** Why it is not run (no test data for it, no keys). */
  skip?: string;
}

/** Inputs for scenarios on a real server: operationId → scenario name → request body (null: skip it). */
export type TestData = Record<string, Record<string, Record<string, unknown> | null>>;

export interface DeriveOptions {
  operations: Operation[];
  /** Signed headers of a valid request, as a sample of valid header values. */
  sampleHeaders: Record<string, string>;
  testData?: TestData;
  /** Whether encryption keys were given (the encrypted scenario is then really encrypted). */
  encryption: boolean;
}

const codeFor = (keyword: string): string | undefined => scenarioTable.validationCodes[keyword];
const unique = <T>(items: T[]): T[] => [...new Set(items)];

function codesFor(keywords: string[]): string[] {
  return unique(keywords.map(codeFor).filter((c): c is string => c !== undefined));
}

const registryConflicts = codeGuesses;

/** A value of the wrong JSON type for a schema. */
function wrongType(schema: Record<string, unknown>): { value: unknown; label: string } {
  switch (schema.type) {
    case 'string':
      return { value: 1, label: 'a number' };
    case 'integer':
    case 'number':
      return { value: '1', label: 'a string' };
    case 'boolean':
      return { value: 'true', label: 'a string' };
    case 'array':
      return { value: {}, label: 'an object' };
    default:
      return { value: [], label: 'an array' };
  }
}

/** The positions of a string from its middle outwards (never the first or last character: headers trim those). */
function middleOut(length: number): number[] {
  const middle = Math.floor(length / 2);
  const order: number[] = [];
  for (let d = 0; d < length; d += 1)
    for (const i of [middle - d, middle + d]) if (i > 0 && i < length - 1) order.push(i);
  return unique(order);
}

const substitutes = [' ', 'X', 'a', '0', '-', '_', '~', '!', '.'];

/**
 * Values just outside a field's bounds, derived from a valid one: one shorter
 * than minLength, one longer than maxLength, one of the right length that
 * breaks only the pattern, one outside the enum, just below minimum and above
 * maximum. `avoid` holds values that are test cards of another scenario.
 */
export function boundaryValues(
  schema: Record<string, unknown>,
  valid: unknown,
  avoid: ReadonlySet<unknown>,
): Array<{ value: unknown; label: string; keywords: string[] }> {
  const found: Array<{ value: unknown; label: string; keywords: string[] }> = [];
  const add = (value: unknown, label: string) => {
    const keywords = brokenKeywords(schema, value);
    if (keywords.length > 0 && !avoid.has(value)) found.push({ value, label, keywords });
  };
  if (typeof valid === 'string') {
    const chars = [...valid];
    const min = schema.minLength;
    const max = schema.maxLength;
    if (typeof min === 'number' && min > 0) {
      const head = chars.slice(0, min - 1).join('');
      add(avoid.has(head) ? chars.slice(-(min - 1)).join('') : head, `${min - 1} characters (minLength ${min})`);
    }
    if (typeof max === 'number') {
      const filler = chars.at(-1) ?? 'X';
      const long = valid.padEnd(max + 1, filler);
      add(
        avoid.has(long) ? `${filler}${valid}`.padEnd(max + 1, filler) : long,
        `${max + 1} characters (maxLength ${max})`,
      );
    }
    if (typeof schema.pattern === 'string') {
      search: for (const i of middleOut(chars.length)) {
        for (const s of substitutes) {
          if (chars[i] === s) continue;
          const value = [...chars.slice(0, i), s, ...chars.slice(i + 1)].join('');
          const keywords = brokenKeywords(schema, value);
          if (keywords.length === 1 && keywords[0] === 'pattern' && !avoid.has(value)) {
            found.push({ value, label: `breaks the pattern at character ${i + 1}`, keywords });
            break search;
          }
        }
      }
    }
    if (Array.isArray(schema.enum))
      add(`${valid}X`.slice(0, typeof max === 'number' ? max : undefined), 'not in the enum');
  }
  if (typeof valid === 'number') {
    if (typeof schema.minimum === 'number')
      add(schema.minimum - 1, `${schema.minimum - 1} (minimum ${schema.minimum})`);
    if (typeof schema.maximum === 'number')
      add(schema.maximum + 1, `${schema.maximum + 1} (maximum ${schema.maximum})`);
  }
  return found;
}

function scenarioCases(operation: Operation, options: DeriveOptions, base: Record<string, unknown>): Case[] {
  const data = options.testData?.[operation.operationId];
  return operation.scenarios.map((scenario) => {
    const conflicts = registryConflicts(scenario.code);
    const common = {
      operation,
      kind: 'scenario' as const,
      name: `scenario ${scenario.example}`,
      expect: { codes: [scenario.code] },
      conflicts,
      scenario,
    };
    if (isEncryptedScenario(scenario)) {
      if (options.encryption) return { ...common, body: { encrypt: base } };
      const envelope = operation.encryptedExample;
      if (!envelope || options.testData)
        return {
          ...common,
          body: { json: base },
          skip: 'needs --crypto-key-id, --server-public-key and --client-private-key',
        };
      const keyId = headerSample('cryptoKeyId');
      return { ...common, body: { envelope }, ...(keyId ? { headers: { [header.cryptoKeyId]: keyId } } : {}) };
    }
    if (data && scenario.example in data) {
      const input = data[scenario.example];
      if (input === null || input === undefined)
        return { ...common, body: { json: base }, skip: 'test data says skip' };
      return { ...common, body: { json: input } };
    }
    if (options.testData && !('invalid' in scenario.when))
      return { ...common, body: { json: base }, skip: `no test data for ${scenario.example}` };
    return { ...common, body: { json: scenarioBody(operation, scenario, base) } };
  });
}

function fieldCases(
  operation: Operation,
  field: Field,
  valid: unknown,
  makeCase: (value: unknown | undefined) => Pick<Case, 'body' | 'headers'>,
  avoid: ReadonlySet<unknown>,
): Case[] {
  const cases: Case[] = [];
  const where = field.name;
  if (field.required) {
    cases.push({
      operation,
      kind: 'missing',
      field: field.name,
      name: `${where} missing`,
      ...makeCase(undefined),
      expect: { codes: codesFor(['required']) },
      conflicts: [...field.conflicts, ...codesFor(['required']).flatMap(registryConflicts)],
    });
  }
  if (valid === undefined) return cases;
  for (const { value, label, keywords } of boundaryValues(field.schema, valid, avoid)) {
    const codes = codesFor(field.in === 'header' && value === '' ? [...keywords, 'required'] : keywords);
    cases.push({
      operation,
      kind: 'bounds',
      field: field.name,
      name: `${where} ${label}`,
      ...makeCase(value),
      // Too long may also be refused by HTTP itself (413, before the contract's rules): a warning, not a failure.
      expect: keywords.includes('maxLength') ? { codes, tolerated: [413] } : { codes },
      conflicts: [...field.conflicts, ...codes.flatMap(registryConflicts)],
    });
  }
  if (field.in === 'body') {
    const { value, label } = wrongType(field.schema);
    cases.push({
      operation,
      kind: 'type',
      field: field.name,
      name: `${where} as ${label} (type ${String(field.schema.type)})`,
      ...makeCase(value),
      expect: { codes: codesFor(['type']) },
      conflicts: field.conflicts,
    });
  }
  return cases;
}

/** Every case of every operation, in a stable order. */
export function deriveCases(options: DeriveOptions): Case[] {
  return options.operations.flatMap((operation) => {
    const given = options.testData?.[operation.operationId];
    const otherwise = operation.scenarios.find((s) => 'otherwise' in s.when)?.example;
    const base = (otherwise && given?.[otherwise]) || operation.requestExample;
    const avoidFor = (name: string): Set<unknown> =>
      new Set(operation.scenarios.flatMap((s) => ('body' in s.when && name in s.when.body ? [s.when.body[name]] : [])));

    const cases: Case[] = scenarioCases(operation, options, base);
    for (const header of operation.headers) {
      cases.push(
        ...fieldCases(
          operation,
          header,
          options.sampleHeaders[header.name] ?? (header.required ? undefined : schemaSample(header.schema)),
          (value) => ({ body: { json: base }, headers: { [header.name]: value as string | undefined } }),
          new Set(),
        ),
      );
    }
    for (const field of operation.body) {
      cases.push(
        ...fieldCases(
          operation,
          field,
          base[field.name] ?? (field.schema.examples as unknown[] | undefined)?.[0],
          (value) => {
            const body = { ...base };
            if (value === undefined) delete body[field.name];
            else body[field.name] = value;
            return { body: { json: body } };
          },
          avoidFor(field.name),
        ),
      );
    }
    // The encrypted envelope's own fields: bounds only (an empty envelope is the plaintext body's missing fields).
    const envelopeExample = operation.encryptedExample;
    for (const field of operation.envelope) {
      const valid = envelopeExample?.[field.name];
      if (valid === undefined) continue;
      const keyId = options.sampleHeaders[header.cryptoKeyId] ?? headerSample('cryptoKeyId');
      cases.push(
        ...fieldCases(
          operation,
          { ...field, required: false },
          valid,
          (value) => ({
            body: { json: { ...envelopeExample, [field.name]: value } },
            ...(keyId ? { headers: { [header.cryptoKeyId]: keyId } } : {}),
          }),
          new Set(),
        ).filter((c) => c.kind === 'bounds'),
      );
    }
    const typeCode = codesFor(['type']);
    cases.push(
      {
        operation,
        kind: 'type',
        name: 'body is an array, not an object (type)',
        body: { json: [base] },
        expect: { codes: typeCode },
        conflicts: [],
      },
      {
        operation,
        kind: 'json',
        name: 'malformed JSON (the body cut short)',
        body: { raw: JSON.stringify(base).slice(0, -1) },
        expect: { codes: typeCode },
        conflicts: [],
      },
      {
        operation,
        kind: 'media',
        name: 'Content-Type text/plain',
        body: { json: base },
        contentType: 'text/plain',
        // The contract documents no 415; HTTP's own refusal of a media type passes with a warning.
        expect: { codes: typeCode, tolerated: [415] },
        conflicts: [],
      },
    );
    const conflictsOf = (header: string) => operation.headers.find((h) => h.name === header)?.conflicts ?? [];
    const refusal = { codes: [], anyRefusal: true };
    const signatureCases: Array<[Case['signing'], string]> = [
      ['tampered', 'signature: a value changed after signing'],
      ['reserialized', 'signature: the body re-serialized (white space) after signing'],
      ['wrong-secret', 'signature: signed with a wrong secret'],
    ];
    // Only a contract that assumes a window (x-time-window-seconds) says how old is too old.
    if (staleSeconds !== undefined)
      signatureCases.push([
        'stale',
        `signature: ${header.tranTime} ${staleSeconds} s old (twice the contract's window)`,
      ]);
    cases.push(
      ...signatureCases.map(([signing, name]) => ({
        operation,
        kind: 'signature' as const,
        name,
        body: { json: base },
        signing,
        expect: refusal,
        // A bad token accepted says the server does not verify tokens, nothing about their form; a stale one
        // accepted bears on the time's guesses (its window). A code outside the registry names its own.
        conflicts: signing === 'stale' ? conflictsOf(header.tranTime) : [],
      })),
    );
    return cases;
  });
}

/** How old the stale-signature case's X-KM-Tran-Time is: twice the contract's window (no case when it assumes none). */
export const staleSeconds = timeWindowSeconds === undefined ? undefined : 2 * timeWindowSeconds;

/** Changes one value of a JSON body text to another of the same shape (a digit, or a letter), keeping it valid JSON. */
export function tamper(text: string): string {
  const match = /"[^"]*?(\d)[^"]*"/.exec(text) ?? /"[^"]*?([a-zA-Z])[^"]*"\s*}/.exec(text);
  if (!match || match.index === undefined) return `${text} `;
  const at = match.index + match[0].indexOf(match[1] as string, 1);
  const c = text[at] as string;
  const replacement = /\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'a' ? 'b' : 'a';
  return `${text.slice(0, at)}${replacement}${text.slice(at + 1)}`;
}
