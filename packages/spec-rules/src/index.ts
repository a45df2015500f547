export type { BusinessRule } from './business-rules.ts';
export { businessRulesOf, checkBusinessRule } from './business-rules.ts';
export { follow, operations } from './functions/document.ts';
export type { BilingualText, TextKey, TextPath } from './korean.ts';
export {
  bilingualTexts,
  derivedKoreanSummary,
  hangul,
  isDerivedSummary,
  koreanProblem,
  koreanTwin,
  registrySummary,
} from './korean.ts';
export { fixedLengthOfPattern } from './pattern-length.ts';
export type { ErrorRegistry, ExampleProblem, RegistryEntry, ResponseExample, SourceConflict } from './registry.ts';
export { expectedMessage, placeholderCode, registryProblems, successCodesOf } from './registry.ts';
