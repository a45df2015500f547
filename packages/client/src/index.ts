export type {
  KonaplateClient,
  KonaplateClientConfig,
  KonaplateOperations,
  KonaplateResult,
  UnregisteredCardInfo,
  UnregisteredCardRequest,
  VirtualAccountInfo,
  VirtualAccountRequest,
} from './client.ts';
export { createKonaplateClient } from './client.ts';
export type { TimeZone } from './clock.ts';
export { time17 } from './clock.ts';
export type { EncryptionConfig } from './encryption.ts';
export type { ErrorCode, UnregisteredCode } from './errors.ts';
export {
  isKonaplateError,
  KonaplateClientError,
  KonaplateConfigError,
  KonaplateError,
  KonaplateTransportError,
  KonaplateValidationError,
} from './errors.ts';
export { redact } from './redact.ts';
export type { RetryOptions } from './retry.ts';
export { tranToken } from './signing.ts';
