import type { MockScenario, MockScenarios, MockWhen } from '@konaplate-contract/mock/scenarios';
import type { ErrorRegistry } from '@konaplate-contract/spec-rules';
import { SpecError } from './derive.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { examplesOf, operationsOf } from './openapi-document.ts';

/** The mock's scenario table, derived from the examples' `x-mock-when`; refuses an unreachable or ambiguous one. */
export function mockScenarios(doc: OpenApiDocument): MockScenarios {
  const registry: ErrorRegistry = doc['x-error-registry'];
  const problems: string[] = [];
  const validationCodes: Record<string, string> = {};
  for (const [code, entry] of Object.entries(registry)) {
    for (const keyword of entry.validationKeywords ?? []) {
      if (validationCodes[keyword])
        problems.push(`validation keyword ${keyword} is claimed by ${validationCodes[keyword]} and ${code}`);
      validationCodes[keyword] = code;
    }
  }
  const operations = operationsOf(doc).map(({ path, method, operation }) => {
    const scenarios: MockScenario[] = [];
    const triggers = new Map<string, string>();
    for (const { where, key, example } of examplesOf(doc, operation)) {
      if (where === 'request') continue;
      const at = `${operation.operationId} ${where} example "${key}"`;
      const when = example['x-mock-when'] as MockWhen | undefined;
      const value = example.value as { response?: { code?: string }; encData?: string };
      const code = value.response?.code ?? (value.encData ? '000_000' : '');
      if (!when) {
        problems.push(`${at}: has no x-mock-when, so the mock cannot reach it by request content`);
        continue;
      }
      if ('body' in when) {
        const trigger = JSON.stringify(Object.entries(when.body).sort());
        const clash = triggers.get(trigger);
        if (clash) problems.push(`${at}: the same x-mock-when as "${clash}"`);
        triggers.set(trigger, key);
      } else if ('invalid' in when) {
        if (validationCodes[when.invalid] !== code) {
          problems.push(
            `${at}: x-mock-when.invalid ${when.invalid} gives ${validationCodes[when.invalid]}, not ${code}`,
          );
        }
      } else if (!('otherwise' in when) || where !== '200') {
        problems.push(`${at}: x-mock-when needs body, invalid, or (on a 200 example) otherwise`);
      }
      scenarios.push({
        example: key,
        status: Number(where),
        code,
        summary: example.summary ?? key,
        provisional: registry[code]?.status === 'provisional',
        when,
      });
    }
    if (scenarios.filter((s) => 'otherwise' in s.when).length !== 1) {
      problems.push(
        `${operation.operationId}: exactly one example needs x-mock-when.otherwise (the answer to any other valid card)`,
      );
    }
    return { operationId: operation.operationId, method, path, scenarios };
  });
  if (problems.length > 0) throw new SpecError(problems);
  return { validationCodes, operations };
}
