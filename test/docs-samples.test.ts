// The docs' code samples as generation writes them: curl, Node (the TypeScript client), Python and Java on
// every operation, in both editions, each built from the spec (headers, zone, token prefix, path, method,
// body, environment names), so a change to the spec reaches every sample and a header no sample can fill
// stops generation. The samples are run, as copied from the generated docs, by samples-operations.test.ts
// and samples-encryption.test.ts.
import { codeSamples } from '@konaplate-contract/codegen';
import type { JsonObject, OpenApiDocument } from '@konaplate-contract/contract';
import {
  commonHeaderValues,
  examplesOf,
  ext,
  operationsOf,
  plaintextRequest,
  testVectorOf,
  utcOffsets,
} from '@konaplate-contract/contract';
import { environmentVariables } from '@konaplate-contract/contract/protocol';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.ts';
import { withoutComments } from './support/samples.ts';

const doc = loadBundle();
const operations = operationsOf(doc).map(({ method, path, operation }) => ({
  operationId: operation.operationId,
  method: method.toUpperCase(),
  path,
  request: plaintextRequest(doc, operation),
  en: codeSamples(doc, operation.operationId, 'en'),
  ko: codeSamples(doc, operation.operationId, 'ko'),
}));
const required = commonHeaderValues(doc).filter((h) => h.required);
const [zone, offset] = Object.entries(utcOffsets(doc))[0] ?? [];
const tokenPrefix = String(testVectorOf(doc)?.token).split(':')[0];
const bySample = (samples: Array<{ label: string; source: string }>) =>
  Object.fromEntries(samples.map((s) => [s.label, s.source]));

it('has operations whose samples to check (read from the bundled spec), headers, a zone and a token prefix', () => {
  expect(operations.length).toBeGreaterThan(0);
  expect(required.length).toBeGreaterThan(0);
  expect([zone, offset, tokenPrefix]).not.toContain(undefined);
  expect(tokenPrefix).toMatch(/^[A-Z0-9]+$/);
});

describe.each(operations)('$operationId', (op) => {
  const en = bySample(op.en);

  it('has curl, Node, Python and Java, in that order, with the same labels in both editions', () => {
    expect(op.en.map((s) => [s.lang, s.label])).toEqual([
      ['Shell', 'curl'],
      ['TypeScript', 'Node'],
      ['Python', 'Python'],
      ['Java', 'Java'],
    ]);
    expect(op.ko.map((s) => s.label)).toEqual(op.en.map((s) => s.label));
  });

  it('the Korean samples differ from the English ones in their comments only', () => {
    for (const [i, sample] of op.ko.entries()) {
      expect(withoutComments(sample.source)).toBe(withoutComments(op.en[i]?.source ?? ''));
      expect(sample.source).not.toBe(op.en[i]?.source);
    }
  });

  it('each reads the base URL and the credentials from the environment, by their table names', () => {
    for (const sample of op.en)
      for (const name of [
        environmentVariables.baseUrl,
        environmentVariables.aspId,
        environmentVariables.accessKey,
        environmentVariables.secretKey,
      ])
        expect(sample.source, `${sample.label} reads ${name}`).toContain(name);
  });

  it('curl, Python and Java send every required header, the path and the method, signed with the spec’s prefix and zone', () => {
    for (const label of ['curl', 'Python', 'Java']) {
      const source = en[label] ?? '';
      for (const { name } of required) expect(source, `${label} sends ${name}`).toContain(`${name}`);
      expect(source).toContain(op.path);
      expect(source).toContain(op.method);
      expect(source).toContain(`${tokenPrefix}:`);
      expect(source).toContain(label === 'curl' ? `: ${zone}" \\` : `"${zone}"`);
    }
    expect(en.Python).toContain(`minutes=${offset}`);
    expect(en.Java).toContain(`ZoneOffset.ofTotalSeconds(${offset} * 60)`);
  });

  it('each sends the documented success request (the plaintext example)', () => {
    const body = JSON.stringify(op.request);
    expect(/^BODY='(.*)'$/m.exec(en.curl ?? '')?.[1]).toBe(body);
    expect(en.Node).toContain(`konaplate.${op.operationId}(${body})`);
    expect(en.Java).toContain(JSON.stringify(body));
    for (const value of Object.values(op.request as JsonObject)) expect(en.Python).toContain(JSON.stringify(value));
  });

  it('the curl sample signs with openssl over the body it sends', () => {
    expect(en.curl).toMatch(/openssl dgst -sha256 -hmac "\$KONAPLATE_SECRET_KEY" -binary \| base64/);
    expect(en.curl).toContain('--data "$BODY"');
  });
});

/** A copy of the bundle with one change made to it (the loaded bundle is shared: never changed in place). */
const changed = (change: (copy: OpenApiDocument) => void) => {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
};
const first = operations[0]?.operationId ?? '';

describe('the samples follow the spec', () => {
  it('the first accepted zone of the spec is the zone of every sample (UTC: TZ=UTC0, minutes=0)', () => {
    const utcFirst = changed((copy) => {
      const schema = copy.components.schemas?.TimeZone as JsonObject;
      schema[ext.utcOffsets] = { UTC: 0, KST: 540 };
    });
    const samples = bySample(codeSamples(utcFirst, first));
    expect(samples.curl).toContain('TIME=$(TZ=UTC0 date');
    expect(samples.curl).toContain('X-KM-Time-Zone: UTC"');
    expect(samples.Python).toContain('ZONE_NAME, ZONE = "UTC", datetime.timezone(datetime.timedelta(minutes=0))');
    expect(samples.Java).toContain('static final String ZONE_NAME = "UTC";');
  });

  it('a required header no sample can fill stops generation, naming it', () => {
    const keyIdRequired = changed((copy) => {
      for (const parameter of Object.values(copy.components.parameters ?? {}) as JsonObject[])
        if (parameter[ext.value] === 'cryptoKeyId') parameter.required = true;
    });
    expect(() => codeSamples(keyIdRequired, first)).toThrow(
      /the curl sample cannot fill the header X-KM-Crypto-Key-Id/,
    );
  });

  it('an operation the spec does not have is refused', () => {
    expect(() => codeSamples(doc, 'noSuchOperation')).toThrow(/no operation noSuchOperation/);
  });

  it('each operation’s examples include the success answer the runs compare with', () => {
    for (const { operation } of operationsOf(doc))
      expect(examplesOf(doc, operation).some((e) => e.where === '200' && e.key === 'success')).toBe(true);
  });
});
