// The Spectral ruleset of the Konaplate contract: spectral:oas and the OWASP
// API Security Top 10 ruleset, with what does not fit this platform switched
// off (a reason on each), plus the kona-* rules that keep the spec consistent.
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas3_1 } from '@stoplight/spectral-formats';
import owasp from '@stoplight/spectral-owasp-ruleset';
import { oas } from '@stoplight/spectral-rulesets';
import { konaRules } from './rules.ts';

const ruleset = {
  formats: [oas3_1],
  extends: [
    [oas as RulesetDefinition, 'recommended'],
    [owasp as unknown as RulesetDefinition, 'recommended'],
  ],
  rules: {
    ...konaRules,
    // No contact is published for this API; an invented one would mislead partners.
    'info-contact': 'off',
    // The platform answers every failure with HTTP 400 and a result code; 401 is not part of its contract.
    'owasp:api8:2023-define-error-responses-401': 'off',
    // Nor is 500 documented; inventing it would teach clients a body the platform never promised.
    'owasp:api8:2023-define-error-responses-500': 'off',
    // No rate limit, 429 or rate-limit headers are published for these operations.
    'owasp:api4:2023-rate-limit-responses-429': 'off',
    'owasp:api4:2023-rate-limit': 'off',
    // Integers state their range (kona-number-bounds) and no format: the platform sends plain JSON numbers,
    // amounts up to 9,999,999,999 fit no int32, and int64 makes peer generators (hey-api's zod) parse a bigint.
    'owasp:api4:2023-integer-format': 'off',
    // A signed server-to-server API; no CORS policy is published, so none is claimed.
    'owasp:api8:2023-define-cors-origin': 'off',
  },
} satisfies RulesetDefinition;

export default ruleset;
