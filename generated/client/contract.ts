// Generated from spec/ by `pnpm generate`. Do not edit: change the spec and regenerate.

/** A value's constraints: a request is checked before it is sent, a success payload before it becomes data. */
export interface FieldRule {
  readonly required: boolean;
  readonly type: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, FieldRule>>;
  readonly items?: FieldRule;
}

/** Servers of the spec: the public sandbox, and production with its host to fill in. */
export const servers = {
  "sandbox": "https://sandbox.konaplate.com/open-api",
  "production": "https://{productionHost}/open-api",
  "productionVariable": "productionHost"
} as const;

/** Each operation: method, path, summary, whether a retry is safe (x-idempotent), HTTP status of success. */
export const operations = {
  "inquireUnregisteredCard": {
    "method": "post",
    "path": "/api/v1/unregister/card/info",
    "summary": "Inquire an unregistered card",
    "description": "Looks up a card that is not registered to a member, by its card number, expiry and CVC, and returns the card's product, balance, recharge limits, state and points. Synchronous. Request and response bodies may be encrypted (see `EncryptedEnvelope`).",
    "idempotent": true,
    "successStatus": 200
  },
  "inquireCardVirtualAccount": {
    "method": "post",
    "path": "/api/v1/card/virtual-account/inquiry",
    "summary": "Inquire the virtual account linked to a card",
    "description": "Returns the virtual bank account number linked to a card, its bank, how it is linked and whether it is active. Synchronous. Request and response bodies may be encrypted (see `EncryptedEnvelope`).",
    "idempotent": true,
    "successStatus": 200
  }
} as const;

/** The operation IDs of the spec. */
export type OperationId = keyof typeof operations;

/** One entry per operation, carrying its documentation (the client's methods are mapped from it). */
export interface OperationDocs {
  /**
   * Inquire an unregistered card.
   *
   * Looks up a card that is not registered to a member, by its card number, expiry and CVC, and returns the card's product, balance, recharge limits, state and points. Synchronous. Request and response bodies may be encrypted (see `EncryptedEnvelope`).
   *
   * `POST /api/v1/unregister/card/info`
   */
  inquireUnregisteredCard: true;
  /**
   * Inquire the virtual account linked to a card.
   *
   * Returns the virtual bank account number linked to a card, its bank, how it is linked and whether it is active. Synchronous. Request and response bodies may be encrypted (see `EncryptedEnvelope`).
   *
   * `POST /api/v1/card/virtual-account/inquiry`
   */
  inquireCardVirtualAccount: true;
}

/** Request header rules (the common headers), shared by the operations that use them. */
const headerRules: Readonly<Record<string, FieldRule>> = {
  "X-KM-User-AspId": {
    "required": true,
    "type": "string",
    "minLength": 15,
    "maxLength": 15,
    "pattern": "^[!-~]{15}$"
  },
  "X-KM-Correlation-Id": {
    "required": true,
    "type": "string",
    "minLength": 20,
    "maxLength": 20,
    "pattern": "^[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]-[0-9A-Fa-f]{7}$"
  },
  "X-KM-Access-Key": {
    "required": true,
    "type": "string",
    "minLength": 40,
    "maxLength": 40,
    "pattern": "^[!-~]{40}$"
  },
  "X-KM-Crypto-Key-Id": {
    "required": false,
    "type": "string",
    "minLength": 32,
    "maxLength": 32,
    "pattern": "^[!-~]{32}$"
  },
  "X-KM-Tran-Token": {
    "required": true,
    "type": "string",
    "minLength": 67,
    "maxLength": 67,
    "pattern": "^KMV1:[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9][0-9]{3}:[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$"
  },
  "X-KM-Tran-Time": {
    "required": true,
    "type": "string",
    "minLength": 14,
    "maxLength": 14,
    "pattern": "^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]$"
  },
  "X-KM-Time-Zone": {
    "required": true,
    "type": "string",
    "minLength": 3,
    "maxLength": 3,
    "pattern": "^[A-Z]{3}$"
  }
};

/** Each operation's request constraints (headers and plaintext body), checked before sending. */
export const requestRules: Readonly<Record<OperationId, { headers: Readonly<Record<string, FieldRule>>; body: FieldRule }>> = {
  "inquireUnregisteredCard": {
    "headers": headerRules,
    "body": {
      "required": true,
      "type": "object",
      "properties": {
        "cardNo": {
          "required": true,
          "type": "string",
          "minLength": 16,
          "maxLength": 16,
          "pattern": "^[0-9]{16}$"
        },
        "expiryDate": {
          "required": true,
          "type": "string",
          "minLength": 4,
          "maxLength": 4,
          "pattern": "^[0-9]{2}(0[1-9]|1[0-2])$"
        },
        "cardCVC": {
          "required": true,
          "type": "string",
          "minLength": 3,
          "maxLength": 3,
          "pattern": "^[0-9]{3}$"
        }
      }
    }
  },
  "inquireCardVirtualAccount": {
    "headers": headerRules,
    "body": {
      "required": true,
      "type": "object",
      "properties": {
        "cardNo": {
          "required": true,
          "type": "string",
          "minLength": 16,
          "maxLength": 16,
          "pattern": "^[0-9]{16}$"
        }
      }
    }
  }
};

/** Each operation's success payload (plaintext), checked before it becomes data. */
export const responseRules: Readonly<Record<OperationId, FieldRule>> = {
  "inquireUnregisteredCard": {
    "required": true,
    "type": "object",
    "properties": {
      "response": {
        "required": true,
        "type": "object",
        "properties": {
          "code": {
            "required": true,
            "type": "string",
            "minLength": 7,
            "maxLength": 7,
            "pattern": "^[0-9]{3}_([0-9]{3}|P[0-9]{2})$"
          },
          "message": {
            "required": true,
            "type": "string",
            "minLength": 1,
            "maxLength": 1024,
            "pattern": "^[^\\x00-\\x1F\\x7F]+$"
          },
          "description": {
            "required": true,
            "type": "string",
            "minLength": 1,
            "maxLength": 1024,
            "pattern": "^[^\\x00-\\x1F\\x7F]+$"
          }
        }
      },
      "cardDataInfo": {
        "required": true,
        "type": "object",
        "properties": {
          "par": {
            "required": true,
            "type": "string",
            "minLength": 27,
            "maxLength": 27,
            "pattern": "^Q1[0-9A-F]{25}$"
          },
          "serviceId": {
            "required": true,
            "type": "string",
            "minLength": 15,
            "maxLength": 15,
            "pattern": "^[0-9]{15}$"
          },
          "serviceName": {
            "required": true,
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^\\x00-\\x1F\\x7F]+$"
          },
          "serviceImageUrl": {
            "required": true,
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^https?://"
          },
          "affiliateId": {
            "required": true,
            "type": "string",
            "minLength": 15,
            "maxLength": 15,
            "pattern": "^[!-~]{15}$"
          },
          "rechargeable": {
            "required": true,
            "type": "boolean"
          },
          "refundable": {
            "required": true,
            "type": "boolean"
          },
          "remittable": {
            "required": true,
            "type": "boolean"
          },
          "personalRechargeable": {
            "required": true,
            "type": "boolean"
          },
          "balance": {
            "required": true,
            "type": "integer",
            "minimum": 0,
            "maximum": 9999999999
          },
          "expiryDate": {
            "required": true,
            "type": "string",
            "minLength": 8,
            "maxLength": 8,
            "pattern": "^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$"
          },
          "physicalCardNo": {
            "required": false,
            "type": "string",
            "minLength": 16,
            "maxLength": 16,
            "pattern": "^[0-9]{16}$"
          },
          "physicalCardStatus": {
            "required": false,
            "type": "string",
            "enum": [
              "ACTIVE",
              "SUSPENDED"
            ]
          },
          "mobileCardNo": {
            "required": false,
            "type": "string",
            "minLength": 16,
            "maxLength": 16,
            "pattern": "^[0-9]{16}$"
          },
          "mobileCardStatus": {
            "required": false,
            "type": "string",
            "enum": [
              "ACTIVE",
              "SUSPENDED"
            ]
          },
          "maxNonRealNameRechargeAmount": {
            "required": true,
            "type": "integer",
            "minimum": 0,
            "maximum": 9999999999
          },
          "maxRealNameRechargeAmount": {
            "required": true,
            "type": "integer",
            "minimum": 0,
            "maximum": 9999999999
          },
          "minRechargeAmount": {
            "required": true,
            "type": "integer",
            "minimum": 0,
            "maximum": 9999999999
          },
          "rechargeableAmount": {
            "required": true,
            "type": "integer",
            "minimum": 0,
            "maximum": 9999999999
          },
          "overseaPaymentable": {
            "required": false,
            "type": "boolean"
          },
          "cardPointInfo": {
            "required": false,
            "type": "array",
            "maxItems": 100,
            "items": {
              "required": true,
              "type": "object",
              "properties": {
                "pointPolicyId": {
                  "required": true,
                  "type": "string",
                  "minLength": 15,
                  "maxLength": 15,
                  "pattern": "^[!-~]{15}$"
                },
                "pointName": {
                  "required": true,
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 255,
                  "pattern": "^[^\\x00-\\x1F\\x7F]+$"
                },
                "remainingPoint": {
                  "required": false,
                  "type": "integer",
                  "minimum": 0,
                  "maximum": 9999999999
                },
                "autoUse": {
                  "required": false,
                  "type": "boolean"
                }
              }
            }
          },
          "rechargeUnitAmt": {
            "required": false,
            "type": "integer",
            "minimum": 0,
            "maximum": 9999999999
          }
        }
      }
    }
  },
  "inquireCardVirtualAccount": {
    "required": true,
    "type": "object",
    "properties": {
      "response": {
        "required": true,
        "type": "object",
        "properties": {
          "code": {
            "required": true,
            "type": "string",
            "minLength": 7,
            "maxLength": 7,
            "pattern": "^[0-9]{3}_([0-9]{3}|P[0-9]{2})$"
          },
          "message": {
            "required": true,
            "type": "string",
            "minLength": 1,
            "maxLength": 1024,
            "pattern": "^[^\\x00-\\x1F\\x7F]+$"
          },
          "description": {
            "required": true,
            "type": "string",
            "minLength": 1,
            "maxLength": 1024,
            "pattern": "^[^\\x00-\\x1F\\x7F]+$"
          }
        }
      },
      "accountNo": {
        "required": true,
        "type": "string",
        "minLength": 1,
        "maxLength": 20,
        "pattern": "^[0-9]{1,20}$"
      },
      "bankCode": {
        "required": true,
        "type": "string",
        "minLength": 3,
        "maxLength": 3,
        "pattern": "^[0-9]{3}$"
      },
      "connectType": {
        "required": true,
        "type": "string",
        "enum": [
          "FIXATION",
          "ROTATION"
        ]
      },
      "status": {
        "required": true,
        "type": "string",
        "enum": [
          "ACTIVE",
          "INACTIVE"
        ]
      }
    }
  }
};

/** The one result code that means success. */
export const successCode = "000_000" as const;

/** What fills a common request header (x-value on its parameter). */
export type HeaderValue = "aspId" | "accessKey" | "timeZone" | "cryptoKeyId" | "correlationId" | "tranTime" | "tranToken";

/** The common request headers in the spec's order, each with what fills it. */
export const headerValues: ReadonlyArray<readonly [string, HeaderValue]> = [["X-KM-User-AspId","aspId"],["X-KM-Correlation-Id","correlationId"],["X-KM-Access-Key","accessKey"],["X-KM-Crypto-Key-Id","cryptoKeyId"],["X-KM-Tran-Token","tranToken"],["X-KM-Tran-Time","tranTime"],["X-KM-Time-Zone","timeZone"]];

/** The field of the encrypted envelope, `{"<field>": "<JWE>"}` (the one required field of EncryptedEnvelope). */
export const envelopeField = "encData" as const;

/** The HTTP status the registry gives each result code. */
export const codeStatus: Readonly<Record<string, number>> = {
  "000_000": 200,
  "000_002": 400,
  "000_003": 400,
  "003_029": 400,
  "003_067": 400,
  "000_P01": 400,
  "003_P01": 400,
  "000_P02": 503
};

/** Fields and headers marked x-sensitive: 'last4' may show the last four characters, 'hidden' nothing. */
export const sensitive: Readonly<Record<string, 'last4' | 'hidden'>> = {
  "accountNo": "last4",
  "cardCVC": "hidden",
  "cardNo": "last4",
  "expiryDate": "hidden",
  "mobileCardNo": "last4",
  "par": "hidden",
  "physicalCardNo": "last4",
  "X-KM-Access-Key": "hidden",
  "X-KM-Tran-Token": "hidden"
};

/** Time zones the client can compute X-KM-Tran-Time in, with their offsets from UTC in minutes. */
export const utcOffsets = {
  "KST": 540,
  "JST": 540,
  "UTC": 0,
  "GMT": 0
} as const;
