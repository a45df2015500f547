export { defaultGeneratedDir, loadContract, utcOffsetsOf } from './contract.ts';
export type { EncryptionKeys } from './encryption.ts';
export { loadKeys } from './encryption.ts';
export { createEngine, type EngineOptions, type MockRequest, type MockResponse } from './engine.ts';
export { describeWhen, type MockScenario, type MockScenarios, type MockWhen } from './scenarios.ts';
export { createMockServer, type MockServer, type MockServerOptions } from './server.ts';
export { parseZonedTime, type SigningOptions, type UtcOffsets, verifyTranToken } from './signing.ts';
