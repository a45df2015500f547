// `@konaplate-contract/client`: what an application uses. Tools that sign, encrypt or check calls they
// send themselves import `@konaplate-contract/client/tools`.
export type { KonaplateClient, KonaplateResult } from './client.ts';
export { createKonaplateClient } from './client.ts';
export type { CallOptions, KonaplateClientConfig } from './config.ts';
export type { DataOf, ErrorCode, ErrorCodeOf, OperationId, RequestOf } from './contract.ts';
export type { EncryptionConfig } from './encryption.ts';
export { environmentVariables } from './environment.ts';
export type { KonaplateFailure } from './errors.ts';
export {
  isKonaplateError,
  KonaplateClientError,
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
  KonaplateTransportError,
  KonaplateValidationError,
} from './errors.ts';
export type { KonaplateEvents, KonaplateHooks } from './hooks.ts';
export { redact } from './redact.ts';
export type { RetryOptions } from './retry.ts';
