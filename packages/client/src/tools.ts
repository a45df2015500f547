// `@konaplate-contract/client/tools`: what tools built on the client use (the `konaplate` CLI, the
// docs, conformance runs) to sign, encrypt, check and read calls they send themselves. An application
// needs none of it: it calls `createKonaplateClient` from the package's root.
import type { EncryptionConfig } from './encryption.ts';
import { kit } from './kit.ts';

export type { KonaplateOperations } from './client.ts';
export type { TimeZone } from './clock.ts';
export { time17 } from './clock.ts';
export type { FieldRule, HeaderValue, ProvisionalCode, ResultCode } from './contract.ts';
export { headerValues, operations } from './contract.ts';
export { retiredEnvironmentVariables } from './environment.ts';
export type { CodesOf, TransportReason, UnregisteredCode } from './errors.ts';
export type { ResponseChecking } from './judge.ts';
export type { SecretKey, SignedHeaders, SignOptions } from './signing.ts';
export { signHeaders, tranToken } from './signing.ts';
export { defaultMaxResponseBytes, readBody, TooLarge } from './transport.ts';
export type { Problem } from './validation.ts';
export { checkResponse, validateRequest } from './validation.ts';
export { patternInWords } from './words.ts';

/** The `{"encData": JWE}` text of a plaintext body, for tools that sign and send it themselves (loads jose; needs the server key only). */
export async function encryptBody(
  config: Pick<EncryptionConfig, 'serverPublicKey'>,
  plaintext: string,
): Promise<string> {
  return (await import('./encryption.ts')).encryptBody(config, plaintext, kit);
}
