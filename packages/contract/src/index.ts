// @konaplate-contract/contract: the one reader of the contract. Pure functions over the bundled
// document (no I/O beyond what callers hand in); generation, the mock, the CLI and the lint rules ask it.
// The protocol helpers the client's runtime needs are in `@konaplate-contract/contract/protocol`, which
// reads no document.
export type { BusinessRule } from './business-rules.ts';
export { businessRulesOf, checkBusinessRule } from './business-rules.ts';
export type {
  ExampleObject,
  HeaderValueSource,
  JsonObject,
  MediaTypeObject,
  OpenApiDocument,
  OperationObject,
} from './document.ts';
export {
  commonHeaderValues,
  effectiveSchema,
  envelopeField,
  exampleOf,
  examplesOf,
  headerValueSources,
  isEnvelopeSchema,
  operationsOf,
  plaintextRequest,
  plaintextSchema,
  resolveLocal,
  SpecError,
} from './document.ts';
export { ext, koreanPrefix, koreanTwin, toolExt } from './extensions.ts';
export {
  codesByOperation,
  correlationIdPattern,
  correlationIdSchema,
  headerExample,
  headerName,
  headerNames,
  isIdempotent,
  isSensitiveSchema,
  operationsByCode,
  registryOf,
  schemaSample,
  sensitiveFields,
  testVectorOf,
  timeWindowSeconds,
  utcOffsets,
} from './facts.ts';
export type { FieldRule } from './field-rules.ts';
export { ruleOf, successOf } from './field-rules.ts';
export { brokenKeywords, describeRule, jsonType } from './keywords.ts';
export type { BilingualText, TextKey, TextPath } from './korean.ts';
export {
  bilingualTexts,
  derivedKoreanSummary,
  hangul,
  isDerivedSummary,
  koreanProblem,
  registrySummary,
} from './korean.ts';
export { contractVersion, mockAnswerProblems } from './mock-answers.ts';
export { digestShape, type MockDigest, type MockFrom, mockFromRules } from './mock-personalize.ts';
export type { Field, Guess, Operation } from './operations.ts';
export { describeOperations, guessesOf, isEncryptedScenario, scenarioBody } from './operations.ts';
export { fixedLengthOfPattern } from './pattern-length.ts';
export type { ErrorRegistry, ExampleProblem, RegistryEntry, ResponseExample, SourceConflict } from './registry.ts';
export { errorFieldOf, expectedMessage, placeholderCode, registryProblems, successCodesOf } from './registry.ts';
export type { JweAlgorithms, JweTestVector, TestKeyRole, TestKeys } from './samples-encryption.ts';
export { jweAlgorithmsOf, jweTestVectorOf, keyFileName, testKeyRoles, testKeysOf } from './samples-encryption.ts';
export type { MockFault, MockOperation, MockScenario, MockScenarios, MockWhen } from './scenario-table.ts';
export { describeScenario, describeWhen } from './scenario-table.ts';
export type { ExampleRef, Json, JsonPath, OperationRef } from './walk.ts';
export {
  follow,
  isObject,
  methods,
  operations,
  registryOf as rawRegistryOf,
  responseExamples,
  schemaHas,
} from './walk.ts';
