// The judge on its own: (operation, HTTP status, body text, options) in, the
// payload (with its drift) or the typed error out; and what fetch threw read
// into a transport reason. No fetch, no server, no clock.
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
import { failureOf, type JudgeOptions, judge } from '../src/judge.ts';
import { TooLarge } from '../src/transport.ts';

const VA = 'inquireCardVirtualAccount';
const CARD = 'inquireUnregisteredCard';
const options: JudgeOptions = { validateResponse: 'strict', decrypts: false, attempts: 1 };

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
): { data?: unknown; error?: unknown; sealed?: string; drift?: unknown } =>
  judge(operationId, status, JSON.stringify(json), { ...options, ...extra });

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

  it('judges the same text the same way twice', () => {
    const body = JSON.stringify(vaSuccess);
    const first = judge(VA, 200, body, options);
    expect(first).toEqual({ data: vaSuccess });
    expect(judge(VA, 200, body, options)).toEqual(first);
  });
});

describe('strict: a success payload that differs from the generated rules in any way is refused', () => {
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
      'connectType must be one of FIXATION, ROTATION; got ROTATING',
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
      'accountNo must be 1 to 20 digits',
    ],
    [
      'a field the contract does not list',
      VA,
      { ...vaSuccess, nickname: 'x' },
      'nickname',
      'additionalProperties',
      'nickname is not in the contract',
    ],
    [
      'a nested field the contract does not list',
      CARD,
      { ...cardSuccess, cardDataInfo: { ...cardSuccess.cardDataInfo, nickname: 'x' } },
      'cardDataInfo.nickname',
      'additionalProperties',
      'cardDataInfo.nickname is not in the contract',
    ],
    [
      'a PAR of another shape',
      CARD,
      { ...cardSuccess, cardDataInfo: { ...cardSuccess.cardDataInfo, par: 'Q1c0d4a6e8f2b19375d6c8e0a4b' } },
      'cardDataInfo.par',
      'pattern',
      "cardDataInfo.par must be 'Q1' then 25 capital hex digits",
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

  it('has cases', () => {
    expect(breaks.length).toBeGreaterThan(10);
  });

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

  it("validateResponse: 'off' hands out the payload as it came", () => {
    const body = { ...vaSuccess, accountNo: '5'.repeat(50), status: undefined, bankCode: 88, nickname: 'x' };
    expect(judgeJson(VA, 200, body, { validateResponse: 'off' })).toEqual({ data: body });
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
      operationId: VA,
      message: `${VA}: response.code is required (HTTP 200)`,
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
      operationId: VA,
      message: `${VA}: HTTP 502 without the platform's result envelope (after 3 attempt(s))`,
    });
  });
});

describe('bodies that are not JSON', () => {
  it('on a 2xx status it is a response error naming its length, not a network error', () => {
    const { error } = judge(VA, 200, '{"response":{"code":"000_0', options) as {
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
    const { error } = judge(VA, 299, '', options) as { error: KonaplateResponseError };
    expect(error).toMatchObject({
      reason: 'not-json',
      status: 299,
      message: `${VA}: the HTTP 299 answer is not JSON (0 characters)`,
    });
  });

  it.each([199, 300, 404, 502, 503])(
    'on HTTP %i it is a transport error (a proxy’s page, not the platform)',
    (status) => {
      const { error } = judge(VA, status, '<html>Bad Gateway</html>', { ...options, attempts: 2 }) as {
        error: KonaplateTransportError;
      };
      expect(error).toBeInstanceOf(KonaplateTransportError);
      expect(error).toMatchObject({
        reason: 'http',
        status,
        message: `${VA}: HTTP ${status} without the platform's result envelope (after 2 attempt(s))`,
      });
    },
  );

  it('an answer larger than maxResponseBytes is its own error, whatever the status', () => {
    for (const status of [200, 502]) {
      const { error } = judge(CARD, status, new TooLarge(4096), options) as {
        error: KonaplateResponseError;
      };
      expect(error).toBeInstanceOf(KonaplateResponseError);
      expect(error).toMatchObject({
        reason: 'too-large',
        status,
        operationId: CARD,
        message: `${CARD}: the answer is over maxResponseBytes (4096 bytes), not read`,
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
      message: `${VA}: the answer is encrypted (encData): configure encryption`,
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
    expect(refused.error).toMatchObject({ code: '003_067', status: 400 });
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
      const { error } = judge(VA, status, 'not json', {
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

describe('tolerant: values the contract does not expect are data, reported as drift', () => {
  const tolerant = { validateResponse: 'tolerant' } as const;
  const drifts: Array<[string, OperationId, unknown, Array<{ field: string; rule: string; message: string }>]> = [
    [
      'an enum value the contract does not list',
      VA,
      { ...vaSuccess, connectType: 'DYNAMIC' },
      [{ field: 'connectType', rule: 'enum', message: 'connectType must be one of FIXATION, ROTATION; got DYNAMIC' }],
    ],
    [
      'a string longer than the contract says',
      VA,
      { ...vaSuccess, accountNo: '5'.repeat(21) },
      [{ field: 'accountNo', rule: 'maxLength', message: 'accountNo must be 1 to 20 characters long, not 21' }],
    ],
    [
      'a string of another shape',
      VA,
      { ...vaSuccess, bankCode: '08A' },
      [{ field: 'bankCode', rule: 'pattern', message: 'bankCode must be 3 digits' }],
    ],
    [
      'a field the contract does not have',
      VA,
      { ...vaSuccess, nickname: 'x' },
      [{ field: 'nickname', rule: 'additionalProperties', message: 'nickname is not in the contract' }],
    ],
    [
      'a number out of range, more items than allowed, a nested enum, all at once',
      CARD,
      {
        ...cardSuccess,
        cardDataInfo: {
          ...cardSuccess.cardDataInfo,
          balance: -1,
          physicalCardStatus: 'LOST',
          cardPointInfo: Array.from({ length: 101 }, () => ({ pointPolicyId: '000170000000101', pointName: 'p' })),
        },
      },
      [
        { field: 'cardDataInfo.balance', rule: 'minimum', message: 'cardDataInfo.balance must be at least 0' },
        {
          field: 'cardDataInfo.physicalCardStatus',
          rule: 'enum',
          message: 'cardDataInfo.physicalCardStatus must be one of ACTIVE, SUSPENDED; got LOST',
        },
        {
          field: 'cardDataInfo.cardPointInfo',
          rule: 'maxItems',
          message: 'cardDataInfo.cardPointInfo must have at most 100 items, not 101',
        },
      ],
    ],
  ];

  it('has cases', () => {
    expect(drifts.length).toBeGreaterThan(3);
  });

  it.each(drifts)('%s: the payload as it came, and each difference', (_, operationId, body, drift) => {
    expect(judgeJson(operationId, 200, body, tolerant)).toEqual({ data: body, drift });
  });

  it('a conforming payload has no drift at all', () => {
    expect(judgeJson(VA, 200, vaSuccess, tolerant)).toEqual({ data: vaSuccess });
    expect(judgeJson(CARD, 200, cardSuccess, tolerant)).toEqual({ data: cardSuccess });
  });

  const unusable: Array<[string, unknown, string, string]> = [
    ['a required field missing', { ...vaSuccess, status: undefined, nickname: 'x' }, 'status', 'required'],
    ['a wrong type', { ...vaSuccess, connectType: 'DYNAMIC', bankCode: 88 }, 'bankCode', 'type'],
    [
      'a nested wrong type',
      { ...vaSuccess, response: { ...vaSuccess.response, message: 5 } },
      'response.message',
      'type',
    ],
  ];

  it('has unusable cases', () => {
    expect(unusable.length).toBeGreaterThan(2);
  });

  it.each(unusable)('%s is still a KonaplateContractError, drift or not', (_, body, field, rule) => {
    const { data, error } = judgeJson(VA, 200, body, tolerant) as { data?: unknown; error: KonaplateContractError };
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(KonaplateContractError);
    expect(error).toMatchObject({ field, rule, status: 200, operationId: VA });
  });

  it('a number where the contract wants a whole number is unusable', () => {
    const body = { ...cardSuccess, cardDataInfo: { ...cardSuccess.cardDataInfo, balance: 1.5 } };
    const { error } = judgeJson(CARD, 200, body, tolerant) as { error: KonaplateContractError };
    expect(error).toMatchObject({ field: 'cardDataInfo.balance', rule: 'type' });
  });

  it('an enum value is never quoted from a field the spec marks sensitive, and digits of a card are masked', () => {
    // No sensitive field of the contract has an enum: the message check is the validation module's own.
    const card = '9491230000000017';
    const body = { ...vaSuccess, status: card };
    const { drift } = judgeJson(VA, 200, body, tolerant) as { drift: Array<{ message: string }> };
    expect(drift[0]?.message).toBe('status must be one of ACTIVE, INACTIVE; got ************0017');
  });
});

describe('what fetch threw, read', () => {
  /** As undici throws them: TypeError('fetch failed') with the system's error as its cause. */
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
  const failures: Array<[string, unknown, { failure: string; retryable: boolean; code?: string }]> = [
    [
      'a refused connection',
      fetchFailed(coded('ECONNREFUSED')),
      { failure: 'refused', retryable: true, code: 'ECONNREFUSED' },
    ],
    [
      'a name that does not resolve',
      fetchFailed(coded('ENOTFOUND')),
      { failure: 'dns', retryable: false, code: 'ENOTFOUND' },
    ],
    [
      'a name server failing for now',
      fetchFailed(coded('EAI_AGAIN')),
      { failure: 'dns', retryable: true, code: 'EAI_AGAIN' },
    ],
    ['a reset connection', fetchFailed(coded('ECONNRESET')), { failure: 'reset', retryable: true, code: 'ECONNRESET' }],
    [
      'a socket the server closed',
      fetchFailed(coded('UND_ERR_SOCKET')),
      { failure: 'reset', retryable: true, code: 'UND_ERR_SOCKET' },
    ],
    ['a broken pipe', fetchFailed(coded('EPIPE')), { failure: 'reset', retryable: true, code: 'EPIPE' }],
    [
      'a connect timeout',
      fetchFailed(coded('UND_ERR_CONNECT_TIMEOUT')),
      { failure: 'timeout', retryable: true, code: 'UND_ERR_CONNECT_TIMEOUT' },
    ],
    [
      'a headers timeout',
      fetchFailed(coded('UND_ERR_HEADERS_TIMEOUT')),
      { failure: 'timeout', retryable: true, code: 'UND_ERR_HEADERS_TIMEOUT' },
    ],
    ['a system timeout', fetchFailed(coded('ETIMEDOUT')), { failure: 'timeout', retryable: true, code: 'ETIMEDOUT' }],
    [
      'a self-signed certificate',
      fetchFailed(coded('DEPTH_ZERO_SELF_SIGNED_CERT')),
      { failure: 'tls', retryable: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    ],
    [
      'an expired certificate',
      fetchFailed(coded('CERT_HAS_EXPIRED')),
      { failure: 'tls', retryable: false, code: 'CERT_HAS_EXPIRED' },
    ],
    [
      'a certificate for another name',
      fetchFailed(coded('ERR_TLS_CERT_ALTNAME_INVALID')),
      { failure: 'tls', retryable: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    ],
    [
      'an unverifiable chain',
      fetchFailed(coded('UNABLE_TO_VERIFY_LEAF_SIGNATURE')),
      { failure: 'tls', retryable: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    ],
    [
      'a protocol error of the handshake',
      fetchFailed(coded('EPROTO')),
      { failure: 'tls', retryable: false, code: 'EPROTO' },
    ],
    [
      'an SSL library error',
      fetchFailed(coded('ERR_SSL_WRONG_VERSION_NUMBER')),
      { failure: 'tls', retryable: false, code: 'ERR_SSL_WRONG_VERSION_NUMBER' },
    ],
    [
      'every address refused (AggregateError, as happy eyeballs throws it)',
      fetchFailed(Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), {})),
      { failure: 'refused', retryable: true, code: 'ECONNREFUSED' },
    ],
    [
      'a code deep in the cause chain',
      fetchFailed(new Error('wrapped', { cause: coded('ECONNRESET') })),
      { failure: 'reset', retryable: true, code: 'ECONNRESET' },
    ],
    ['a TimeoutError', new DOMException('timed out', 'TimeoutError'), { failure: 'timeout', retryable: true }],
    ['an unknown code', fetchFailed(coded('EWHATEVER')), { failure: 'network', retryable: true }],
    [
      'a code that is not a string',
      fetchFailed(Object.assign(new Error('x'), { code: 61 })),
      { failure: 'network', retryable: true },
    ],
    [
      'a code that only reads as one',
      fetchFailed(Object.assign(new Error('x'), { code: ['ECONNREFUSED'] })),
      { failure: 'network', retryable: true },
    ],
    ...[
      'XECONNREFUSED',
      'ECONNREFUSED2',
      'XENOTFOUND',
      'XECONNRESET',
      'ECONNRESET2',
      'XETIMEDOUT',
      'ETIMEDOUT2',
      'XEPROTO',
      'EPROTO2',
    ].map((code): [string, unknown, { failure: string; retryable: boolean }] => [
      `a code that only contains one (${code})`,
      fetchFailed(coded(code)),
      { failure: 'network', retryable: true },
    ]),
    ['no cause at all', new TypeError('fetch failed'), { failure: 'network', retryable: true }],
    ['something not an error', 'oops', { failure: 'network', retryable: true }],
    ['null', null, { failure: 'network', retryable: true }],
  ];

  it('has cases', () => {
    expect(failures.length).toBeGreaterThan(20);
  });

  it.each(failures)('%s', (_, error, read) => {
    expect(failureOf(error)).toEqual(read);
  });

  it('a cause chain that loops ends', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(failureOf(a)).toEqual({ failure: 'network', retryable: true });
  });

  it('takes the first known code, the outer one before its cause', () => {
    const outer = Object.assign(new Error('outer', { cause: coded('ECONNRESET') }), { code: 'ECONNREFUSED' });
    expect(failureOf(outer).failure).toBe('refused');
  });

  it('reads an AggregateError’s errors after its own code and cause', () => {
    const aggregate = new AggregateError([coded('EWHATEVER'), coded('ENOTFOUND')], 'all failed');
    expect(failureOf(fetchFailed(aggregate))).toEqual({ failure: 'dns', retryable: false, code: 'ENOTFOUND' });
  });
});
