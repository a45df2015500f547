// Everything the CLI signs, encrypts, validates or sends goes through the
// client package (@konaplate-contract/client): one way to sign in this
// repository. This module names what the commands use.
export type {
  EncryptionConfig as EncryptionKeys,
  HeaderValue,
  OperationId,
  SignOptions as SigningCredentials,
  TimeZone,
} from '@konaplate-contract/client';
export {
  checkResponse,
  createKonaplateClient,
  defaultMaxResponseBytes,
  encryptBody,
  environmentVariables,
  headerValues,
  KonaplateClientError,
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
  KonaplateTransportError,
  KonaplateValidationError,
  readBody,
  redact,
  retiredEnvironmentVariables,
  signHeaders,
  TooLarge,
  validateRequest,
} from '@konaplate-contract/client';
