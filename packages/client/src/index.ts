export type { CallOptions } from './attempt.ts';
export type { KonaplateClient, KonaplateOperations, KonaplateResult } from './client.ts';
export { createKonaplateClient, encryptBody } from './client.ts';
export type { TimeZone } from './clock.ts';
export { time17 } from './clock.ts';
export type { KonaplateClientConfig } from './config.ts';
export type {
  DataOf,
  ErrorCode,
  ErrorCodeOf,
  FieldRule,
  HeaderValue,
  OperationId,
  ProvisionalCode,
  RequestOf,
  ResultCode,
} from './contract.ts';
export { headerValues, operations } from './contract.ts';
export type { EncryptionConfig } from './encryption.ts';
export { environmentVariables, retiredEnvironmentVariables } from './environment.ts';
export type { CodesOf, KonaplateFailure, UnregisteredCode } from './errors.ts';
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
export { redact } from './redact.ts';
export type { RetryOptions } from './retry.ts';
export type { SignedHeaders, SignOptions } from './signing.ts';
export { signHeaders, tranToken } from './signing.ts';
export { defaultMaxResponseBytes, readBody, TooLarge } from './transport.ts';
export type { Problem } from './validation.ts';
export { checkResponse, validateRequest } from './validation.ts';
