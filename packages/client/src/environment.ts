// The toolkit's environment variable names are the contract package's (one table for the client, the
// CLI and the docs); the root export offers `environmentVariables`, the tools the retired names. Bound
// here, so that the declaration files state their types (the contract's source is not declarations).
import * as protocol from '@konaplate-contract/contract/protocol';

/** The environment variable for each setting, one name per setting across the toolkit (the client itself reads none). */
export const environmentVariables = protocol.environmentVariables;

/** Names the toolkit read once and reads no more, with the setting that took their place. */
export const retiredEnvironmentVariables = protocol.retiredEnvironmentVariables;
