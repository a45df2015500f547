import type { Json } from '@konaplate-contract/contract';
import { bilingualTexts, koreanProblem } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

/**
 * Every text partners read has its Korean twin beside it (`x-ko` for a
 * description, `x-ko-summary` for a summary, ...; see ../korean.ts), in Korean,
 * with the same placeholders: the docs' Korean edition is built from these, so
 * a missing one would leave a hole in it or let the two editions drift.
 */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const results: IFunctionResult[] = [];
  for (const text of bilingualTexts(doc)) {
    const problem = koreanProblem(text);
    if (problem) results.push({ message: problem, path: [...text.path, text.key] });
  }
  return results;
});
