/**
 * The environment variable for each setting, one name per setting across the toolkit: the `konaplate`
 * CLI reads them, and the docs' curl and TypeScript samples and the READMEs use them (a test holds every
 * `KONAPLATE_*` name in the repository to this table). The client itself never reads the environment;
 * an application passes what it reads to `createKonaplateClient`.
 */
export const environmentVariables = {
  baseUrl: 'KONAPLATE_BASE_URL',
  aspId: 'KONAPLATE_ASP_ID',
  accessKey: 'KONAPLATE_ACCESS_KEY',
  secretKey: 'KONAPLATE_SECRET_KEY',
  timeZone: 'KONAPLATE_TIME_ZONE',
  cryptoKeyId: 'KONAPLATE_CRYPTO_KEY_ID',
} as const;

/**
 * Names the toolkit read once and reads no more, with the setting that took their place: the CLI refuses
 * them by name rather than ignoring them (an ignored secret would sign with the documentation secret).
 */
export const retiredEnvironmentVariables: Readonly<Record<string, keyof typeof environmentVariables>> = {
  KONAPLATE_SECRET: 'secretKey',
};
