// The judge on its own: (operation, HTTP status, headers, body text, options)
// in, the payload or the typed error out. No fetch, no server, no clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorRegistry } from '../../../generated/types/error-codes.ts';
import { codeStatus, type OperationId, successCode } from '../src/contract.ts';
import {
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
  KonaplateTransportError,
} from '../src/errors.ts';
import { type JudgeOptions, judge } from '../src/judge.ts';
import { TooLarge } from '../src/transport.ts';

const VA = 'inquireCardVirtualAccount';
const CARD = 'inquireUnregisteredCard';
const CORRELATION_ID = '261121103000-abc1234';
const options: JudgeOptions = { validateResponses: true, decrypts: false, attempts: 1 };
const withCorrelation = new Headers({ 'X-KM-Correlation-Id': CORRELATION_ID });
const noHeaders = new Headers();

const vaSuccess = {
  response: { code: '000_000', message: 'Success.', description: '성공' },
  accountNo: '56201234567890',
  bankCode: '088',
  connectType: 'FIXATION',
  status: 'ACTIVE',
};

const cardSuccess = {
  response: { code: '000_000', message: 'Success.', description: '성공' },
  cardDataInfo: {
    par: 'Q1C0D4A6E8F2B19375D6C8E0A4B',
    serviceId: '000170000003100',
    serviceName: '코나 기프트카드',
    serviceImageUrl: 'https://cdn.example.com/cards/000170000003100.png',
    affiliateId: '000170000000002',
    rechargeable: true,
    refundable: true,
    remittable: true,
    personalRechargeable: false,
    balance: 45000,
    expiryDate: '20300228',
    maxNonRealNameRechargeAmount: 500000,
    maxRealNameRechargeAmount: 2000000,
    minRechargeAmount: 5000,
    rechargeableAmount: 455000,
    cardPointInfo: [
      { pointPolicyId: '000170000000101', pointName: '코나 포인트', remainingPoint: 3500, autoUse: true },
      { pointPolicyId: '000170000000102', pointName: '제휴 적립 포인트', remainingPoint: 120 },
    ],
  },
};

const envelope = (code: unknown, message: unknown = 'Card not found', description: unknown = '설명') => ({
  response: { code, message, description },
});

/** Judges a JSON value sent as the body text; the verdict's fields, loosely typed for the assertions. */
const judgeJson = (
  operationId: OperationId,
  status: number,
  json: unknown,
  extra: Partial<JudgeOptions> = {},
  headers: Headers = withCorrelation,
): { data?: unknown; error?: unknown; sealed?: string } =>
  judge(operationId, status, headers, JSON.stringify(json), { ...options, ...extra });

// The judge is pure: any reach for the network fails the test.
const fetchSpy = vi.fn(() => Promise.reject(new Error('the judge must not fetch')));
beforeEach(() => {
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => {
  expect(fetchSpy).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
});

describe('success', () => {
  it('the success code with the operation’s success status is the payload, as parsed', () => {
    const verdict = judgeJson(VA, 200, vaSuccess);
    expect(verdict).toEqual({ data: vaSuccess });
    expect(verdict).not.toHaveProperty('error');
  });

  it('a success payload with nested arrays and optional fields left out conforms', () => {
    expect(judgeJson(CARD, 200, cardSuccess)).toEqual({ data: cardSuccess });
  });

  it('keeps fields the spec does not list, and judges the same text the same way twice', () => {
    const body = JSON.stringify({ ...vaSuccess, extra: 'kept' });
    const first = judge(VA, 200, withCorrelation, body, options);
    const second = judge(VA, 200, withCorrelation, body, options);
    expect(first).toEqual({ data: { ...vaSuccess, extra: 'kept' } });
    expect(second).toEqual(first);
  });
});

describe('a success payload is checked against the generated rules', () => {
  const breaks: Array<[string, OperationId, unknown, string, string, string]> = [
    [
      'a 50-character accountNo',
      VA,
      { ...vaSuccess, accountNo: '5'.repeat(50) },
      'accountNo',
      'maxLength',
      'accountNo must be 1 to 20 characters long, not 50',
    ],
    ['a missing status', VA, { ...vaSuccess, status: undefined }, 'status', 'required', 'status is required'],
    [
      'an unknown connectType',
      VA,
      { ...vaSuccess, connectType: 'ROTATING' },
      'connectType',
      'enum',
      'connectType must be one of FIXATION, ROTATION',
    ],
    [
      'a number for bankCode',
      VA,
      { ...vaSuccess, bankCode: 88 },
      'bankCode',
      'type',
      'bankCode must be a string, not number',
    ],
    [
      'a letter in accountNo',
      VA,
      { ...vaSuccess, accountNo: '5620123456789X' },
      'accountNo',
      'pattern',
      'accountNo must match ^[0-9]{1,20}$',
    ],
    [
      'an empty response.message',
      VA,
      { ...vaSuccess, response: { ...vaSuccess.response, message: '' } },
      'response.message',
      'minLength',
      'response.message must be 1 to 1024 characters long, not 0',
    ],
    [
      'a negative balance',
      CARD,
      { ...cardSuccess, cardDataInfo: { ...cardSuccess.cardDataInfo, balance: -1 } },
      'cardDataInfo.balance',
      'minimum',
      'cardDataInfo.balance must be at least 0',
    ],
    [
      'a fractional balance',
      CARD,
      { ...cardSuccess, cardDataInfo: { ...cardSuccess.cardDataInfo, balance: 1.5 } },
      'cardDataInfo.balance',
      'type',
      'cardDataInfo.balance must be a whole number, not number',
    ],
    [
      'a 500-character point name',
      CARD,
      {
        ...cardSuccess,
        cardDataInfo: {
          ...cardSuccess.cardDataInfo,
          cardPointInfo: [{ pointPolicyId: '000170000000101', pointName: 'x'.repeat(500) }],
        },
      },
      'cardDataInfo.cardPointInfo[0].pointName',
      'maxLength',
      'cardDataInfo.cardPointInfo[0].pointName must be 1 to 255 characters long, not 500',
    ],
    [
      '101 points',
      CARD,
      {
        ...cardSuccess,
        cardDataInfo: {
          ...cardSuccess.cardDataInfo,
          cardPointInfo: Array.from({ length: 101 }, () => ({ pointPolicyId: '000170000000101', pointName: 'p' })),
        },
      },
      'cardDataInfo.cardPointInfo',
      'maxItems',
      'cardDataInfo.cardPointInfo must have at most 100 items, not 101',
    ],
    [
      'cardDataInfo as an array',
      CARD,
      { ...cardSuccess, cardDataInfo: [] },
      'cardDataInfo',
      'type',
      'cardDataInfo must be an object, not array',
    ],
  ];

  it.each(breaks)(
    '%s is a KonaplateContractError naming field and rule',
    (_, operationId, body, field, rule, problem) => {
      const { data, error } = judgeJson(operationId, 200, body) as { data?: unknown; error?: KonaplateContractError };
      expect(data).toBeUndefined();
      expect(error).toBeInstanceOf(KonaplateContractError);
      expect(error).toMatchObject({
        kind: 'contract',
        field,
        rule,
        status: 200,
        correlationId: CORRELATION_ID,
        operationId,
        message: `${operationId}: the answer breaks the contract: ${problem}`,
      });
    },
  );

  it('names the first broken field only', () => {
    const { error } = judgeJson(VA, 200, { ...vaSuccess, accountNo: 1, status: undefined }) as {
      error: KonaplateContractError;
    };
    expect([error.field, error.rule]).toEqual(['accountNo', 'type']);
  });

  it('never quotes the value that broke the rule', () => {
    const accountNo = '1234567890123456789012345';
    const { error } = judgeJson(VA, 200, { ...vaSuccess, accountNo }) as { error: KonaplateContractError };
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(accountNo);
  });

  it('validateResponses: false hands out the payload as it came', () => {
    const body = { ...vaSuccess, accountNo: '5'.repeat(50) };
    expect(judgeJson(VA, 200, body, { validateResponses: false })).toEqual({ data: body });
  });
});

describe('the success code with another HTTP status', () => {
  it.each([201, 202, 400, 500])('HTTP %i breaks the contract (rule httpStatus)', (status) => {
    const { error } = judgeJson(VA, status, vaSuccess) as { error: KonaplateContractError };
    expect(error).toBeInstanceOf(KonaplateContractError);
    expect(error).toMatchObject({
      field: 'response.code',
      rule: 'httpStatus',
      status,
      correlationId: CORRELATION_ID,
      operationId: VA,
      message: `${VA}: result code ${successCode} came with HTTP ${status}, not 200`,
    });
  });

  it('is judged before the payload: a broken payload under the wrong status names the status', () => {
    const { error } = judgeJson(VA, 400, { ...vaSuccess, accountNo: 'x' }) as { error: KonaplateContractError };
    expect(error.rule).toBe('httpStatus');
  });
});

describe('business error codes', () => {
  const cases = Object.entries(errorRegistry)
    .filter(([code]) => code !== successCode)
    .flatMap(([code, entry]) =>
      entry.operations.map((operationId) => [code, operationId, entry.httpStatus, entry.message] as const),
    );

  it('every error code the client knows (codeStatus) is among these cases, and there are some', () => {
    const known = Object.keys(codeStatus).filter((code) => code !== successCode);
    expect(known.length).toBeGreaterThan(0);
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(known));
  });

  it.each(cases)('%s from %s with its registry status %i is a KonaplateError', (code, operationId, status, message) => {
    const { data, error } = judgeJson(operationId, status, envelope(code, message, '설명')) as {
      data?: unknown;
      error: KonaplateError;
    };
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(KonaplateError);
    expect(error).toMatchObject({
      kind: 'platform',
      code,
      message,
      description: '설명',
      status,
      expectedStatus: status,
      statusMismatch: false,
      correlationId: CORRELATION_ID,
      operationId,
    });
  });

  it('an error code on HTTP 200 is still an error, flagged as a status mismatch', () => {
    const { data, error } = judgeJson(VA, 200, envelope('003_029')) as { data?: unknown; error: KonaplateError };
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: '003_029', status: 200, expectedStatus: 400, statusMismatch: true });
  });

  it('a 503 code is judged by its code, not retried or read as a transport failure', () => {
    const { error } = judgeJson(VA, 503, envelope('000_P02', 'Busy')) as { error: KonaplateError };
    expect(error).toMatchObject({ kind: 'platform', code: '000_P02', status: 503, expectedStatus: 503 });
  });

  it('an unregistered code is a KonaplateError with no expected status', () => {
    const { error } = judgeJson(VA, 400, envelope('009_123', 'Other')) as { error: KonaplateError };
    expect(error).toBeInstanceOf(KonaplateError);
    expect(error).toMatchObject({
      code: '009_123',
      expectedStatus: undefined,
      statusMismatch: false,
      message: 'Other',
    });
  });

  it('a missing message and description become empty strings; other values are shown as text', () => {
    const missing = judgeJson(VA, 400, { response: { code: '003_029' } }) as { error: KonaplateError };
    expect([missing.error.message, missing.error.description]).toEqual(['', '']);
    const nulls = judgeJson(VA, 400, envelope('003_029', null, null)) as { error: KonaplateError };
    expect([nulls.error.message, nulls.error.description]).toEqual(['', '']);
    const numbers = judgeJson(VA, 400, envelope('003_029', 42, false)) as { error: KonaplateError };
    expect([numbers.error.message, numbers.error.description]).toEqual(['42', 'false']);
  });

  it('a business error is never checked against the success rules', () => {
    const { error } = judgeJson(VA, 400, { response: { code: '003_029', message: 'x'.repeat(5000) } }) as {
      error: KonaplateError;
    };
    expect(error).toBeInstanceOf(KonaplateError);
    expect(error.message).toHaveLength(5000);
  });
});

describe('the correlation id', () => {
  it('is read from X-KM-Correlation-Id whatever its case', () => {
    const lower = new Headers({ 'x-km-correlation-id': CORRELATION_ID });
    const { error } = judgeJson(VA, 400, envelope('003_029'), {}, lower) as { error: KonaplateError };
    expect(error.correlationId).toBe(CORRELATION_ID);
  });

  it('is the empty string when the answer has none', () => {
    const platform = judgeJson(VA, 400, envelope('003_029'), {}, noHeaders) as { error: KonaplateError };
    expect(platform.error.correlationId).toBe('');
    const contract = judgeJson(VA, 201, vaSuccess, {}, noHeaders) as { error: KonaplateContractError };
    expect(contract.error.correlationId).toBe('');
  });

  it('is not taken from another header', () => {
    const others = new Headers({ 'X-KM-User-AspId': 'KMASP0000000001', 'X-Request-Id': 'r-1' });
    const { error } = judgeJson(VA, 400, envelope('003_029'), {}, others) as { error: KonaplateError };
    expect(error.correlationId).toBe('');
  });
});

describe('bodies without a result code', () => {
  it.each([
    ['no response object', { accountNo: '56201234567890' }],
    ['an empty response object', { response: {} }],
    ['an empty code', envelope('')],
    ['a numeric code', envelope(0)],
    ['a null response', { response: null }],
    ['JSON null', null],
    ['a JSON string', 'response'],
    ['a JSON array', []],
  ])('%s on HTTP 200 breaks the contract (response.code required)', (_, body) => {
    const { error } = judgeJson(VA, 200, body) as { error: KonaplateContractError };
    expect(error).toBeInstanceOf(KonaplateContractError);
    expect(error).toMatchObject({
      field: 'response.code',
      rule: 'required',
      status: 200,
      correlationId: CORRELATION_ID,
      operationId: VA,
      message: `${VA}: response.code is required (HTTP 200 without a result code)`,
    });
  });

  it.each([
    [299, 'contract'],
    [300, 'transport'],
    [199, 'transport'],
    [404, 'transport'],
    [502, 'transport'],
  ])('on HTTP %i it is a %s error', (status, kind) => {
    const { error } = judgeJson(VA, status, { message: 'Bad Gateway' }) as { error: { kind: string } };
    expect(error.kind).toBe(kind);
  });

  it('under an error status it is a transport error: the platform did not answer', () => {
    const { error } = judgeJson(VA, 502, { message: 'Bad Gateway' }, { attempts: 3 }) as {
      error: KonaplateTransportError;
    };
    expect(error).toBeInstanceOf(KonaplateTransportError);
    expect(error).toMatchObject({
      reason: 'http',
      status: 502,
      attempts: 3,
      operationId: VA,
      message: `${VA}: HTTP 502 without the platform's result envelope (after 3 attempt(s))`,
    });
  });
});

describe('bodies that are not JSON', () => {
  it('on a 2xx status it is a response error naming its length, not a network error', () => {
    const { error } = judge(VA, 200, withCorrelation, '{"response":{"code":"000_0', options) as {
      error: KonaplateResponseError;
    };
    expect(error).toBeInstanceOf(KonaplateResponseError);
    expect(error).toMatchObject({
      kind: 'response',
      reason: 'not-json',
      status: 200,
      operationId: VA,
      message: `${VA}: the HTTP 200 answer is not JSON (26 characters)`,
    });
  });

  it('an empty body on 204-ish success statuses is not JSON either', () => {
    const { error } = judge(VA, 299, noHeaders, '', options) as { error: KonaplateResponseError };
    expect(error).toMatchObject({
      reason: 'not-json',
      status: 299,
      message: `${VA}: the HTTP 299 answer is not JSON (0 characters)`,
    });
  });

  it.each([199, 300, 404, 502, 503])(
    'on HTTP %i it is a transport error (a proxy’s page, not the platform)',
    (status) => {
      const { error } = judge(VA, status, noHeaders, '<html>Bad Gateway</html>', { ...options, attempts: 2 }) as {
        error: KonaplateTransportError;
      };
      expect(error).toBeInstanceOf(KonaplateTransportError);
      expect(error).toMatchObject({
        reason: 'http',
        status,
        attempts: 2,
        message: `${VA}: HTTP ${status} without the platform's result envelope (after 2 attempt(s))`,
      });
    },
  );

  it('an answer larger than maxResponseBytes is its own error, whatever the status', () => {
    for (const status of [200, 502]) {
      const { error } = judge(CARD, status, withCorrelation, new TooLarge(4096), options) as {
        error: KonaplateResponseError;
      };
      expect(error).toBeInstanceOf(KonaplateResponseError);
      expect(error).toMatchObject({
        reason: 'too-large',
        status,
        operationId: CARD,
        message: `${CARD}: the answer is larger than maxResponseBytes (4096 bytes) and was not read`,
      });
    }
  });
});

describe('encrypted answers', () => {
  const jwe = 'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4R0NNIn0.k.iv.ct.tag';

  it('come back sealed, for the caller to decrypt, when the client has keys', () => {
    for (const status of [200, 400, 503])
      expect(judgeJson(VA, status, { encData: jwe }, { decrypts: true })).toEqual({ sealed: jwe });
  });

  it('are a configuration error naming encryption when the client has no keys', () => {
    const { error } = judgeJson(VA, 200, { encData: jwe }) as { error: KonaplateConfigError };
    expect(error).toBeInstanceOf(KonaplateConfigError);
    expect(error).toMatchObject({
      kind: 'config',
      field: 'encryption',
      message: `${VA}: the answer is encrypted (encData) but the client has no encryption keys`,
    });
    expect(error.message).not.toContain(jwe);
  });

  it('an encData that is not a string is no envelope: judged by its result code', () => {
    const { error } = judgeJson(VA, 200, { encData: 5 }, { decrypts: true }) as { error: KonaplateContractError };
    expect(error).toMatchObject({ kind: 'contract', field: 'response.code', rule: 'required' });
    const business = judgeJson(VA, 400, { ...envelope('003_029'), encData: null }, { decrypts: true });
    expect(business.error).toMatchObject({ kind: 'platform', code: '003_029' });
  });

  it('the decrypted plaintext is judged like any answer, under the answer’s status and headers', () => {
    const decrypted = { ...options, decrypts: true, decrypted: true as const };
    expect(judgeJson(VA, 200, vaSuccess, decrypted)).toEqual({ data: vaSuccess });
    const refused = judgeJson(VA, 400, envelope('003_067', 'Not found virtual account.'), decrypted);
    expect(refused.error).toMatchObject({ code: '003_067', status: 400, correlationId: CORRELATION_ID });
    const broken = judgeJson(VA, 200, { ...vaSuccess, bankCode: '88' }, decrypted);
    expect(broken.error).toMatchObject({ kind: 'contract', field: 'bankCode', rule: 'minLength' });
  });

  it('a decrypted plaintext that is another envelope is not sealed again', () => {
    const { error } = judgeJson(VA, 200, { encData: jwe }, { decrypts: true, decrypted: true }) as {
      error: KonaplateContractError;
    };
    expect(error).toMatchObject({ kind: 'contract', field: 'response.code', rule: 'required' });
  });

  it('a decrypted plaintext that is not JSON is a response error, whatever the status', () => {
    for (const status of [200, 400, 502]) {
      const { error } = judge(VA, status, withCorrelation, 'not json', {
        ...options,
        decrypts: true,
        decrypted: true,
      }) as { error: KonaplateResponseError };
      expect(error).toBeInstanceOf(KonaplateResponseError);
      expect(error).toMatchObject({
        reason: 'not-json',
        status,
        operationId: VA,
        message: `${VA}: the decrypted answer is not JSON`,
      });
    }
  });

  it('a decrypted plaintext without a result code under an error status is a transport error', () => {
    const { error } = judgeJson(VA, 502, { message: 'x' }, { decrypts: true, decrypted: true }) as {
      error: KonaplateTransportError;
    };
    expect(error).toMatchObject({ kind: 'transport', reason: 'http', status: 502 });
  });
});
