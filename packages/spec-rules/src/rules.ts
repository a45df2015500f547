// The kona-* rules: what keeps the Konaplate spec consistent with itself,
// its error registry and the platform. Each description says why the rule exists.
import { ext, koreanTwin } from '@konaplate-contract/contract';
import type { RuleDefinition } from '@stoplight/spectral-core';
import boundedScalars from './functions/boundedScalars.ts';
import businessRules from './functions/businessRules.ts';
import commonHeaders from './functions/commonHeaders.ts';
import errorEnvelope from './functions/errorEnvelope.ts';
import exampleMatchesRegistry from './functions/exampleMatchesRegistry.ts';
import fixedLength from './functions/fixedLength.ts';
import koreanComplete from './functions/koreanComplete.ts';
import koreanTexts from './functions/koreanTexts.ts';
import provisionalFlagged from './functions/provisionalFlagged.ts';
import registryCoverage from './functions/registryCoverage.ts';
import sensitiveFields from './functions/sensitiveFields.ts';
import valuesFitSchema from './functions/valuesFitSchema.ts';

const operations = '$.paths[*][get,put,post,delete,options,head,patch,trace]';

/** The custom rules, by id. */
export const konaRules = {
  'kona-common-headers': {
    description:
      'The seven X-KM-* request headers are the same on every call; declaring one inline is how a 66-character token or a 21-character correlation id creeps back in.',
    message: '{{error}}',
    severity: 'error',
    given: operations,
    resolved: false,
    then: { function: commonHeaders, functionOptions: { prefix: 'X-KM-' } },
  },
  'kona-string-max-length': {
    description:
      'Every string states its maximum length, so clients validate before sending and nothing is unbounded; an enum is bounded by its values and states none.',
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: boundedScalars, functionOptions: { kind: 'string' } },
  },
  'kona-number-bounds': {
    description: 'Every number states its minimum and maximum (amounts here are 0 to 9,999,999,999 won).',
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: boundedScalars, functionOptions: { kind: 'number' } },
  },
  'kona-fixed-length': {
    description:
      'A field whose pattern fixes its length has equal minLength and maxLength, matching the pattern; an edit to one bound alone is a mistake.',
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: fixedLength },
  },
  'kona-values-fit-schema': {
    description:
      'Enum values and schema examples fit their own schema: this is how a documented length that its own values break gets caught.',
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: valuesFitSchema },
  },
  'kona-error-envelope': {
    description:
      'Every error is HTTP 400 with the platform envelope; a 4xx with another body would teach clients a shape the platform never sends.',
    message: '{{error}}',
    severity: 'error',
    given: `${operations}.responses[?(@property.match(/^4/))]`,
    resolved: false,
    then: { function: errorEnvelope, functionOptions: { schema: '#/components/schemas/ErrorResponse' } },
  },
  'kona-example-registry': {
    description:
      'Result codes, statuses and texts are written once, in the error registry; an example that disagrees with it misleads docs, mock and client.',
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: exampleMatchesRegistry },
  },
  'kona-registry-coverage': {
    description:
      'Every registered code is returned by some operation (has an example), so the mock can serve it and the docs can show it.',
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: registryCoverage },
  },
  'kona-business-rules': {
    description: `Examples keep the business rules the schema declares (${ext.businessRule}), so QA never sees an impossible rechargeableAmount.`,
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: businessRules },
  },
  'kona-sensitive-fields': {
    description: `Cardholder data (PCI DSS) is marked ${ext.sensitive}, which the client, mock and docs use to mask it.`,
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: {
      function: sensitiveFields,
      functionOptions: {
        names: '^(par|pan|cvc)$|[cC]ardNo$|[cC]ard[cC][vV][cC]$|^expiry|[eE]xpiryDate$|[aA]ccountNo$',
        marker: ext.sensitive,
      },
    },
  },
  'kona-provisional-flagged': {
    description: 'A code the platform never published is a guess; it must be flagged provisional wherever it is shown.',
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: provisionalFlagged },
  },
  'kona-korean-texts': {
    description: `Every text partners read has its Korean twin beside it (${koreanTwin.description}, ${koreanTwin.summary}, ...), so the Korean edition of the docs is whole and cannot drift from the English.`,
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: koreanTexts },
  },
  'kona-korean-complete': {
    description:
      "A Korean twin carries everything its English text says. Measured on this spec's pairs, a well-translated text has about 2.5 Korean characters (outside code and placeholders) for each English word (median 2.6, nine in ten above 1.6); a twin under 1.25 a word, for an English text of 6 words or more, has left something out.",
    message: '{{error}}',
    severity: 'error',
    given: '$',
    resolved: false,
    then: { function: koreanComplete, functionOptions: { perWord: 1.25, minWords: 6 } },
  },
} satisfies Record<string, RuleDefinition & { description: string; message: string }>;
