// The engine without HTTP: the stages composed. What the default answer takes from the request (the
// contract's mockFromRules over ext.mockFrom, on a copy of the spec that has it), and refusals made
// outside the pipeline (a body too large) with a valid correlation id.
import {
  correlationIdPattern,
  digestShape,
  ext,
  mockFromRules,
  type OpenApiDocument,
  operationsOf,
  SpecError,
} from '@konaplate-contract/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../src/engine.ts';
import { CARD, contract, signedHeaders, VA, validBodies } from './support.ts';

/** The spec with the personalization lines the lead adds to CardDataInfo (see the mock's report). */
function withMockFrom(marks: Record<string, unknown>): OpenApiDocument {
  const spec: OpenApiDocument = structuredClone(contract.spec);
  const properties = spec.components.schemas.CardDataInfo?.properties as Record<string, Record<string, unknown>>;
  for (const [name, value] of Object.entries(marks)) {
    const property = properties[name];
    if (!property) throw new Error(`CardDataInfo has no ${name}`);
    property[ext.mockFrom] = value;
  }
  return spec;
}
const personalized = withMockFrom({ physicalCardNo: 'cardNo', par: { digest: 'cardNo' } });
const operation = (spec: OpenApiDocument, operationId: string) => {
  const found = operationsOf(spec).find((o) => o.operation.operationId === operationId);
  if (!found) throw new Error(`no ${operationId}`);
  return found.operation;
};

describe('mockFromRules (the contract reading)', () => {
  it('each marked property of the success answer: copied, or a digest in the shape of its pattern', () => {
    expect(mockFromRules(personalized, operation(personalized, 'inquireUnregisteredCard'))).toEqual([
      {
        path: ['cardDataInfo', 'par'],
        field: 'cardNo',
        digest: { prefix: 'Q1', alphabet: '0123456789ABCDEF', length: 25 },
      },
      { path: ['cardDataInfo', 'physicalCardNo'], field: 'cardNo', copy: true },
    ]);
    expect(mockFromRules(personalized, operation(personalized, 'inquireCardVirtualAccount'))).toEqual([]);
  });

  it.each([
    [{ physicalCardNo: 'cardNumber' }, 'names cardNumber, which the request does not have'],
    [{ physicalCardNo: 7 }, "must be a request field's name or {digest: <field>}"],
    [{ physicalCardNo: { digest: 'cardNo', also: 1 } }, "must be a request field's name or {digest: <field>}"],
    [{ serviceName: { digest: 'cardNo' } }, 'needs a pattern of the form ^<literal>[<class>]{n}$'],
  ])('%j: a SpecError naming the property and the rule', (marks, rule) => {
    const spec = withMockFrom(marks);
    expect(() => mockFromRules(spec, operation(spec, 'inquireUnregisteredCard'))).toThrow(SpecError);
    expect(() => mockFromRules(spec, operation(spec, 'inquireUnregisteredCard'))).toThrow(
      new RegExp(
        `inquireUnregisteredCard cardDataInfo\\.\\w+: ${ext.mockFrom} .*${rule.replace(/[$^[\]{}()]/g, '\\$&')}`,
      ),
    );
  });

  it.each([
    ['^Q1[0-9A-F]{25}$', { prefix: 'Q1', alphabet: '0123456789ABCDEF', length: 25 }],
    ['^[0-9]{16}$', { prefix: '', alphabet: '0123456789', length: 16 }],
    ['^X[a-c_]{3}$', { prefix: 'X', alphabet: 'abc_', length: 3 }],
    ['^Q1[0-9A-F]{1,25}$', undefined],
    ['^(A|B)[0-9]{2}$', undefined],
    ['^[^0-9]{2}$', undefined],
    ['^a\\.[0-9]{2}$', undefined],
    ['^[0-9]{2}', undefined],
    ['^[9-0]{2}$', undefined],
    ['^[0-9]{0}$', undefined],
  ])('digestShape(%j)', (pattern, shape) => {
    expect(digestShape(pattern)).toEqual(shape);
  });
});

/** A signed request to the engine. */
const request = (path: string, body: unknown, extra: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  return { method: 'POST', path, headers: { ...signedHeaders(text), ...extra }, rawBody: Buffer.from(text) };
};

describe('the default answer, for the card asked about', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ contract: { ...contract, spec: personalized } });
  });

  it('its own number and a PAR of its own; the rest of the example and the business rule kept', async () => {
    const [a, b] = await Promise.all(
      ['9491235555555555', '9491236666666666'].map(async (cardNo) => {
        const answer = await engine.handle(request(CARD, { ...validBodies[CARD], cardNo }));
        expect([answer.status, answer.scenario]).toEqual([200, 'success']);
        return JSON.parse(answer.body).cardDataInfo as Record<string, number | string>;
      }),
    );
    expect(a?.physicalCardNo).toBe('9491235555555555');
    expect(a?.par).toMatch(/^Q1[0-9A-F]{25}$/);
    expect(a?.par).not.toBe(b?.par);
    expect(a?.rechargeableAmount).toBe(Number(a?.maxNonRealNameRechargeAmount) - Number(a?.balance));
    expect({ ...a, physicalCardNo: '', par: '' }).toEqual({ ...b, physicalCardNo: '', par: '' });
  });

  it("the example's own card gets the example exactly as the spec documents it", async () => {
    const documented = await engine.handle(request(CARD, validBodies[CARD], { prefer: 'example=success' }));
    const own = JSON.parse(documented.body).cardDataInfo.physicalCardNo as string;
    const answer = await engine.handle(request(CARD, { ...validBodies[CARD], cardNo: own }));
    expect([answer.scenario, answer.body]).toEqual(['success', documented.body]);
  });

  it('the same card twice: the same answer; a scenario chosen by Prefer is not changed', async () => {
    const body = { ...validBodies[CARD], cardNo: '9491237777777777' };
    const [a, b] = await Promise.all([engine.handle(request(CARD, body)), engine.handle(request(CARD, body))]);
    expect(a.body).toBe(b.body);
    const preferred = await engine.handle(request(CARD, body, { prefer: 'example=success' }));
    expect(JSON.parse(preferred.body).cardDataInfo.physicalCardNo).not.toBe('9491237777777777');
  });

  it('the log shows the card only masked', async () => {
    const answer = await engine.handle(request(VA, { cardNo: '9491235555555555' }));
    expect(answer.masked).toBe('cardNo=************5555');
  });
});

describe('refusals outside the pipeline (a body too large)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ contract });
  });
  const tooLarge = { status: 413, code: '000_002', field: 'body', reason: 'the body is larger than 10 bytes' };

  it("echo a valid correlation id, in the registry's envelope", () => {
    const answer = engine.refuse({ 'X-KM-Correlation-Id': '261121103000-a3f09c2' }, tooLarge, { connection: 'close' });
    expect(answer).toEqual({
      status: 413,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-km-correlation-id': '261121103000-a3f09c2',
        'x-konaplate-mock-reason': 'the body is larger than 10 bytes',
        connection: 'close',
      },
      body: expect.stringContaining('"message":"Invalid input parameter. body"'),
      scenario: 'http 413',
      masked: undefined,
      code: '000_002',
      reason: 'the body is larger than 10 bytes',
      correlationId: '261121103000-a3f09c2',
    });
  });

  it('a malformed or missing one: a fresh one of the contract form', () => {
    for (const headers of [{ 'x-km-correlation-id': 'abc' }, {}]) {
      const id = engine.refuse(headers, tooLarge).headers['x-km-correlation-id'];
      expect(id).toMatch(correlationIdPattern(contract.spec));
    }
  });
});
