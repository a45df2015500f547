// The toolkit's environment variable names are the contract package's (one table for the client, the
// CLI and the docs); the client's root export keeps offering them.
export { environmentVariables, retiredEnvironmentVariables } from '@konaplate-contract/contract/protocol';
