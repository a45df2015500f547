export { type Contract, defaultGeneratedDir, loadContract } from './contract.ts';
export type { EncryptionKeys } from './encryption.ts';
export { loadKeys } from './encryption.ts';
export { createEngine, type EngineOptions, type MockRequest, type MockResponse } from './engine.ts';
export {
  describeFaults,
  describeLatency,
  type FaultMode,
  type InjectionOptions,
  type Latency,
  parseLatency,
  sampleLatency,
} from './injection.ts';
export { type Preferences, parsePrefer, readPreferences } from './prefer.ts';
export { type HeaderNames, headerNamesOf, utcOffsetsOf } from './readings.ts';
export {
  describeScenario,
  describeWhen,
  type MockFault,
  type MockOperation,
  type MockScenario,
  type MockScenarios,
  type MockWhen,
} from './scenarios.ts';
export { createMockServer, type MockServer, type MockServerOptions } from './server.ts';
export {
  parseZonedTime,
  type SignatureProblem,
  type SignedHeaderNames,
  type SigningOptions,
  type UtcOffsets,
  verifyTranToken,
} from './signing.ts';
