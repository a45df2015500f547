import {
  type ErrorRegistry,
  type Json,
  operations,
  rawRegistryOf as registryOf,
  registryProblems,
  responseExamples,
} from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

/**
 * Every response example's result code is in the registry, under the HTTP
 * status and for the operation the registry gives, with the registry's
 * message and description.
 */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const registry = registryOf(doc) as unknown as ErrorRegistry;
  const results: IFunctionResult[] = [];
  for (const op of operations(doc)) {
    for (const { status, key, example, path } of responseExamples(doc, op)) {
      for (const problem of registryProblems(registry, status, example)) {
        results.push({
          message: `${op.operationId} ${status} example "${key}": ${problem.message}`,
          path: [...path, ...problem.path],
        });
      }
    }
  }
  return results;
});
