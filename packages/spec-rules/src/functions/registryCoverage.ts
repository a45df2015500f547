import type { ErrorRegistry, OpenApiDocument } from '@konaplate-contract/contract';
import { codesByOperation, ext, type Json, rawRegistryOf as registryOf } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

/**
 * Every code in the registry is returned by some operation: one has an example of it. (Which operations
 * return a code is derived from their examples, so a code none shows is one nothing can return: the mock
 * could not serve it and the docs could not show it.)
 */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const registry = registryOf(doc) as unknown as ErrorRegistry;
  const shown = new Set([...codesByOperation(doc as unknown as OpenApiDocument).values()].flat());
  const results: IFunctionResult[] = [];
  for (const [code, entry] of Object.entries(registry)) {
    if (!shown.has(code))
      results.push({
        message: `${code} (${entry.message}) is in the registry, but no operation has an example of it`,
        path: [ext.errorRegistry, code],
      });
  }
  return results;
});
