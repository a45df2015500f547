// The format of generated/mock/scenarios.json, written by generation from the examples' mock triggers and
// read by the mock, the CLI and the docs; and how a scenario is described in words.

/** When an example answers: the request content that selects it. */
export type MockWhen =
  | { body: Record<string, string> } // these body fields have these values ('*': present and valid)
  | { invalid: string } // the request fails validation with this keyword class
  | { otherwise: true }; // any other valid request

export interface MockScenario {
  example: string;
  status: number;
  code: string;
  summary: string;
  provisional: boolean;
  when: MockWhen;
  /**
   * For each body field the scenario needs merely present ('*'): what a valid
   * value is, from the field's schema (`a JWE in compact serialization (JweCompact)`).
   * Only a value that passes the schema reaches the scenario.
   */
  valid?: Record<string, string>;
}

/** The example an operation answers when the mock injects a fault (`x-mock-when: {fault: true}`, HTTP 5xx). */
export interface MockFault {
  example: string;
  status: number;
  code: string;
  summary: string;
  provisional: boolean;
}

export interface MockOperation {
  operationId: string;
  method: string;
  path: string;
  /** Every example reachable by request content. */
  scenarios: MockScenario[];
  /** The answer to an injected 503 fault, when the spec documents one for this operation. */
  fault?: MockFault;
}

export interface MockScenarios {
  /** Validation keyword (Ajv's) to result code, from the registry's validationKeywords. */
  validationCodes: Record<string, string>;
  operations: MockOperation[];
}

/**
 * How a scenario is reached, in words, for the banner, `--list` and the docs;
 * `invalidCode` is the code a failed validation gives (for fields that must be valid).
 */
export function describeWhen(when: MockWhen, valid: Record<string, string> = {}, invalidCode?: string): string {
  if ('otherwise' in when) return 'any other valid request';
  if ('invalid' in when)
    return when.invalid === 'required' ? 'a required header or field is missing' : `a field fails ${when.invalid}`;
  const refused = `any other value fails validation${invalidCode ? ` (${invalidCode})` : ''}`;
  return Object.entries(when.body)
    .map(([field, value]) => {
      if (value !== '*') return `${field} = ${value}`;
      const shape = valid[field];
      return shape ? `${field} is ${shape}; ${refused}` : `${field} present and valid; ${refused}`;
    })
    .join(', ');
}

/** describeWhen for a scenario of a scenario table: what its present-and-valid fields must hold, and the code otherwise. */
export const describeScenario = (scenario: MockScenario, table?: MockScenarios) =>
  describeWhen(scenario.when, scenario.valid, table?.validationCodes.pattern ?? table?.validationCodes.type);
