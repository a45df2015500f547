// Real HMAC-SHA256 tran tokens (and real correlation ids and tran times) fit
// the header schemas; the common integration mistakes do not.
import { createHmac, randomBytes } from 'node:crypto';
import { createSchemaValidator } from '@konaplate-contract/codegen';
import type { JsonObject } from '@konaplate-contract/contract';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.ts';

const doc = loadBundle();
const validator = createSchemaValidator(doc);
const schema = (name: string) => doc.components.schemas[name] as JsonObject;
const fits = (name: string, value: string) => validator.errors(schema(name), value).length === 0;

function tranToken(secret: string, body: string, time17: string): string {
  return `KMV1:${time17}:${createHmac('sha256', secret).update(body, 'utf8').digest('base64')}`;
}

describe('X-KM-Tran-Token', () => {
  const vector = (doc.components.securitySchemes.TranToken as JsonObject)['x-test-vector'] as Record<string, string>;

  it("recomputes the spec's test vector", () => {
    expect(tranToken(vector.secretKey ?? '', vector.body ?? '', vector.requestTime ?? '')).toBe(vector.token);
    expect(schema('TranToken').examples).toEqual([vector.token]);
  });

  it('accepts real tokens over many bodies, all 67 characters', () => {
    for (let i = 0; i < 200; i += 1) {
      const body = JSON.stringify({
        cardNo: `949123${String(i).padStart(10, '0')}`,
        n: randomBytes(8).toString('hex'),
      });
      const token = tranToken(randomBytes(20).toString('hex'), body, '20261121235959999');
      expect(token).toHaveLength(67);
      expect(fits('TranToken', token), token).toBe(true);
    }
  });

  const good = tranToken('secret', '{"cardNo":"9491230000000017"}', '20261121103000123');
  it.each([
    ['the 66 characters the pages claim (truncated)', good.slice(0, 66)],
    ['no padding', good.replace(/=$/, '')],
    ['a 14-digit time', good.replace('20261121103000123', '20261121103000')],
    ['lower-case prefix', good.replace('KMV1', 'kmv1')],
    ['another version', good.replace('KMV1', 'KMV2')],
    ['URL-safe Base64', `${good.slice(0, 23)}${'-'.repeat(42)}A=`],
    ['a digest that Base64 of 32 bytes cannot end in', `${good.slice(0, 65)}B=`],
    ['a month 13', good.replace('20261121103000123', '20261321103000123')],
    ['hex instead of Base64', `KMV1:20261121103000123:${createHmac('sha256', 's').update('b').digest('hex')}`],
  ])('rejects %s', (_, token) => {
    expect(fits('TranToken', token)).toBe(false);
  });
});

describe('X-KM-Correlation-Id', () => {
  const now = '261121103000';
  it('accepts yyMMddHHmmss- + 7 hex from a CSPRNG', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(fits('CorrelationId', `${now}-${randomBytes(4).toString('hex').slice(0, 7)}`)).toBe(true);
    }
  });
  it.each([
    ['8 hex (21 characters)', `${now}-a3f09c2b`],
    ['non-hex', `${now}-a3f09cz`],
    ['no hyphen', `${now}a3f09c2`],
    ['a 4-digit year', `20${now}-a3f0`],
    ['minute 61', '261121106100-a3f09c2'],
  ])('rejects %s', (_, value) => {
    expect(fits('CorrelationId', value)).toBe(false);
  });
});

describe('X-KM-Tran-Time and X-KM-Time-Zone', () => {
  it('accepts 14 digits yyyyMMddHHmmss', () => {
    expect(fits('TranTime', '20261121103000')).toBe(true);
    expect(fits('TranTime', '20261231235959')).toBe(true);
  });
  it.each([
    ['the 16-character Oracle mask rendered with milliseconds', '2026112110300012'],
    ['12 digits', '261121103000'],
    ['hour 24', '20261121240000'],
  ])('rejects %s', (_, value) => {
    expect(fits('TranTime', value)).toBe(false);
  });
  it('time zone is three upper-case letters', () => {
    expect([
      fits('TimeZone', 'KST'),
      fits('TimeZone', 'UTC'),
      fits('TimeZone', 'kst'),
      fits('TimeZone', 'UTC+9'),
    ]).toEqual([true, true, false, false]);
  });
});
