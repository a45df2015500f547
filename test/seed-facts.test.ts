// The seeds' facts, transcribed as a table and checked against the bundle, so a
// silent edit to a length, a required flag or an enum fails. Where the seeds
// contradict themselves or the platform, `seed` records what the page says and
// the other columns what the contract resolved (see x-source-conflicts).

import type { JsonObject } from '@konaplate-contract/contract';
import { operationsOf, resolveLocal } from '@konaplate-contract/contract';
import { describe, expect, it } from 'vitest';
import { effectiveSchema, loadBundle, propertyAt } from './support/bundle.ts';

const doc = loadBundle();

interface FieldFact {
  name: string;
  required: boolean;
  type: 'string' | 'integer' | 'boolean' | 'object' | 'array';
  length?: number;
  min?: number;
  max?: number;
  enum?: string[];
  seed?: string;
}

const headers: FieldFact[] = [
  { name: 'X-KM-User-AspId', required: true, type: 'string', length: 15 },
  { name: 'X-KM-Correlation-Id', required: true, type: 'string', length: 20, seed: 'yyMMddHHmiSS' },
  { name: 'X-KM-Access-Key', required: true, type: 'string', length: 40, seed: 'Conditional' },
  { name: 'X-KM-Crypto-Key-Id', required: false, type: 'string', length: 32 },
  { name: 'X-KM-Tran-Token', required: true, type: 'string', length: 67, seed: 'Length : 66' },
  { name: 'X-KM-Tran-Time', required: true, type: 'string', length: 14, seed: 'Length : 16' },
  { name: 'X-KM-Time-Zone', required: true, type: 'string', length: 3 },
];

const amount = { type: 'integer', min: 0, max: 9999999999, seed: 'number' } as const;
const cardInfo: FieldFact[] = [
  { name: 'cardDataInfo', required: true, type: 'object', seed: 'nesting flattened' },
  { name: 'cardDataInfo.par', required: true, type: 'string', length: 27, seed: 'PAN or PAR' },
  { name: 'cardDataInfo.serviceId', required: true, type: 'string', length: 15 },
  { name: 'cardDataInfo.serviceName', required: true, type: 'string', min: 1, max: 255 },
  { name: 'cardDataInfo.serviceImageUrl', required: true, type: 'string', min: 1, max: 255 },
  { name: 'cardDataInfo.affiliateId', required: true, type: 'string', length: 15 },
  { name: 'cardDataInfo.rechargeable', required: true, type: 'boolean' },
  { name: 'cardDataInfo.refundable', required: true, type: 'boolean' },
  { name: 'cardDataInfo.remittable', required: true, type: 'boolean' },
  { name: 'cardDataInfo.personalRechargeable', required: true, type: 'boolean' },
  { name: 'cardDataInfo.balance', required: true, ...amount },
  { name: 'cardDataInfo.expiryDate', required: true, type: 'string', length: 8 },
  { name: 'cardDataInfo.physicalCardNo', required: false, type: 'string', length: 16 },
  {
    name: 'cardDataInfo.physicalCardStatus',
    required: false,
    type: 'string',
    // An enum states no length: its values bound it (the seed's Max 7 would refuse SUSPENDED).
    enum: ['ACTIVE', 'SUSPENDED'],
    seed: 'Max : 7',
  },
  { name: 'cardDataInfo.mobileCardNo', required: false, type: 'string', length: 16 },
  {
    name: 'cardDataInfo.mobileCardStatus',
    required: false,
    type: 'string',
    // An enum states no length: its values bound it (the seed's Max 7 would refuse SUSPENDED).
    enum: ['ACTIVE', 'SUSPENDED'],
    seed: 'Max : 7',
  },
  { name: 'cardDataInfo.maxNonRealNameRechargeAmount', required: true, ...amount },
  { name: 'cardDataInfo.maxRealNameRechargeAmount', required: true, ...amount },
  { name: 'cardDataInfo.minRechargeAmount', required: true, ...amount },
  { name: 'cardDataInfo.rechargeableAmount', required: true, ...amount },
  { name: 'cardDataInfo.overseaPaymentable', required: false, type: 'boolean' },
  { name: 'cardDataInfo.cardPointInfo', required: false, type: 'array' },
  { name: 'cardDataInfo.cardPointInfo[].pointPolicyId', required: true, type: 'string', length: 15 },
  { name: 'cardDataInfo.cardPointInfo[].pointName', required: true, type: 'string', min: 1, max: 255 },
  { name: 'cardDataInfo.cardPointInfo[].remainingPoint', required: false, ...amount },
  { name: 'cardDataInfo.cardPointInfo[].autoUse', required: false, type: 'boolean' },
  { name: 'cardDataInfo.rechargeUnitAmt', required: false, ...amount, seed: 'nesting ambiguous' },
];

const operations: Record<string, { request: FieldFact[]; response: FieldFact[] }> = {
  inquireUnregisteredCard: {
    request: [
      { name: 'cardNo', required: true, type: 'string', length: 16 },
      { name: 'expiryDate', required: true, type: 'string', length: 4, seed: 'format not given' },
      { name: 'cardCVC', required: true, type: 'string', length: 3 },
    ],
    response: cardInfo,
  },
  inquireCardVirtualAccount: {
    request: [{ name: 'cardNo', required: true, type: 'string', length: 16 }],
    response: [
      { name: 'accountNo', required: true, type: 'string', min: 1, max: 20 },
      { name: 'bankCode', required: true, type: 'string', length: 3 },
      { name: 'connectType', required: true, type: 'string', enum: ['FIXATION', 'ROTATION'] },
      {
        name: 'status',
        required: true,
        type: 'string',
        enum: ['ACTIVE', 'INACTIVE'],
        seed: 'Length : 10',
      },
    ],
  },
};

function expectFact(schema: JsonObject, required: boolean, fact: FieldFact, conflictNoted: boolean) {
  expect(conflictNoted, `${fact.name}: a source conflict is noted in the spec exactly when the seed disagrees`).toBe(
    fact.seed !== undefined,
  );
  expect({ name: fact.name, required, type: schema.type }).toEqual({
    name: fact.name,
    required: fact.required,
    type: fact.type,
  });
  if (fact.length !== undefined) expect([schema.minLength, schema.maxLength]).toEqual([fact.length, fact.length]);
  if (fact.type === 'string' && fact.length === undefined) {
    expect([schema.minLength, schema.maxLength]).toEqual([fact.min, fact.max]);
  }
  if (fact.type === 'integer') expect([schema.minimum, schema.maximum]).toEqual([fact.min, fact.max]);
  expect(schema.enum).toEqual(fact.enum);
}

/** The plaintext branch of an operation's request or 200 body (the other branch is the encrypted envelope). */
function plaintextBody(operationId: string, which: 'request' | 'response'): JsonObject {
  const found = operationsOf(doc).find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  const content =
    which === 'request' ? found.operation.requestBody?.content : found.operation.responses['200']?.content;
  const branches = (content?.['application/json']?.schema?.oneOf ?? []) as JsonObject[];
  const plain = branches.find((b) => !('encData' in (effectiveSchema(doc, b).properties as JsonObject)));
  if (!plain) throw new Error(`no plaintext ${which} schema for ${operationId}`);
  return plain;
}

describe.each(Object.keys(operations))('%s against the seed', (operationId) => {
  const { operation } = operationsOf(doc).find((o) => o.operation.operationId === operationId) ?? {};
  const facts = operations[operationId] ?? { request: [], response: [] };

  it.each(headers)('request header $name', (fact) => {
    const parameters = (operation?.parameters ?? []).map((p) => resolveLocal<JsonObject>(doc, p));
    const parameter = parameters.find((p) => p.name === fact.name && p.in === 'header');
    expect(parameter, `${fact.name} is a header of ${operationId}`).toBeDefined();
    const schema = effectiveSchema(doc, parameter?.schema as JsonObject);
    expectFact(schema, parameter?.required === true, fact, Boolean(parameter?.['x-source-conflicts']));
  });

  it('has exactly the seed headers, no more', () => {
    const names = (operation?.parameters ?? []).map((p) => resolveLocal<JsonObject>(doc, p).name);
    expect(names.sort()).toEqual(headers.map((h) => h.name).sort());
  });

  it.each(facts.request)('request field $name', (fact) => {
    const { schema, required } = propertyAt(doc, plaintextBody(operationId, 'request'), fact.name);
    expectFact(schema, required, fact, Boolean(schema['x-source-conflicts']));
  });

  it.each(facts.response)('response field $name', (fact) => {
    const { schema, required } = propertyAt(doc, plaintextBody(operationId, 'response'), fact.name);
    expectFact(schema, required, fact, Boolean(schema['x-source-conflicts']));
  });

  it('response headers: correlation id echoed (20, required), crypto key id on success (32, optional)', () => {
    for (const [status, response] of Object.entries(operation?.responses ?? {})) {
      const headerMap = (response.headers ?? {}) as Record<string, JsonObject>;
      const correlation = resolveLocal<JsonObject>(doc, headerMap['X-KM-Correlation-Id'] ?? {});
      expect(correlation.required, `${status} echoes the correlation id`).toBe(true);
      expect(effectiveSchema(doc, correlation.schema as JsonObject).maxLength).toBe(20);
    }
    const crypto = resolveLocal<JsonObject>(
      doc,
      ((operation?.responses['200']?.headers ?? {}) as Record<string, JsonObject>)['X-KM-Crypto-Key-Id'] ?? {},
    );
    expect([crypto.required, effectiveSchema(doc, crypto.schema as JsonObject).maxLength]).toEqual([false, 32]);
  });
});

describe('transport facts', () => {
  it('serves both POST operations at the seed paths', () => {
    expect(
      operationsOf(doc).map(({ path, method, operation }) => `${method} ${path} ${operation.operationId}`),
    ).toEqual([
      'post /api/v1/unregister/card/info inquireUnregisteredCard',
      'post /api/v1/card/virtual-account/inquiry inquireCardVirtualAccount',
    ]);
  });

  it('names the public sandbox and a production server the user fills in', () => {
    const servers = doc.servers as Array<{ url: string; variables?: Record<string, { default: string }> }>;
    expect(servers[0]?.url).toBe('https://sandbox.konaplate.com/open-api');
    expect(servers[1]?.url).toBe('https://{productionHost}/open-api');
    expect(servers[1]?.variables?.productionHost?.default).toMatch(/\.invalid$/);
  });
});
