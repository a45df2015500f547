// Generated from spec/ by `pnpm generate`. Do not edit: change the spec and regenerate.

/** Servers of the spec: the public sandbox, and production with its host to fill in. */
export const servers = {
  "sandbox": "https://sandbox.konaplate.com/open-api",
  "production": "https://{productionHost}/open-api",
  "productionVariable": "productionHost"
} as const;

/** Method and path of each operation. */
export const operations = {
  "inquireUnregisteredCard": {
    "method": "post",
    "path": "/api/v1/unregister/card/info"
  },
  "inquireCardVirtualAccount": {
    "method": "post",
    "path": "/api/v1/card/virtual-account/inquiry"
  }
} as const;

/** Request header rules (the common headers), shared by the operations that use them. */
const headerRules = {
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
} as const;

/** Each operation's request constraints (headers and plaintext body), checked before sending. */
export const requestRules = {
  "inquireUnregisteredCard": {
    "headers": headerRules,
    "body": {
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
  },
  "inquireCardVirtualAccount": {
    "headers": headerRules,
    "body": {
      "cardNo": {
        "required": true,
        "type": "string",
        "minLength": 16,
        "maxLength": 16,
        "pattern": "^[0-9]{16}$"
      }
    }
  }
} as const;

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
