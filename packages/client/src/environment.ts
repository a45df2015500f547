// The toolkit's environment variable names are the contract package's (one table for the client, the
// CLI and the docs); the root export offers `environmentVariables`, the tools the retired names.
export { environmentVariables, retiredEnvironmentVariables } from '@konaplate-contract/contract/protocol';
