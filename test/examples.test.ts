// Every example in the bundle validates against its schema (Ajv, JSON Schema
// 2020-12, strict), and every success example keeps the spec's business rules.

import { createSchemaValidator } from '@konaplate-contract/codegen';
import type { JsonObject } from '@konaplate-contract/contract';
import {
  businessRulesOf,
  checkBusinessRule,
  examplesOf,
  operationsOf,
  resolveLocal,
} from '@konaplate-contract/contract';
import { describe, expect, it } from 'vitest';
import { effectiveSchema, loadBundle } from './support/bundle.ts';

const doc = loadBundle();
const validator = createSchemaValidator(doc);

const mediaExamples = operationsOf(doc).flatMap(({ operation }) =>
  examplesOf(doc, operation).map((e) => {
    const content = e.where === 'request' ? operation.requestBody?.content : operation.responses[e.where]?.content;
    return {
      name: `${operation.operationId} ${e.where} ${e.key}`,
      schema: content?.[e.mediaType]?.schema as JsonObject,
      value: e.example.value,
    };
  }),
);

describe('media-type examples', () => {
  it('every response and request body has named examples', () => {
    for (const { operation } of operationsOf(doc)) {
      const bodies = [operation.requestBody?.content, ...Object.values(operation.responses).map((r) => r.content)];
      for (const content of bodies) expect(Object.keys(content?.['application/json']?.examples ?? {})).not.toEqual([]);
    }
    expect(mediaExamples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(mediaExamples)('$name validates against its schema', ({ schema, value }) => {
    expect(validator.errors(schema, value)).toEqual([]);
  });

  it('a broken example is caught (the validator can fail)', () => {
    const success = mediaExamples.find((e) => e.name === 'inquireCardVirtualAccount 200 success');
    const broken = structuredClone(success?.value) as JsonObject;
    broken.bankCode = '88';
    const errors = validator.errors(success?.schema as JsonObject, broken);
    expect(errors.map((e) => e.instancePath)).toContain('/bankCode');
  });
});

describe('schema and parameter examples', () => {
  const schemaExamples = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
    ((schema.examples as unknown[] | undefined) ?? []).map((value) => ({ name, schema, value })),
  );
  it('has schema examples to check', () => {
    expect(schemaExamples.length).toBeGreaterThan(0);
  });
  it.each(schemaExamples)('$name example $value fits its own schema', ({ schema, value }) => {
    expect(validator.errors(schema, value)).toEqual([]);
  });
  it('every string or number field schema carries an example', () => {
    const scalar = Object.entries(doc.components.schemas).filter(([, s]) =>
      ['string', 'integer'].includes(String(s.type)),
    );
    const missing = scalar.filter(([name, s]) => !s.examples && name !== 'JweCompact').map(([name]) => name);
    expect(missing).toEqual([]);
  });
  it('enum values fit their own schema (a length the values do not fit is caught)', () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const value of (schema.enum as unknown[] | undefined) ?? []) {
        expect(validator.errors(schema, value), `${name} enum value ${String(value)}`).toEqual([]);
      }
    }
  });
});

describe('business rules', () => {
  const cardDataInfo = effectiveSchema(doc, doc.components.schemas.CardDataInfo as JsonObject);
  const rules = businessRulesOf(cardDataInfo);
  const successes = operationsOf(doc)
    .filter(({ operation }) => operation.operationId === 'inquireUnregisteredCard')
    .flatMap(({ operation }) => examplesOf(doc, operation))
    .filter((e) => e.where === '200' && (e.example.value as JsonObject).cardDataInfo);

  it('the spec declares the rechargeableAmount rule machine-readably', () => {
    expect(rules).toEqual([
      [
        'rechargeableAmount',
        { id: 'rechargeable-amount', kind: 'headroom', maximum: 'maxNonRealNameRechargeAmount', used: 'balance' },
      ],
    ]);
  });

  it('has success examples with card data to check', () => {
    expect(successes.length).toBeGreaterThan(0);
  });

  it.each(successes)('success example $key keeps every rule', ({ example }) => {
    const info = (example.value as { cardDataInfo: JsonObject }).cardDataInfo;
    for (const [field, rule] of rules) expect(checkBusinessRule(info, field, rule)).toBeNull();
  });

  it("the page's own worked example holds and an off-by-one does not", () => {
    const [field, rule] = rules[0] ?? [];
    if (!field || !rule) throw new Error('no rule');
    const page = { maxNonRealNameRechargeAmount: 500000, balance: 300000, rechargeableAmount: 200000 };
    expect(checkBusinessRule(page, field, rule)).toBeNull();
    expect(checkBusinessRule({ ...page, rechargeableAmount: 200001 }, field, rule)).toMatch(
      /500000 - balance 300000 = 200000/,
    );
    expect(checkBusinessRule({ ...page, balance: 600000, rechargeableAmount: 0 }, field, rule)).toBeNull();
  });
});

describe('parameters', () => {
  it('every header parameter schema has an example that fits it', () => {
    for (const parameter of Object.values(doc.components.parameters)) {
      const schema = effectiveSchema(doc, resolveLocal<JsonObject>(doc, parameter.schema as JsonObject));
      const examples = (schema.examples as unknown[] | undefined) ?? [];
      expect(examples.length, String(parameter.name)).toBeGreaterThan(0);
      for (const value of examples) expect(validator.errors(schema, value)).toEqual([]);
    }
  });
});
