// Generated from spec/registry/error-codes.yaml by `pnpm generate`. Do not edit: change the spec and regenerate.

/** Every result code this contract knows, with its HTTP status, texts and the operations that return it. */
export const errorRegistry = {
  "000_000": {
    "httpStatus": 200,
    "message": "Success.",
    "description": "성공",
    "meaning": "The call succeeded.",
    "operations": [
      "inquireUnregisteredCard",
      "inquireCardVirtualAccount"
    ],
    "status": "published"
  },
  "000_002": {
    "httpStatus": 400,
    "message": "Invalid input parameter.",
    "messageWithField": "Invalid input parameter. {field}",
    "description": "입력 파라미터 오류입니다.",
    "meaning": "A header or body field has the wrong length, format, type or value, or the body is not valid JSON.",
    "operations": [
      "inquireUnregisteredCard",
      "inquireCardVirtualAccount"
    ],
    "status": "published",
    "validationKeywords": [
      "type",
      "minLength",
      "maxLength",
      "pattern",
      "format",
      "enum",
      "const",
      "minimum",
      "maximum",
      "oneOf",
      "additionalProperties"
    ]
  },
  "000_003": {
    "httpStatus": 400,
    "message": "Missing required values.",
    "description": "필수 파라미터가 누락되었습니다.",
    "meaning": "A required header or body field is missing.",
    "operations": [
      "inquireUnregisteredCard",
      "inquireCardVirtualAccount"
    ],
    "status": "published",
    "validationKeywords": [
      "required"
    ]
  },
  "003_029": {
    "httpStatus": 400,
    "message": "Card not found",
    "description": "카드번호를 잘못 입력하였거나 없는 정보입니다.",
    "meaning": "The card number is wrong, or no such card exists.",
    "operations": [
      "inquireUnregisteredCard",
      "inquireCardVirtualAccount"
    ],
    "status": "published"
  },
  "003_067": {
    "httpStatus": 400,
    "message": "Not found virtual account.",
    "description": "매핑된 가상계좌 번호가 없음.",
    "meaning": "No virtual account is mapped to the card.",
    "operations": [
      "inquireCardVirtualAccount"
    ],
    "status": "published"
  },
  "000_P01": {
    "httpStatus": 400,
    "message": "The length of value does not match.",
    "messageWithField": "The length of value does not match, {field}.",
    "description": "입력값의 길이가 맞지 않습니다.",
    "meaning": "A field's length differs from its fixed length.",
    "operations": [
      "inquireUnregisteredCard"
    ],
    "status": "provisional"
  },
  "003_P01": {
    "httpStatus": 400,
    "message": "Card is already registered user",
    "description": "이미 회원에게 등록된 카드입니다.",
    "meaning": "The card is already registered to a member, so it is not an unregistered card.",
    "operations": [
      "inquireUnregisteredCard"
    ],
    "status": "provisional"
  },
  "000_P02": {
    "httpStatus": 503,
    "message": "Service temporarily unavailable.",
    "description": "일시적으로 서비스를 이용할 수 없습니다.",
    "meaning": "The platform cannot answer for now; retry later.",
    "operations": [
      "inquireUnregisteredCard",
      "inquireCardVirtualAccount"
    ],
    "status": "provisional"
  }
} as const;

/** Any registered result code, success included. */
export type ResultCode = keyof typeof errorRegistry;

/** Registered codes that are errors (HTTP 400 and above). */
export type ErrorCode = {
  [C in ResultCode]: (typeof errorRegistry)[C]['httpStatus'] extends 200 ? never : C;
}[ResultCode];

/** Codes whose value is this contract's placeholder, not confirmed by the platform. */
export type ProvisionalCode = {
  [C in ResultCode]: (typeof errorRegistry)[C]['status'] extends 'provisional' ? C : never;
}[ResultCode];

/** Operation IDs of the spec. */
export type OperationId = (typeof errorRegistry)[ResultCode]['operations'][number];
