// Stage 5, respond: the correlation id of every answer, the masked log fields, the default answer filled
// from the request, and the answers themselves (refusal, example, encrypted example, registry fault).
import { correlationIdPattern, registryOf, utcOffsets } from '@konaplate-contract/contract';
import { compactDecrypt, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { EncryptionKeys, Key } from '../../src/encryption.ts';
import {
  answerCorrelationId,
  correlationIdFor,
  digestValue,
  freshCorrelationIds,
  headerSafe,
  maskedFields,
  personalize,
  type ResponderContext,
  responder,
} from '../../src/stages/respond.ts';
import { doc, envelope, handMadeRuntime } from './fixture.ts';

const pattern = correlationIdPattern(doc);
const now = Date.UTC(2026, 10, 21, 1, 30, 0); // 10:30:00 KST, 01:30:00 UTC

describe('headerSafe', () => {
  it('printable ASCII only, at most 1000 characters', () => {
    expect(headerSafe('a\u00e9b\nc\u0007d')).toBe('a?b?c?d');
    expect(headerSafe('x'.repeat(1500))).toHaveLength(1000);
    expect(headerSafe(' ~')).toBe(' ~');
  });
});

describe('correlation ids', () => {
  const fresh = () => 'FRESH';

  it("a request's id of the contract's form is echoed", () => {
    expect(correlationIdFor('261121103000-a3f09c2', pattern, fresh)).toBe('261121103000-a3f09c2');
  });

  it.each([
    ['abc'],
    ['261121103000-a3f09c2b'], // 21 characters
    ['261321103000-a3f09c2'], // month 13
    ['261121103000-a3f09cg'], // not hex
    [''],
  ])('a malformed one (%j) is never echoed: a fresh one instead', (sent) => {
    expect(correlationIdFor(sent, pattern, fresh)).toBe('FRESH');
  });

  it('no id: a fresh one', () => {
    expect(correlationIdFor(undefined, pattern, fresh)).toBe('FRESH');
  });

  it("fresh ids have the contract's form, stamped in the request's zone (UTC for one the spec does not list)", () => {
    const make = freshCorrelationIds(utcOffsets(doc));
    const kst = make(now, 'KST');
    expect(kst).toMatch(/^261121103000-[0-9a-f]{7}$/);
    expect(kst).toMatch(pattern);
    expect(make(now, 'UTC')).toMatch(/^261121013000-[0-9a-f]{7}$/);
    expect(make(now, 'XYZ')).toMatch(/^261121013000-[0-9a-f]{7}$/);
    expect(make(now)).toMatch(/^261121013000-[0-9a-f]{7}$/);
    expect(new Set(Array.from({ length: 50 }, () => make(now, 'KST'))).size).toBe(50);
  });

  it("an answer's id from the request's headers", () => {
    const context = { correlationHeader: 'x-km-correlation-id', timeZoneHeader: 'x-km-time-zone', pattern };
    const make = freshCorrelationIds(utcOffsets(doc));
    const sent = { 'x-km-correlation-id': '261121103000-a3f09c2', 'x-km-time-zone': 'KST' };
    expect(answerCorrelationId(sent, context, make, now)).toBe('261121103000-a3f09c2');
    const bad = { 'x-km-correlation-id': '261121103000-a3f09c2b', 'x-km-time-zone': 'KST' };
    expect(answerCorrelationId(bad, context, make, now)).toMatch(/^261121103000-[0-9a-f]{7}$/);
    expect(answerCorrelationId({}, context, make, now)).toMatch(/^261121013000-[0-9a-f]{7}$/);
  });
});

describe('maskedFields', () => {
  it('each last-4 field of the payload, in the order given, masked to its last four', () => {
    expect(maskedFields({ cardNo: '9491231111111111', other: '1234567890' }, ['cardNo'])).toBe(
      'cardNo=************1111',
    );
    expect(maskedFields({ cardNo: '9491231111111111', accountNo: '56201234' }, ['accountNo', 'cardNo'])).toBe(
      'accountNo=****1234 cardNo=************1111',
    );
    expect(maskedFields({ cardNo: '1234' }, ['cardNo'])).toBe('cardNo=****');
  });

  it('only strings of at most 64 characters, with anything but printable ASCII shown as ?', () => {
    expect(maskedFields({ cardNo: 94912311 }, ['cardNo'])).toBeUndefined();
    expect(maskedFields({ cardNo: 'x'.repeat(65) }, ['cardNo'])).toBeUndefined();
    expect(maskedFields({ cardNo: `${'1'.repeat(60)}12\n4` }, ['cardNo'])).toBe(`cardNo=${'*'.repeat(60)}12?4`);
    expect(maskedFields({ cardNo: 'x'.repeat(64) }, ['cardNo'])).toBe(`cardNo=${'*'.repeat(60)}xxxx`);
  });

  it('nothing to show: undefined', () => {
    expect(maskedFields({ cardNo: '9491231111111111' }, [])).toBeUndefined();
    expect(maskedFields({}, ['cardNo'])).toBeUndefined();
    expect(maskedFields(['9491231111111111'], ['0'])).toBeUndefined();
    expect(maskedFields(undefined, ['cardNo'])).toBeUndefined();
  });
});

describe('digestValue', () => {
  const par = { prefix: 'Q1', alphabet: '0123456789ABCDEF', length: 25 };

  it("a stable stand-in in the pattern's shape, different for another value", () => {
    expect(digestValue('9491235555555555', par)).toBe('Q1D07739E1DCBB3C34FA54228E2');
    expect(digestValue('9491235555555555', par)).toMatch(/^Q1[0-9A-F]{25}$/);
    expect(digestValue('9491236666666666', par)).not.toBe(digestValue('9491235555555555', par));
  });

  it('longer than one digest, and in any alphabet', () => {
    const long = digestValue('x', { prefix: '', alphabet: 'ab', length: 100 });
    expect(long).toMatch(/^[ab]{100}$/);
    expect(long.slice(0, 32)).not.toBe(long.slice(32, 64));
    expect(digestValue('x', { prefix: 'P-', alphabet: '0123456789', length: 3 })).toMatch(/^P-\d{3}$/);
  });
});

describe('personalize', () => {
  const json = { response: { code: '000_000' }, info: { no: '1111', ref: 'R0', n: 1 } };
  const rules = [
    { path: ['info', 'no'], field: 'cardNo', copy: true as const },
    { path: ['info', 'ref'], field: 'cardNo', digest: { prefix: 'R', alphabet: '0123456789', length: 4 } },
  ];

  it('copies the request field into one property and derives another from it, keeping the rest', () => {
    const text = personalize(json, rules, { cardNo: '9491235555555555' });
    const answer = JSON.parse(text ?? 'null');
    expect(answer.info.no).toBe('9491235555555555');
    expect(answer.info.ref).toMatch(/^R\d{4}$/);
    expect(answer.info.ref).toBe(digestValue('9491235555555555', rules[1]?.digest as never));
    expect({ ...answer, info: { ...answer.info, no: '1111', ref: 'R0' } }).toEqual(json);
    expect(json.info.no).toBe('1111');
  });

  it('null when nothing changes: no such field, not a string, not an object, the same value, no such property', () => {
    expect(personalize(json, rules, { other: '1' })).toBeNull();
    expect(personalize(json, rules, { cardNo: 94912355 })).toBeNull();
    expect(personalize(json, rules, undefined)).toBeNull();
    expect(personalize(json, [{ path: ['info', 'no'], field: 'cardNo', copy: true }], { cardNo: '1111' })).toBeNull();
    expect(personalize(json, [{ path: ['info', 'gone'], field: 'cardNo', copy: true }], { cardNo: '2' })).toBeNull();
    expect(personalize(json, [{ path: ['x', 'no'], field: 'cardNo', copy: true }], { cardNo: '2' })).toBeNull();
    expect(personalize(json, [], { cardNo: '2' })).toBeNull();
  });

  it("the example's own request (the copied values already there) gets the example as documented", () => {
    expect(personalize(json, rules, { cardNo: '1111' })).toBeNull();
    const digestOnly = personalize(json, [rules[1] as (typeof rules)[number]], { cardNo: '1111' });
    expect(JSON.parse(digestOnly ?? 'null').info.ref).toMatch(/^R\d{4}$/);
  });

  it('a rule whose property is absent does not stop the others', () => {
    const text = personalize(json, [{ path: ['gone'], field: 'cardNo', copy: true }, ...rules], { cardNo: '42' });
    expect(JSON.parse(text ?? 'null').info.no).toBe('42');
  });
});

describe('responder', () => {
  const registry = registryOf(doc);
  const context: ResponderContext = {
    registry,
    correlationHeader: 'x-km-correlation-id',
    keyIdHeader: 'x-km-crypto-key-id',
    envelope,
  };
  const op = handMadeRuntime();
  const id = '261121103000-a3f09c2';

  it("a refusal: the registry's envelope naming the field, the reason and the correlation id in headers", () => {
    const reply = responder(context, id);
    reply.mask('cardNo=************1111');
    expect(reply.refuse({ status: 400, code: '000_002', field: 'cardNo', reason: 'cardNo: bad\n' })).toEqual({
      status: 400,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-km-correlation-id': id,
        'x-konaplate-mock-reason': 'cardNo: bad?',
      },
      body: JSON.stringify({
        response: {
          code: '000_002',
          message: 'Invalid input parameter. cardNo',
          description: registry['000_002']?.description,
        },
      }),
      scenario: 'error 000_002',
      masked: 'cardNo=************1111',
      code: '000_002',
      reason: 'cardNo: bad?',
      correlationId: id,
    });
  });

  it('a transport refusal is logged by its status, with extra headers', () => {
    const answer = responder(context, id).refuse({ status: 405, code: '000_002', reason: 'no' }, { allow: 'POST' });
    expect([answer.scenario, answer.headers.allow, answer.masked]).toEqual(['http 405', 'POST', undefined]);
    expect(JSON.parse(answer.body).response.message).toBe('Invalid input parameter.');
  });

  it('an example: as rendered (or the text given), with the scenario header and log name', async () => {
    const reply = responder(context, id);
    expect(await reply.example(op, 'lost-card')).toEqual({
      status: 400,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-km-correlation-id': id,
        'x-konaplate-mock-scenario': 'lost-card',
      },
      body: '{"response":{"code":"003_029"}}',
      scenario: 'lost-card',
      masked: undefined,
      code: '003_029',
      correlationId: id,
    });
    const personalized = await reply.example(op, 'ok', { text: '{"mine":1}', scenario: 'fault ok' });
    expect([personalized.body, personalized.scenario]).toEqual(['{"mine":1}', 'fault ok']);
    expect((await reply.example(op, 'ok', { text: null })).body).toBe(op.examples.get('ok')?.body);
    await expect(reply.example(op, 'nope')).rejects.toThrow('inquireThing has no example nope');
  });

  it('a success answer to an encrypted request goes back encrypted to the client key, with the key id', async () => {
    const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048 });
    const keys: EncryptionKeys = {
      keyId: 'k'.repeat(32),
      serverPrivateKey: client.privateKey as Key, // not used to encrypt
      clientPublicKey: client.publicKey as Key,
    };
    const reply = responder(context, id);
    const sealed = await reply.example(op, 'ok', { encryptTo: keys });
    expect(sealed.headers['x-km-crypto-key-id']).toBe('k'.repeat(32));
    const { plaintext, protectedHeader } = await compactDecrypt(JSON.parse(sealed.body)[envelope], client.privateKey);
    expect(protectedHeader).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'k'.repeat(32) });
    expect(new TextDecoder().decode(plaintext)).toBe(op.examples.get('ok')?.body);
    // An error stays plaintext; without a client key nothing is encrypted.
    expect((await reply.example(op, 'lost-card', { encryptTo: keys })).body).toBe('{"response":{"code":"003_029"}}');
    const noClient = { ...keys, clientPublicKey: undefined };
    const plain = await reply.example(op, 'ok', { encryptTo: noClient });
    expect([plain.body, plain.headers['x-km-crypto-key-id']]).toEqual([op.examples.get('ok')?.body, undefined]);
  });

  it("an injected fault without a fault example: the registry's 503 code, saying so", () => {
    const answer = responder(context, id).registryFault(op, '000_P02');
    expect(answer).toEqual({
      status: 503,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-km-correlation-id': id,
        'x-konaplate-mock-reason':
          "injected fault: the spec documents no 503 example for inquireThing, so the registry's 000_P02 answers",
      },
      body: JSON.stringify({
        response: {
          code: '000_P02',
          message: registry['000_P02']?.message,
          description: registry['000_P02']?.description,
        },
      }),
      scenario: 'fault 503',
      code: '000_P02',
      reason: "injected fault: the spec documents no 503 example for inquireThing, so the registry's 000_P02 answers",
      correlationId: id,
    });
  });
});
