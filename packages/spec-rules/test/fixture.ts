/** A small document that every kona-* rule passes; each rule's test breaks it in one place. */
export function validDocument() {
  const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
  return {
    openapi: '3.1.0',
    info: { title: 'Fixture', 'x-ko-title': '예시 문서', version: '1.0.0' },
    tags: [{ name: 'Cards', 'x-ko-name': '카드', description: 'Cards.', 'x-ko': '카드입니다.' }] as Array<
      Record<string, unknown>
    >,
    paths: {
      '/cards': {
        post: {
          operationId: 'inquireCard',
          summary: 'Inquire a card',
          'x-ko-summary': '카드 조회',
          parameters: [ref('parameters', 'AspIdHeader'), ref('parameters', 'TimeZoneHeader')] as Array<
            Record<string, unknown>
          >,
          requestBody: { content: { 'application/json': { schema: ref('schemas', 'CardRequest') } } },
          responses: {
            '200': {
              description: 'Found.',
              'x-ko': '찾았습니다.',
              content: {
                'application/json': {
                  schema: ref('schemas', 'CardResponse'),
                  examples: { success: ref('examples', 'Success') },
                },
              },
            } as Record<string, unknown>,
            '400': {
              description: 'Refused.',
              'x-ko': '거절되었습니다.',
              content: {
                'application/json': {
                  schema: ref('schemas', 'ErrorResponse') as Record<string, unknown>,
                  examples: {
                    'card-not-found': ref('examples', 'CardNotFound'),
                    'already-registered': ref('examples', 'AlreadyRegistered'),
                  } as Record<string, unknown>,
                },
              },
            } as Record<string, unknown>,
          } as Record<string, Record<string, unknown>>,
        },
      },
    },
    components: {
      parameters: {
        AspIdHeader: { name: 'X-KM-User-AspId', in: 'header', required: true, schema: ref('schemas', 'AspId') },
        TimeZoneHeader: { name: 'X-KM-Time-Zone', in: 'header', required: true, schema: ref('schemas', 'TimeZone') },
      },
      schemas: {
        AspId: { type: 'string', minLength: 15, maxLength: 15, pattern: '^[!-~]{15}$', examples: ['KMASP0000000001'] },
        TimeZone: { type: 'string', minLength: 3, maxLength: 3, pattern: '^[A-Z]{3}$', examples: ['KST'] },
        CardNumber: {
          type: 'string',
          minLength: 16,
          maxLength: 16,
          pattern: '^[0-9]{16}$',
          'x-sensitive': true,
          examples: ['9491230000000017'],
        },
        Amount: { type: 'integer', minimum: 0, maximum: 9999999999 } as Record<string, unknown>,
        CardStatus: { type: 'string', enum: ['ACTIVE', 'SUSPENDED'] },
        CardRequest: {
          type: 'object',
          required: ['cardNo'],
          properties: { cardNo: { allOf: [ref('schemas', 'CardNumber')] } } as Record<string, unknown>,
        },
        CardResponse: {
          type: 'object',
          properties: {
            response: ref('schemas', 'ResponseStatus'),
            balance: ref('schemas', 'Amount'),
            maxNonRealNameRechargeAmount: ref('schemas', 'Amount'),
            rechargeableAmount: {
              allOf: [ref('schemas', 'Amount')],
              'x-business-rule': {
                id: 'rechargeable-amount',
                kind: 'headroom',
                maximum: 'maxNonRealNameRechargeAmount',
                used: 'balance',
              },
            },
            status: ref('schemas', 'CardStatus'),
          } as Record<string, unknown>,
        },
        ResponseStatus: {
          type: 'object',
          properties: {
            code: { type: 'string', minLength: 7, maxLength: 7, pattern: '^[0-9]{3}_([0-9]{3}|P[0-9]{2})$' },
            message: { type: 'string', minLength: 1, maxLength: 1024 },
            description: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        },
        ErrorResponse: { type: 'object', properties: { response: ref('schemas', 'ResponseStatus') } },
      } as Record<string, Record<string, unknown>>,
      examples: {
        Success: {
          summary: '200 - Success.',
          value: {
            response: { code: '000_000', message: 'Success.', description: '성공' },
            balance: 300000,
            maxNonRealNameRechargeAmount: 500000,
            rechargeableAmount: 200000,
            status: 'ACTIVE',
          } as Record<string, unknown>,
        },
        CardNotFound: {
          summary: '400 - Card not found',
          value: {
            response: { code: '003_029', message: 'Card not found', description: '카드 없음' } as Record<
              string,
              unknown
            >,
          },
        },
        AlreadyRegistered: {
          summary: '400 - Card is already registered user (provisional code)',
          value: {
            response: { code: '003_P01', message: 'Card is already registered user', description: '등록된 카드' },
          },
        },
      } as Record<string, { summary: string; value: Record<string, unknown> }>,
    },
    'x-error-registry': {
      '000_000': {
        httpStatus: 200,
        message: 'Success.',
        description: '성공',
        operations: ['inquireCard'],
        status: 'published',
      },
      '003_029': {
        httpStatus: 400,
        message: 'Card not found',
        description: '카드 없음',
        operations: ['inquireCard'],
        status: 'published',
      },
      '003_P01': {
        httpStatus: 400,
        message: 'Card is already registered user',
        description: '등록된 카드',
        operations: ['inquireCard'],
        status: 'provisional',
        'x-source-conflicts': [
          {
            pages: 'No code.',
            'x-ko-pages': '코드가 없습니다.',
            evidence: 'None.',
            'x-ko-evidence': '없습니다.',
            decision: 'Placeholder.',
            'x-ko-decision': '임시 코드입니다.',
          } as Record<string, unknown>,
        ],
      } as Record<string, unknown>,
    } as Record<string, Record<string, unknown>>,
    'x-guides': [
      {
        title: 'Signing',
        'x-ko-title': '서명',
        description: 'Send these headers:\n\n{{headers}}',
        'x-ko': '다음 헤더를 보냅니다.\n\n{{headers}}',
      },
    ] as Array<Record<string, unknown>>,
    'x-changelog': [
      { version: '1.0.0', changes: ['First release.'], 'x-ko-changes': ['첫 릴리스입니다.'] } as Record<
        string,
        unknown
      >,
    ],
  };
}
