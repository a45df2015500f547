// Generated from spec/ by `pnpm generate`. Do not edit: change the spec and regenerate.
export interface paths {
    "/api/v1/unregister/card/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inquire an unregistered card
         * @description Looks up a card that is not registered to a member, by its card number, expiry and CVC, and returns the card's product, balance, recharge limits, state and points. Synchronous. Request and response bodies may be encrypted (see `EncryptedEnvelope`).
         *
         *     **Source conflict.** The source pages: The response code table lists only `000_000`, while the Test Data names four 400 outcomes by message, two of them with no code anywhere. Evidence: Konaplate's published page for the virtual account inquiry lists `000_002`, `000_003` and `003_029` with the same messages. This contract: The error registry lists every code this operation can return, with `000_P01` and `003_P01` as provisional placeholders.
         */
        post: operations["inquireUnregisteredCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card/virtual-account/inquiry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inquire the virtual account linked to a card
         * @description Returns the virtual bank account number linked to a card, its bank, how it is linked and whether it is active. Synchronous. Request and response bodies may be encrypted (see `EncryptedEnvelope`).
         */
        post: operations["inquireCardVirtualAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AspId
         * @description ID of the service provider (ASP), issued by Konaplate at contract time. Sandbox projects share one. Its character set is not published, so any visible ASCII is accepted.
         * @example KMASP0000000001
         */
        AspId: string;
        /**
         * CorrelationId
         * @description Transaction number for tracing one request: the client's local time as `yyMMddHHmmss`, a hyphen, then 7 hexadecimal characters (random; a CSPRNG keeps concurrent calls unique). 12 + 1 + 7 = 20 characters.
         * @example 261121103000-a3f09c2
         */
        CorrelationId: string;
        /**
         * AccessKey
         * @description Project access key, issued with the secret key when a project is created. A credential: never log it.
         * @example sandbox-access-key-not-a-real-key-000001
         */
        AccessKey: string;
        /**
         * CryptoKeyId
         * @description ID of the data encryption key pair, given when the service provider's project is created. Its character set is not published, so any visible ASCII is accepted.
         * @example 5f0c2a9e41b7d3c86e2f1a0b9d4c7e13
         */
        CryptoKeyId: string;
        /**
         * TranToken
         * @description Integrity token: `KMV1:` + request time as 17 digits `yyyyMMddHHmmssSSS` + `:` + standard Base64 (with `=` padding) of HMAC-SHA256(secret key, the exact request body bytes sent). 5 + 17 + 1 + 44 = 67 characters. The last Base64 character before `=` is one of the 16 that a 32-byte digest can end in.
         * @example KMV1:20261121103000123:IIYsnWbOZxL9YAaJJlDdVgvmAFf+79hpsm5ev1+1Sl8=
         */
        TranToken: string;
        /**
         * TranTime
         * @description Client request time, `yyyyMMddHHmmss` (14 digits), in the zone named by `X-KM-Time-Zone`.
         * @example 20261121103000
         */
        TranTime: string;
        /**
         * TimeZone
         * @description International standard time zone abbreviation of `X-KM-Tran-Time`. The zones this contract accepts are those of `x-utc-offsets` (each with its offset from UTC in minutes), listed below: the client computes `X-KM-Tran-Time` in them and the strict mock reads it in them. The pattern holds only the shape, three upper-case letters.
         *
         *     Accepted zones: `KST` (UTC+09:00), `JST` (UTC+09:00), `UTC` (UTC+00:00), `GMT` (UTC+00:00).
         *
         *     **Source conflict.** The source pages: Give `UTC` and `KST` as examples of the time zone and publish no list of accepted zones. Evidence: Integrations send `KST`; nothing published says how the platform treats a zone it does not know. This contract: Accept the zones listed here. Any other zone is refused as an invalid parameter (`000_002` naming `X-KM-Time-Zone`): a documented guess, which the strict mock follows.
         * @example KST
         * @example UTC
         */
        TimeZone: string;
        /**
         * CardNumber
         * @description Card number (PAN), 16 digits. Cardholder data.
         * @example 9491230000000017
         */
        CardNumber: string;
        /**
         * CardExpiry
         * @description Card expiry as printed on the card, `YYMM` (e.g. `3108` is August 2031). Cardholder data.
         *
         *     **Source conflict.** The source pages: Request `expiryDate` is "Length : 4" with no format; the response field of the same name is 8 characters, `yyyyMMdd`. Evidence: Public integrations send `YYMM` (e.g. `3108` for 2031-08), the order printed on cards. This contract: The request field is `YYMM` with a month check; the response field is a separate schema, `CalendarDate`.
         * @example 3108
         */
        CardExpiry: string;
        /**
         * CardCvc
         * @description Card verification code printed on the card, 3 digits. Cardholder data.
         * @example 123
         */
        CardCvc: string;
        /**
         * UnregisteredCardInquiryRequest
         * @description The card to inquire, identified by number, expiry and CVC.
         */
        UnregisteredCardInquiryRequest: {
            /** @description Card number of the card to inquire. */
            cardNo: components["schemas"]["CardNumber"];
            /** @description Expiry of the card to inquire, `YYMM`. */
            expiryDate: components["schemas"]["CardExpiry"];
            /** @description Card verification code (CVC) of the card to inquire. */
            cardCVC: components["schemas"]["CardCvc"];
        };
        /**
         * JweCompact
         * @description A JWE in compact serialization: five base64url parts separated by dots (protected header, encrypted key, IV, ciphertext, tag). Requests use `RSA-OAEP-256` with `A128GCM`; responses `RSA-OAEP-256` with `A128GCM` or `A256GCM`.
         */
        JweCompact: string;
        /**
         * EncryptedEnvelope
         * @description The wire form of an encrypted body. A request body is the JSON payload encrypted to the server's RSA-2048 public key (`RSA-OAEP-256`, `A128GCM`) and sent with `X-KM-Crypto-Key-Id`; the tran token then signs this envelope, not the plaintext. An encrypted response is decrypted with the client's private key and yields the plaintext response schema of the operation.
         *
         *     **Source conflict.** The source pages: Say the key id is given when the service provider's project is created and point to "Guidelines" for more; those guidelines are not published. Nothing says how a partner's public key reaches Konaplate, or in what file format keys are exchanged. Evidence: Nothing published. Konaplate's key is RSA-2048 for `RSA-OAEP-256`, and a response header names the key pair an answer was encrypted with, so a partner holds Konaplate's public key and Konaplate holds the partner's. This contract: A documented guess: keys are exchanged as PEM files (public keys SPKI, private keys PKCS#8), which is what the client, the mock and the CLI read. At project set-up the partner sends its RSA-2048 public key (never the private key) to Konaplate through the channel Konaplate names, and receives Konaplate's public key and the key id. The TEST-ONLY keys of the docs folder stand in for both pairs against the mock.
         */
        EncryptedEnvelope: {
            encData: components["schemas"]["JweCompact"];
        };
        /**
         * ResultCode
         * @description Platform result code, `NNN_NNN`; `000_000` is success. Every code this contract knows is listed in the error registry (`x-error-registry`), which also defines placeholder codes `NNN_Pnn` for outcomes the pages name without a code (provisional: the platform's real code is unknown). The platform has more codes than this contract's operations return, so any code of this shape is accepted on the wire.
         * @example 000_000
         */
        ResultCode: string;
        /**
         * ResultText
         * @description A result message or description. The platform publishes no maximum; 1,024 is this contract's defensive bound. No control characters.
         * @example Success.
         */
        ResultText: string;
        /**
         * ResponseStatus
         * @description Outcome of the call, present in every response body: the result code, its English message and its Korean description (the three columns of the pages' response code tables).
         *
         *     **Source conflict.** The source pages: Show only a three-column code table (code, message, description) and no response body around it. Evidence: Public integrations read the outcome from a `response` object in the body (`response.code`, `response.description`), with the payload fields beside it. This contract: Every body carries `response: {code, message, description}`; payload fields sit at the top level beside it; errors carry `response` alone.
         */
        ResponseStatus: {
            code: components["schemas"]["ResultCode"];
            /** @description English message of the result code; may name the offending field. */
            message: components["schemas"]["ResultText"];
            /** @description Korean description of the result code. */
            description: components["schemas"]["ResultText"];
        };
        /**
         * Par
         * @description Payment Account Reference: a number that stands in for the card's PAN and stays the same for the life of the account. 27 characters: `Q1` and 25 upper-case hexadecimal characters. Treated as cardholder data.
         *
         *     **Source conflict.** The source pages: Describes `par` as "the number that replaces the card's PAN (Primary Account Number)", length 27. Evidence: PAR is the EMVCo Payment Account Reference, which is 29 characters; the values seen in public sandbox integrations are 27 characters, `Q1` + 25 upper-case hex. This contract: Konaplate's own 27-character form, with the pattern seen in integrations. It is not an EMVCo 29-character PAR.
         * @example Q1A3F09C2B7D41E58F6A0B9C3D2
         */
        Par: string;
        /**
         * CardProductId
         * @description Unique ID of a card product (`serviceId`), 15 digits.
         * @example 000170000002000
         */
        CardProductId: string;
        /**
         * ShortText
         * @description Display text of 1 to 255 characters, usually Korean, with no control characters.
         * @example 코나 선불카드
         */
        ShortText: string;
        /**
         * ImageUrl
         * Format: uri
         * @description Absolute HTTP(S) URL of an image, 1 to 255 characters.
         * @example https://cdn.example.com/konaplate/cards/000170000002000.png
         */
        ImageUrl: string;
        /**
         * PartnerId
         * @description A 15-character ID assigned by the platform (affiliate ID, point policy ID). Its character set is not published, so any visible ASCII is accepted.
         * @example 000170000000001
         */
        PartnerId: string;
        /**
         * KrwAmount
         * @description An amount in whole Korean won, 0 to 9,999,999,999.
         *
         *     **Source conflict.** The source pages: Amounts are typed `number`. Evidence: Korean won has no minor unit, and every amount in the pages and in integrations is whole. This contract: `integer` with no `format`: the platform sends plain JSON numbers, and the maximum, though above 32 bits, is well inside JavaScript's safe integers (`int64` would make generators such as hey-api's zod plugin parse it as a `bigint`).
         * @example 300000
         */
        KrwAmount: number;
        /**
         * CalendarDate
         * @description A calendar date, `yyyyMMdd`.
         * @example 20310831
         */
        CalendarDate: string;
        /**
         * CardStatus
         * @description State of a physical or mobile card: `ACTIVE` (normal) or `SUSPENDED` (stopped).
         *
         *     **Source conflict.** The source pages: "Min : 1 , Max : 7", with the values `ACTIVE` and `SUSPENDED`. Evidence: `SUSPENDED` is 9 characters, so the published maximum rejects a published value. This contract: No length bound: the enum lists the valid values, `SUSPENDED` among them, which the published maximum would reject.
         * @example ACTIVE
         * @enum {string}
         */
        CardStatus: "ACTIVE" | "SUSPENDED";
        /**
         * PointAmount
         * @description A number of points, 0 to 9,999,999,999.
         *
         *     **Source conflict.** The source pages: Point balances are typed `number`. Evidence: Every point value in the pages and in integrations is whole. This contract: `integer` with no `format`, like the won amounts.
         * @example 3500
         */
        PointAmount: number;
        /**
         * CardPointInfo
         * @description A point policy attached to the card, with the card's point balance under it.
         */
        CardPointInfo: {
            /** @description Point policy ID. */
            pointPolicyId: components["schemas"]["PartnerId"];
            /** @description Name of the point policy. */
            pointName: components["schemas"]["ShortText"];
            /** @description Point balance held under this policy. The page says "(member) point balance"; on an unregistered card it is the card's own balance. */
            remainingPoint?: components["schemas"]["PointAmount"];
            /** @description Whether points are used automatically on payment. */
            autoUse?: boolean;
        };
        /**
         * RechargeUnitAmount
         * @description Recharge unit, in won; a recharge is a multiple of it.
         *
         *     **Source conflict.** The source pages: The published page lists `rechargeUnitAmt` right after the members of `cardPointInfo_item`, so it may belong to a point item or to the card. Evidence: It is an amount in won beside the card's other recharge settings (`minRechargeAmount`, the maximums); a point policy has no recharge. This contract: A member of `cardDataInfo`, not of a point item.
         */
        RechargeUnitAmount: components["schemas"]["KrwAmount"];
        /**
         * CardDataInfo
         * @description Card information.
         *
         *     **Source conflict.** The source pages: The published page shows no nesting: every field after `cardDataInfo` is listed at one level. Evidence: `cardDataInfo` is typed "object, Required" and the fields after it describe one card. This contract: All card fields are members of `cardDataInfo`; `cardPointInfo` items hold the four point fields.
         */
        CardDataInfo: {
            /** @description Payment Account Reference that stands in for the card's PAN. */
            par: components["schemas"]["Par"];
            /** @description Card product ID, the unique identifier given to the card product. */
            serviceId: components["schemas"]["CardProductId"];
            /** @description Card product name. */
            serviceName: components["schemas"]["ShortText"];
            /** @description URL of the card product's image file. */
            serviceImageUrl: components["schemas"]["ImageUrl"];
            /** @description Tells affiliates apart within one ASP. */
            affiliateId: components["schemas"]["PartnerId"];
            /** @description Whether the card can be recharged: at offline terminals, from a personal account, and by an admin through the portal. */
            rechargeable: boolean;
            /** @description Whether the card's balance can be refunded. */
            refundable: boolean;
            /** @description Whether the balance can be sent on: to a mobile phone number or to a card number. */
            remittable: boolean;
            /** @description Whether the card can be recharged from a personal bank account. */
            personalRechargeable: boolean;
            /** @description Balance loaded on the card, in won. */
            balance: components["schemas"]["KrwAmount"];
            /** @description Last day the card can be used, `yyyyMMdd`. Cardholder data. */
            expiryDate: components["schemas"]["CalendarDate"];
            /** @description Card number of the physical card, if one is issued. */
            physicalCardNo?: components["schemas"]["CardNumber"];
            /** @description State of the physical card. */
            physicalCardStatus?: components["schemas"]["CardStatus"];
            /** @description Card number of the mobile card, if one is issued. */
            mobileCardNo?: components["schemas"]["CardNumber"];
            /** @description State of the mobile card. */
            mobileCardStatus?: components["schemas"]["CardStatus"];
            /** @description Most that a bearer (non-real-name) card may hold, in won. */
            maxNonRealNameRechargeAmount: components["schemas"]["KrwAmount"];
            /** @description Most that a real-name (registered) card may hold, in won. */
            maxRealNameRechargeAmount: components["schemas"]["KrwAmount"];
            /** @description Smallest amount accepted for one recharge, in won. */
            minRechargeAmount: components["schemas"]["KrwAmount"];
            /**
             * @description Amount that can still be loaded: the applicable maximum minus `balance` (bearer card: `maxNonRealNameRechargeAmount`; real-name card: `maxRealNameRechargeAmount`). Example from the page: maximum 500,000, balance 300,000, rechargeable 200,000.
             *
             *     **Source conflict.** The source pages: The rule depends on whether the card is bearer or real-name, but the response has no field that says which. Evidence: This operation only answers for cards not registered to a member; a registered card gets "Card is already registered user". An unregistered card is a bearer card. This contract: For this operation the bearer maximum applies: `rechargeableAmount = maxNonRealNameRechargeAmount - balance`, never below 0. Every example keeps this rule, and the tests check it.
             */
            rechargeableAmount: components["schemas"]["KrwAmount"];
            /** @description Whether the card can pay abroad. */
            overseaPaymentable?: boolean;
            /** @description Point policies of the card. */
            cardPointInfo?: components["schemas"]["CardPointInfo"][];
            rechargeUnitAmt?: components["schemas"]["RechargeUnitAmount"];
        };
        /**
         * UnregisteredCardInquiryResponse
         * @description Result envelope and the card's information.
         */
        UnregisteredCardInquiryResponse: {
            response: components["schemas"]["ResponseStatus"];
            cardDataInfo: components["schemas"]["CardDataInfo"];
        };
        /**
         * ErrorResponse
         * @description Body of every error (HTTP 4xx and 5xx): the result envelope and no payload. This contract models error bodies as plaintext even when encryption is in use: they carry no cardholder data, and integrations read `response.code` from them directly.
         */
        ErrorResponse: {
            response: components["schemas"]["ResponseStatus"];
        };
        /**
         * VirtualAccountInquiryRequest
         * @description The card whose virtual account is wanted.
         */
        VirtualAccountInquiryRequest: {
            /** @description Card number. */
            cardNo: components["schemas"]["CardNumber"];
        };
        /**
         * VirtualAccountNumber
         * @description Virtual bank account number, 1 to 20 digits. Cardholder-linked account data.
         * @example 56201234567890
         */
        VirtualAccountNumber: string;
        /**
         * BankCode
         * @description Korean financial institution code, 3 digits (e.g. `003` IBK, `004` KB Kookmin, `020` Woori, `088` Shinhan).
         * @example 088
         */
        BankCode: string;
        /**
         * VirtualAccountConnectType
         * @description How the virtual account is linked to the card: `FIXATION` (one fixed account) or `ROTATION` (accounts assigned in rotation).
         * @example FIXATION
         * @enum {string}
         */
        VirtualAccountConnectType: "FIXATION" | "ROTATION";
        /**
         * VirtualAccountStatus
         * @description State of the virtual account: `ACTIVE` or `INACTIVE`.
         *
         *     **Source conflict.** The source pages: "Length : 10", a fixed length, with the values `ACTIVE` (6) and `INACTIVE` (8). Evidence: Neither published value is 10 characters long, so a fixed length of 10 rejects both. This contract: No length bound: the enum decides which values are valid.
         * @example ACTIVE
         * @enum {string}
         */
        VirtualAccountStatus: "ACTIVE" | "INACTIVE";
        /**
         * VirtualAccountInquiryResponse
         * @description Result envelope and the virtual account linked to the card.
         */
        VirtualAccountInquiryResponse: {
            response: components["schemas"]["ResponseStatus"];
            /** @description Virtual account number. */
            accountNo: components["schemas"]["VirtualAccountNumber"];
            /** @description Code of the bank holding the virtual account. */
            bankCode: components["schemas"]["BankCode"];
            /** @description How the virtual account is linked to the card. */
            connectType: components["schemas"]["VirtualAccountConnectType"];
            /** @description State of the virtual account. */
            status: components["schemas"]["VirtualAccountStatus"];
        };
    };
    responses: never;
    parameters: {
        /** @description ID of the service provider (ASP), given at the time of contract. */
        AspIdHeader: components["schemas"]["AspId"];
        /**
         * @description Transaction number for tracing this request, `yyMMddHHmmss-xxxxxxx` (local time, then 7 hex characters). Echoed on the response.
         *
         *     **Source conflict.** The source pages: Give the form as `yyMMddHHmiSS-xxxxxxx`, mixing a Java date mask with the Oracle `mi` for minutes. Evidence: The platform's common-header guide and integrations use `yyMMddHHmmss`: 12 digits, which with `-` and 7 hex characters makes the published 20. This contract: `yyMMddHHmmss-` + 7 hex characters, 20 characters, checked by a pattern.
         */
        CorrelationIdHeader: components["schemas"]["CorrelationId"];
        /**
         * @description Access key created with the project. Required on every call but callbacks.
         *
         *     **Source conflict.** The source pages: Mark the header "Conditional": required except for callback APIs. Evidence: None of this contract's operations is a callback. This contract: Required on every operation.
         */
        AccessKeyHeader: components["schemas"]["AccessKey"];
        /** @description ID of the data encryption key, given when the service provider's project is created. Required when the body is encrypted (`{"encData": ...}`); omit it for a plaintext body. */
        CryptoKeyIdHeader: components["schemas"]["CryptoKeyId"];
        /**
         * @description HMAC-SHA256 integrity token over the exact body bytes sent. Its form is `KMV1:<yyyyMMddHHmmssSSS>:<Base64 HMAC>`; see the `TranToken` security scheme for the algorithm and a test vector.
         *
         *     **Source conflict.** The source pages: "Length : 66". Evidence: `KMV1:` (5) + 17 digits + `:` (1) + 44 Base64 characters of a 32-byte HMAC = 67; public integrations report that 67-character tokens pass the platform's check. This contract: Exactly 67 characters, checked by a pattern, so the real token is accepted and a truncated one is not.
         */
        TranTokenHeader: components["schemas"]["TranToken"];
        /**
         * @description Client request time, `yyyyMMddHHmmss`, in the zone named by `X-KM-Time-Zone`: the first 14 digits of the time in `X-KM-Tran-Token`, from one reading of the clock.
         *
         *     **Source conflict.** The source pages: "Length : 16", form `YYYYMMDDHH24MISS` (an Oracle date mask). Evidence: The platform's common-header guide says length 14, `yyyyMMddHHmmss`; integrations send 14 digits. The Oracle mask itself is 16 characters long but renders 14 digits. This contract: 14 digits, `yyyyMMddHHmmss`, checked by a pattern.
         *
         *     **Source conflict.** The source pages: Neither page says how far `X-KM-Tran-Time` may be from the platform's clock, or how long a signed request stays valid. Evidence: Nothing published. The time is carried in the tran token beside the MAC (the MAC covers the body only), and sending it at all suggests the platform refuses old requests. This contract: Assumed the window `x-time-window-seconds` gives, either way (a documented guess): the strict mock refuses a time further off by default, and `konaplate conformance` checks that a request twice as old is refused. Keep your clock synchronized (NTP) and sign each attempt anew.
         */
        TranTimeHeader: components["schemas"]["TranTime"];
        /** @description International standard time zone of `X-KM-Tran-Time` (`UTC`, `KST`, ...). */
        TimeZoneHeader: components["schemas"]["TimeZone"];
    };
    requestBodies: never;
    headers: {
        /** @description The request's `X-KM-Correlation-Id`, echoed. */
        CorrelationIdResponseHeader: components["schemas"]["CorrelationId"];
        /** @description ID of the key pair used for an encrypted response. For a callback, the first key issued to the service provider is used. */
        CryptoKeyIdResponseHeader: components["schemas"]["CryptoKeyId"];
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    inquireUnregisteredCard: {
        parameters: {
            query?: never;
            header: {
                /** @description ID of the service provider (ASP), given at the time of contract. */
                "X-KM-User-AspId": components["parameters"]["AspIdHeader"];
                /**
                 * @description Transaction number for tracing this request, `yyMMddHHmmss-xxxxxxx` (local time, then 7 hex characters). Echoed on the response.
                 *
                 *     **Source conflict.** The source pages: Give the form as `yyMMddHHmiSS-xxxxxxx`, mixing a Java date mask with the Oracle `mi` for minutes. Evidence: The platform's common-header guide and integrations use `yyMMddHHmmss`: 12 digits, which with `-` and 7 hex characters makes the published 20. This contract: `yyMMddHHmmss-` + 7 hex characters, 20 characters, checked by a pattern.
                 */
                "X-KM-Correlation-Id": components["parameters"]["CorrelationIdHeader"];
                /**
                 * @description Access key created with the project. Required on every call but callbacks.
                 *
                 *     **Source conflict.** The source pages: Mark the header "Conditional": required except for callback APIs. Evidence: None of this contract's operations is a callback. This contract: Required on every operation.
                 */
                "X-KM-Access-Key": components["parameters"]["AccessKeyHeader"];
                /** @description ID of the data encryption key, given when the service provider's project is created. Required when the body is encrypted (`{"encData": ...}`); omit it for a plaintext body. */
                "X-KM-Crypto-Key-Id"?: components["parameters"]["CryptoKeyIdHeader"];
                /**
                 * @description HMAC-SHA256 integrity token over the exact body bytes sent. Its form is `KMV1:<yyyyMMddHHmmssSSS>:<Base64 HMAC>`; see the `TranToken` security scheme for the algorithm and a test vector.
                 *
                 *     **Source conflict.** The source pages: "Length : 66". Evidence: `KMV1:` (5) + 17 digits + `:` (1) + 44 Base64 characters of a 32-byte HMAC = 67; public integrations report that 67-character tokens pass the platform's check. This contract: Exactly 67 characters, checked by a pattern, so the real token is accepted and a truncated one is not.
                 */
                "X-KM-Tran-Token": components["parameters"]["TranTokenHeader"];
                /**
                 * @description Client request time, `yyyyMMddHHmmss`, in the zone named by `X-KM-Time-Zone`: the first 14 digits of the time in `X-KM-Tran-Token`, from one reading of the clock.
                 *
                 *     **Source conflict.** The source pages: "Length : 16", form `YYYYMMDDHH24MISS` (an Oracle date mask). Evidence: The platform's common-header guide says length 14, `yyyyMMddHHmmss`; integrations send 14 digits. The Oracle mask itself is 16 characters long but renders 14 digits. This contract: 14 digits, `yyyyMMddHHmmss`, checked by a pattern.
                 *
                 *     **Source conflict.** The source pages: Neither page says how far `X-KM-Tran-Time` may be from the platform's clock, or how long a signed request stays valid. Evidence: Nothing published. The time is carried in the tran token beside the MAC (the MAC covers the body only), and sending it at all suggests the platform refuses old requests. This contract: Assumed the window `x-time-window-seconds` gives, either way (a documented guess): the strict mock refuses a time further off by default, and `konaplate conformance` checks that a request twice as old is refused. Keep your clock synchronized (NTP) and sign each attempt anew.
                 */
                "X-KM-Tran-Time": components["parameters"]["TranTimeHeader"];
                /** @description International standard time zone of `X-KM-Tran-Time` (`UTC`, `KST`, ...). */
                "X-KM-Time-Zone": components["parameters"]["TimeZoneHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnregisteredCardInquiryRequest"] | components["schemas"]["EncryptedEnvelope"];
            };
        };
        responses: {
            /** @description The card was found; its information, or the same encrypted. */
            200: {
                headers: {
                    "X-KM-Correlation-Id": components["headers"]["CorrelationIdResponseHeader"];
                    "X-KM-Crypto-Key-Id": components["headers"]["CryptoKeyIdResponseHeader"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnregisteredCardInquiryResponse"] | components["schemas"]["EncryptedEnvelope"];
                };
            };
            /** @description The request was refused; `response.code` says why (see the error registry). */
            400: {
                headers: {
                    "X-KM-Correlation-Id": components["headers"]["CorrelationIdResponseHeader"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The platform cannot answer for now; retry later. No code is published for this, so `000_P02` is this contract's placeholder. */
            503: {
                headers: {
                    "X-KM-Correlation-Id": components["headers"]["CorrelationIdResponseHeader"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    inquireCardVirtualAccount: {
        parameters: {
            query?: never;
            header: {
                /** @description ID of the service provider (ASP), given at the time of contract. */
                "X-KM-User-AspId": components["parameters"]["AspIdHeader"];
                /**
                 * @description Transaction number for tracing this request, `yyMMddHHmmss-xxxxxxx` (local time, then 7 hex characters). Echoed on the response.
                 *
                 *     **Source conflict.** The source pages: Give the form as `yyMMddHHmiSS-xxxxxxx`, mixing a Java date mask with the Oracle `mi` for minutes. Evidence: The platform's common-header guide and integrations use `yyMMddHHmmss`: 12 digits, which with `-` and 7 hex characters makes the published 20. This contract: `yyMMddHHmmss-` + 7 hex characters, 20 characters, checked by a pattern.
                 */
                "X-KM-Correlation-Id": components["parameters"]["CorrelationIdHeader"];
                /**
                 * @description Access key created with the project. Required on every call but callbacks.
                 *
                 *     **Source conflict.** The source pages: Mark the header "Conditional": required except for callback APIs. Evidence: None of this contract's operations is a callback. This contract: Required on every operation.
                 */
                "X-KM-Access-Key": components["parameters"]["AccessKeyHeader"];
                /** @description ID of the data encryption key, given when the service provider's project is created. Required when the body is encrypted (`{"encData": ...}`); omit it for a plaintext body. */
                "X-KM-Crypto-Key-Id"?: components["parameters"]["CryptoKeyIdHeader"];
                /**
                 * @description HMAC-SHA256 integrity token over the exact body bytes sent. Its form is `KMV1:<yyyyMMddHHmmssSSS>:<Base64 HMAC>`; see the `TranToken` security scheme for the algorithm and a test vector.
                 *
                 *     **Source conflict.** The source pages: "Length : 66". Evidence: `KMV1:` (5) + 17 digits + `:` (1) + 44 Base64 characters of a 32-byte HMAC = 67; public integrations report that 67-character tokens pass the platform's check. This contract: Exactly 67 characters, checked by a pattern, so the real token is accepted and a truncated one is not.
                 */
                "X-KM-Tran-Token": components["parameters"]["TranTokenHeader"];
                /**
                 * @description Client request time, `yyyyMMddHHmmss`, in the zone named by `X-KM-Time-Zone`: the first 14 digits of the time in `X-KM-Tran-Token`, from one reading of the clock.
                 *
                 *     **Source conflict.** The source pages: "Length : 16", form `YYYYMMDDHH24MISS` (an Oracle date mask). Evidence: The platform's common-header guide says length 14, `yyyyMMddHHmmss`; integrations send 14 digits. The Oracle mask itself is 16 characters long but renders 14 digits. This contract: 14 digits, `yyyyMMddHHmmss`, checked by a pattern.
                 *
                 *     **Source conflict.** The source pages: Neither page says how far `X-KM-Tran-Time` may be from the platform's clock, or how long a signed request stays valid. Evidence: Nothing published. The time is carried in the tran token beside the MAC (the MAC covers the body only), and sending it at all suggests the platform refuses old requests. This contract: Assumed the window `x-time-window-seconds` gives, either way (a documented guess): the strict mock refuses a time further off by default, and `konaplate conformance` checks that a request twice as old is refused. Keep your clock synchronized (NTP) and sign each attempt anew.
                 */
                "X-KM-Tran-Time": components["parameters"]["TranTimeHeader"];
                /** @description International standard time zone of `X-KM-Tran-Time` (`UTC`, `KST`, ...). */
                "X-KM-Time-Zone": components["parameters"]["TimeZoneHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VirtualAccountInquiryRequest"] | components["schemas"]["EncryptedEnvelope"];
            };
        };
        responses: {
            /** @description A virtual account is linked to the card; its details, or the same encrypted. */
            200: {
                headers: {
                    "X-KM-Correlation-Id": components["headers"]["CorrelationIdResponseHeader"];
                    "X-KM-Crypto-Key-Id": components["headers"]["CryptoKeyIdResponseHeader"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VirtualAccountInquiryResponse"] | components["schemas"]["EncryptedEnvelope"];
                };
            };
            /** @description The request was refused; `response.code` says why (see the error registry). */
            400: {
                headers: {
                    "X-KM-Correlation-Id": components["headers"]["CorrelationIdResponseHeader"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The platform cannot answer for now; retry later. No code is published for this, so `000_P02` is this contract's placeholder. */
            503: {
                headers: {
                    "X-KM-Correlation-Id": components["headers"]["CorrelationIdResponseHeader"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
