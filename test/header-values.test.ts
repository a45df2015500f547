// x-value on the common header parameters: what fills each header. The client signs from it, so a header the
// spec adds without one must stop generation (no tool would know how to send it), and the client's headers
// must be exactly the spec's, in its order.
import { readFileSync } from 'node:fs';
import { headerValues, signHeaders } from '@konaplate-contract/client/tools';
import { clientContract, generatedDir } from '@konaplate-contract/codegen';
import { commonHeaderValues, type OpenApiDocument, SpecError } from '@konaplate-contract/contract';
import { describe, expect, it } from 'vitest';

const bundle = () => JSON.parse(readFileSync(`${generatedDir}/openapi.json`, 'utf8')) as OpenApiDocument;

describe('x-value on the common headers', () => {
  it("the client sends exactly the spec's headers, in the spec's order (the key id only when encrypting)", async () => {
    const names = commonHeaderValues(bundle()).map((h) => h.name);
    const credentials = { aspId: 'KMASP0000000001', accessKey: 'a'.repeat(40), secretKey: 's' };
    const plain = Object.keys(await signHeaders(credentials, '{}'));
    const keyHeader = headerValues.find(([, source]) => source === 'cryptoKeyId')?.[0];
    expect(plain).toEqual(names.filter((n) => n !== keyHeader));
    expect(Object.keys(await signHeaders({ ...credentials, cryptoKeyId: 'k'.repeat(32) }, '{}'))).toEqual(names);
  });

  it.each([
    ['missing', undefined],
    ['unknown', 'partnerId'],
  ])('a header whose x-value is %s stops generation, naming the header and the choices', (_, value) => {
    const doc = bundle();
    const parameter = (doc.components as { parameters: Record<string, Record<string, unknown>> }).parameters
      .AspIdHeader as Record<string, unknown>;
    if (value === undefined) delete parameter['x-value'];
    else parameter['x-value'] = value;
    expect(() => clientContract(doc)).toThrow(SpecError);
    expect(() => commonHeaderValues(doc)).toThrow(
      `header X-KM-User-AspId: x-value must be one of aspId, accessKey, timeZone, cryptoKeyId, correlationId, tranTime, tranToken (what fills it), not ${JSON.stringify(value)}`,
    );
  });
});
