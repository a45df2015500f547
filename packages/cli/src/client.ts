// Everything the CLI signs, encrypts, validates or sends goes through the
// client package (@konaplate-contract/client): one way to sign in this
// repository. The client itself comes from the package's root; what a tool
// that signs and sends its own requests needs, from its `tools` entry. This
// module names what the commands use.
export type { EncryptionConfig as EncryptionKeys, OperationId } from '@konaplate-contract/client';
export {
  createKonaplateClient,
  environmentVariables,
  KonaplateClientError,
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
  KonaplateTransportError,
  KonaplateValidationError,
  redact,
} from '@konaplate-contract/client';
export type {
  HeaderValue,
  SignOptions as SigningCredentials,
  TimeZone,
} from '@konaplate-contract/client/tools';
export {
  checkResponse,
  defaultMaxResponseBytes,
  encryptBody,
  headerValues,
  readBody,
  retiredEnvironmentVariables,
  signHeaders,
  TooLarge,
  validateRequest,
} from '@konaplate-contract/client/tools';
