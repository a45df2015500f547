import type { ErrorRegistry } from '@konaplate-contract/contract';
import { type Json, operations, rawRegistryOf as registryOf, responseExamples } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

/** For every code the registry says an operation can return, the operation has an example of it. */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const registry = registryOf(doc) as unknown as ErrorRegistry;
  const results: IFunctionResult[] = [];
  for (const op of operations(doc)) {
    const shown = new Set(
      responseExamples(doc, op).map(
        ({ example }) => (example.value as { response?: { code?: unknown } })?.response?.code,
      ),
    );
    for (const [code, entry] of Object.entries(registry)) {
      if (entry.operations?.includes(op.operationId) && !shown.has(code)) {
        results.push({
          message: `${op.operationId} has no example for ${code} (${entry.message}), which the registry says it can return`,
          path: [...op.path, 'responses'],
        });
      }
    }
  }
  return results;
});
