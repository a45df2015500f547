import {
  type ErrorRegistry,
  ext,
  type Json,
  operations,
  placeholderCode,
  rawRegistryOf as registryOf,
  responseExamples,
} from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

/**
 * A code the platform never published is shown as provisional everywhere: a
 * placeholder code (`NNN_Pnn`) is exactly a `status: provisional` entry, which
 * explains itself in `x-source-conflicts`, and every example of it says
 * "provisional" in the summary that docs and mock listings show.
 */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const registry = registryOf(doc) as unknown as ErrorRegistry;
  const results: IFunctionResult[] = [];
  for (const [code, entry] of Object.entries(registry)) {
    const path = [ext.errorRegistry, code];
    const placeholder = placeholderCode.test(code);
    if (placeholder && entry.status !== 'provisional') {
      results.push({
        message: `${code} is a placeholder code but its status is ${entry.status}, not provisional`,
        path: [...path, 'status'],
      });
    }
    if (!placeholder && entry.status === 'provisional') {
      results.push({ message: `${code} is provisional but not in the placeholder form NNN_Pnn`, path });
    }
    if (entry.status === 'provisional' && !entry[ext.sourceConflicts]?.length) {
      results.push({ message: `${code} is provisional but does not say why (${ext.sourceConflicts})`, path });
    }
  }
  for (const op of operations(doc)) {
    for (const { key, example, path } of responseExamples(doc, op)) {
      const code = (example.value as { response?: { code?: string } })?.response?.code;
      if (code && registry[code]?.status === 'provisional' && !/provisional/i.test(String(example.summary ?? ''))) {
        results.push({
          message: `${op.operationId} example "${key}" shows provisional code ${code} without saying so in its summary`,
          path: [...path, 'summary'],
        });
      }
    }
  }
  return results;
});
