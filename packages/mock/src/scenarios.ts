/** The format of generated/mock/scenarios.json (written by `pnpm generate` from the examples' `x-mock-when`). */
export type MockWhen =
  | { body: Record<string, string> } // these body fields have these values ('*': present)
  | { invalid: string } // the request fails validation with this keyword class
  | { otherwise: true }; // any other valid request

export interface MockScenario {
  example: string;
  status: number;
  code: string;
  summary: string;
  provisional: boolean;
  when: MockWhen;
}

export interface MockScenarios {
  /** Validation keyword (Ajv's) to result code, from the registry's validationKeywords. */
  validationCodes: Record<string, string>;
  operations: Array<{ operationId: string; method: string; path: string; scenarios: MockScenario[] }>;
}

/** How a scenario is reached, in words, for the banner, `--list` and the docs. */
export function describeWhen(when: MockWhen): string {
  if ('otherwise' in when) return 'any other valid request';
  if ('invalid' in when)
    return when.invalid === 'required' ? 'a required header or field is missing' : `a field fails ${when.invalid}`;
  return Object.entries(when.body)
    .map(([field, value]) => (value === '*' ? `${field} present` : `${field} = ${value}`))
    .join(', ');
}
