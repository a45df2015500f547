import type {
  JsonObject,
  MockFault,
  MockScenario,
  MockScenarios,
  MockWhen,
  OpenApiDocument,
  OperationObject,
} from '@konaplate-contract/contract';
import {
  type ErrorRegistry,
  effectiveSchema,
  envelopeField,
  examplesOf,
  ext,
  operationsOf,
  successCodesOf,
} from '@konaplate-contract/contract';
import { SpecError } from './derive.ts';

/**
 * What a valid value of a request body field is, in words, from its schema:
 * the first clause of its description and its title (`a JWE in compact
 * serialization (JweCompact)`), for a scenario reached by that field's presence.
 */
function validShape(doc: OpenApiDocument, operation: OperationObject, field: string): string | undefined {
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (!schema) return undefined;
  const top = effectiveSchema(doc, schema) as JsonObject & { oneOf?: JsonObject[]; anyOf?: JsonObject[] };
  for (const branch of [top, ...(top.oneOf ?? []), ...(top.anyOf ?? [])]) {
    const properties = effectiveSchema(doc, branch).properties as Record<string, JsonObject> | undefined;
    const property = properties?.[field];
    if (!property) continue;
    const { title, description } = effectiveSchema(doc, property) as { title?: string; description?: string };
    const clause = description?.split(/[:.;(]/)[0]?.trim();
    const what = clause ? clause.charAt(0).toLowerCase() + clause.slice(1) : undefined;
    if (title && what) return `${what} (${title})`;
    return what ?? (title ? `a valid ${title}` : undefined);
  }
  return undefined;
}

/** The mock's scenario table, derived from the examples' `x-mock-when`; refuses an unreachable or ambiguous one. */
export function mockScenarios(doc: OpenApiDocument): MockScenarios {
  const registry: ErrorRegistry = doc[ext.errorRegistry];
  const problems: string[] = [];
  const validationCodes: Record<string, string> = {};
  for (const [code, entry] of Object.entries(registry)) {
    for (const keyword of entry.validationKeywords ?? []) {
      if (validationCodes[keyword])
        problems.push(`validation keyword ${keyword} is claimed by ${validationCodes[keyword]} and ${code}`);
      validationCodes[keyword] = code;
    }
  }
  // The mock answers what no schema rule covers (a body that is not JSON, a bad token) with these two.
  for (const keyword of ['type', 'required'])
    if (!validationCodes[keyword])
      problems.push(`no registry entry lists the validation keyword ${keyword} (the mock's refusals need its code)`);
  const envelope = envelopeField(doc);
  const successCode = successCodesOf(registry)[0] ?? '';
  const operations = operationsOf(doc).map(({ path, method, operation }) => {
    const scenarios: MockScenario[] = [];
    let fault: MockFault | undefined;
    const triggers = new Map<string, string>();
    for (const { where, key, example } of examplesOf(doc, operation)) {
      if (where === 'request') continue;
      const at = `${operation.operationId} ${where} example "${key}"`;
      const when = example[ext.mockWhen] as MockWhen | { fault: true } | undefined;
      const value = example.value as { response?: { code?: string } } & Record<string, unknown>;
      // An encrypted answer carries no readable code: it is the success it encrypts.
      const code = value.response?.code ?? (value[envelope] ? successCode : '');
      if (!when) {
        problems.push(`${at}: has no ${ext.mockWhen}, so the mock cannot reach it by request content`);
        continue;
      }
      const provisional = registry[code]?.status === 'provisional';
      if ('fault' in when) {
        if (!/^5\d\d$/.test(where))
          problems.push(`${at}: ${ext.mockWhen}.fault belongs on a 5xx example, not ${where}`);
        else if (fault) problems.push(`${at}: a second fault example beside "${fault.example}"`);
        else fault = { example: key, status: Number(where), code, summary: example.summary ?? key, provisional };
        continue;
      }
      const valid: Record<string, string> = {};
      if ('body' in when) {
        for (const [field, value] of Object.entries(when.body)) {
          const shape = value === '*' ? validShape(doc, operation, field) : undefined;
          if (shape) valid[field] = shape;
        }
        const trigger = JSON.stringify(Object.entries(when.body).sort());
        const clash = triggers.get(trigger);
        if (clash) problems.push(`${at}: the same ${ext.mockWhen} as "${clash}"`);
        triggers.set(trigger, key);
      } else if ('invalid' in when) {
        if (validationCodes[when.invalid] !== code) {
          problems.push(
            `${at}: ${ext.mockWhen}.invalid ${when.invalid} gives ${validationCodes[when.invalid]}, not ${code}`,
          );
        }
      } else if (!('otherwise' in when) || where !== '200') {
        problems.push(
          `${at}: ${ext.mockWhen} needs body, invalid, fault (on a 5xx example) or (on a 200 example) otherwise`,
        );
      }
      scenarios.push({
        example: key,
        status: Number(where),
        code,
        summary: example.summary ?? key,
        provisional,
        when,
        ...(Object.keys(valid).length > 0 ? { valid } : {}),
      });
    }
    if (scenarios.filter((s) => 'otherwise' in s.when).length !== 1) {
      problems.push(
        `${operation.operationId}: exactly one example needs ${ext.mockWhen}.otherwise (the answer to any other valid card)`,
      );
    }
    return { operationId: operation.operationId, method, path, scenarios, ...(fault ? { fault } : {}) };
  });
  if (problems.length > 0) throw new SpecError(problems);
  return { validationCodes, operations };
}
