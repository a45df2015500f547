import { describe, expect, it } from 'vitest';
import { ext } from '../src/extensions.ts';
import { headerExample, schemaSample } from '../src/facts.ts';
import type { OpenApiDocument } from '../src/index.ts';

/** A spec with two common headers: one whose schema (by $ref and allOf) has examples, one without. */
const doc = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {},
  components: {
    schemas: {
      Id: { type: 'string', examples: ['ID-SAMPLE-0001', 'ID-SAMPLE-0002'] },
      Zone: { type: 'string', enum: ['KST'] },
    },
    parameters: {
      IdHeader: {
        name: 'X-Id',
        in: 'header',
        [ext.value]: 'aspId',
        schema: { allOf: [{ $ref: '#/components/schemas/Id' }] },
      },
      ZoneHeader: {
        name: 'X-Zone',
        in: 'header',
        [ext.value]: 'timeZone',
        schema: { $ref: '#/components/schemas/Zone' },
      },
      IdQuery: { name: 'id', in: 'query', [ext.value]: 'accessKey', schema: { $ref: '#/components/schemas/Id' } },
    },
  },
} as unknown as OpenApiDocument;

describe('headerExample', () => {
  it("is the first example of the header's schema, through $ref and allOf", () => {
    expect(headerExample(doc, 'aspId')).toBe('ID-SAMPLE-0001');
  });

  it('is undefined for a header without examples, and for a source no header fills (a query parameter does not count)', () => {
    expect(headerExample(doc, 'timeZone')).toBeUndefined();
    expect(headerExample(doc, 'accessKey')).toBeUndefined();
  });
});

describe('schemaSample', () => {
  it.each([
    [{ examples: ['a', 'b'] }, 'a'],
    [{ examples: [1] }, undefined],
    [{ examples: [] }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])('%j → %j', (schema, expected) => {
    expect(schemaSample(schema)).toBe(expected);
  });
});
