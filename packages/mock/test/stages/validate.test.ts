// Stage 2, validate: media type and JSON, Prism's validation of headers and body on the body's oneOf
// branch, the key-id header an encrypted body needs, and a body of both forms.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperationRuntime } from '../../src/stages/route.ts';
import type { Headers } from '../../src/stages/types.ts';
import {
  readJsonBody,
  refusalCodes,
  toError,
  type ValidationContext,
  validatePayload,
  validateRequest,
} from '../../src/stages/validate.ts';
import {
  CARD,
  envelope,
  jweShaped,
  KEY_ID,
  realRoutes,
  runtimeAt,
  signedHeaders,
  VA,
  validationCodes,
  validBodies,
} from './fixture.ts';

let va: OperationRuntime;
let card: OperationRuntime;
beforeAll(async () => {
  const routes = await realRoutes();
  va = runtimeAt(routes, VA);
  card = runtimeAt(routes, CARD);
});

const context: ValidationContext = {
  envelope,
  keyIdHeader: 'X-KM-Crypto-Key-Id',
  validationCodes,
  missingCode: '000_003',
};

/** A signed request for a body, with header changes (undefined removes one). */
function request(path: string, body: unknown, changes: Record<string, string | undefined> = {}) {
  const headers: Headers = {};
  for (const [name, value] of Object.entries({ ...signedHeaders(JSON.stringify(body)), ...changes }))
    if (value !== undefined) headers[name] = value;
  return { method: 'POST', path, headers, body };
}

describe('refusalCodes', () => {
  it("the codes of the 'type' and 'required' keywords", () => {
    expect(refusalCodes(validationCodes)).toEqual({ invalid: '000_002', missing: '000_003' });
    expect(refusalCodes({ type: 'A', required: 'B' })).toEqual({ invalid: 'A', missing: 'B' });
  });

  it.each([[{ type: 'A' }], [{ required: 'B' }], [{}]])('%j: refused, naming the keywords', (codes) => {
    expect(() => refusalCodes(codes)).toThrow(
      "the error registry must give codes for the 'type' and 'required' validation keywords (validationKeywords)",
    );
  });
});

describe('readJsonBody', () => {
  const json = { 'content-type': 'application/json' };

  it('parses a JSON body; an empty body is undefined, with or without a JSON content type', () => {
    expect(readJsonBody(json, Buffer.from('{"cardNo":"1"}'), 'E')).toEqual({ body: { cardNo: '1' } });
    expect(readJsonBody({ 'content-type': 'Application/JSON; charset=utf-8' }, Buffer.from('[1]'), 'E')).toEqual({
      body: [1],
    });
    expect(readJsonBody({}, Buffer.alloc(0), 'E')).toEqual({ body: undefined });
    expect(readJsonBody(json, Buffer.alloc(0), 'E')).toEqual({ body: undefined });
  });

  it.each([
    [{ 'content-type': 'text/plain' }, 'x', 'text/plain'],
    [{ 'content-type': 'text/plain' }, '', 'text/plain'],
    [{}, '{}', 'absent'],
    [{ 'content-type': 'application/jsonx' }, '{}', 'application/jsonx'],
  ])('%j with %j: 415 naming Content-Type', (headers, text, named) => {
    expect(readJsonBody(headers, Buffer.from(text), 'E')).toEqual({
      status: 415,
      code: 'E',
      field: 'Content-Type',
      reason: `Content-Type must be application/json, not ${named}`,
    });
  });

  it('JSON that does not parse: 400 naming the body', () => {
    expect(readJsonBody(json, Buffer.from('{"cardNo": "9491'), 'E')).toEqual({
      status: 400,
      code: 'E',
      field: 'body',
      reason: 'the body is not valid JSON',
    });
  });
});

describe('validateRequest', () => {
  it('a valid plaintext request: no problem, not encrypted', () => {
    expect(validateRequest(card, request(CARD, validBodies[CARD]), context)).toEqual({
      encrypted: false,
      headerError: undefined,
      bodyErrors: [],
    });
  });

  it("a missing header: the header's refusal first, its name in canonical case", () => {
    const result = validateRequest(va, request(VA, { cardNo: 'x' }, { 'x-km-time-zone': undefined }), context);
    expect(result.headerError).toEqual({
      status: 400,
      code: '000_003',
      field: 'X-KM-Time-Zone',
      reason: 'X-KM-Time-Zone is missing',
    });
    expect([...new Set(result.bodyErrors.map((d) => d.path.join('.')))]).toEqual(['body.cardNo']);
  });

  it('an invalid header value: 000_002 naming the header', () => {
    const result = validateRequest(va, request(VA, validBodies[VA], { 'x-km-correlation-id': 'abc' }), context);
    expect(result.headerError).toMatchObject({ status: 400, code: '000_002', field: 'X-KM-Correlation-Id' });
  });

  it('body problems are kept for later (a test card may still select its scenario)', () => {
    const result = validateRequest(va, request(VA, {}), context);
    expect(result.headerError).toBeUndefined();
    expect(toError(va, result.bodyErrors, validationCodes)).toEqual({
      status: 400,
      code: '000_003',
      field: 'cardNo',
      reason: 'cardNo is missing',
    });
  });

  it('an envelope with its key id: encrypted, valid', () => {
    const body = { [envelope]: jweShaped };
    expect(validateRequest(va, request(VA, body, { 'x-km-crypto-key-id': KEY_ID }), context)).toEqual({
      encrypted: true,
      headerError: undefined,
      bodyErrors: [],
    });
  });

  it('an envelope without X-KM-Crypto-Key-Id: 000_003 naming it, whatever the mode', () => {
    expect(validateRequest(va, request(VA, { [envelope]: jweShaped }), context).headerError).toEqual({
      status: 400,
      code: '000_003',
      field: 'X-KM-Crypto-Key-Id',
      reason: 'X-KM-Crypto-Key-Id is missing on an encrypted body',
    });
    const empty = request(VA, { [envelope]: jweShaped }, { 'x-km-crypto-key-id': '' });
    expect(validateRequest(va, empty, context).headerError?.code).toBe('000_003');
  });

  it('a plaintext body needs no key id', () => {
    expect(validateRequest(va, request(VA, validBodies[VA]), context).headerError).toBeUndefined();
  });

  it("an envelope that is not a JWE: the envelope branch's error only, naming the field", () => {
    const result = validateRequest(va, request(VA, { [envelope]: 'abc' }, { 'x-km-crypto-key-id': KEY_ID }), context);
    expect(result.encrypted).toBe(true);
    expect(toError(va, result.bodyErrors, validationCodes)).toMatchObject({
      status: 400,
      code: '000_002',
      field: envelope,
    });
    expect(result.bodyErrors.every((d) => d.path.join('.') !== 'body.cardNo')).toBe(true);
  });

  it("a body valid as both forms matches both oneOf branches: refused with oneOf's code, naming the body", () => {
    const both = { ...validBodies[VA], [envelope]: jweShaped };
    const result = validateRequest(va, request(VA, both, { 'x-km-crypto-key-id': KEY_ID }), context);
    expect(result.bodyErrors).toEqual([
      {
        code: 'oneOf',
        path: ['body'],
        message: `matches both oneOf branches (the plaintext request and the ${envelope} envelope): send one form`,
      },
    ]);
    expect(toError(va, result.bodyErrors, validationCodes)).toEqual({
      status: 400,
      code: validationCodes.oneOf,
      field: 'body',
      reason: `body: matches both oneOf branches (the plaintext request and the ${envelope} envelope): send one form`,
    });
    expect(validationCodes.oneOf).toBe('000_002');
  });

  it('an envelope beside an invalid plaintext field is the envelope only: valid', () => {
    const body = { cardNo: 'not a card', [envelope]: jweShaped };
    expect(validateRequest(va, request(VA, body, { 'x-km-crypto-key-id': KEY_ID }), context).bodyErrors).toEqual([]);
  });
});

describe('validatePayload', () => {
  it('a decrypted payload is validated like a plaintext body, headers aside', () => {
    const { method, path, headers } = request(VA, {}, { 'x-km-time-zone': undefined });
    expect(validatePayload(va, { method, path, headers }, validBodies[VA])).toEqual([]);
    const problems = validatePayload(va, { method, path, headers }, { cardNo: '94912300' });
    expect(toError(va, problems, validationCodes)).toMatchObject({ code: '000_002', field: 'cardNo' });
  });
});
