// The mock's own version (its package.json) and the contract's (the spec's info.version, asked of the contract).
import { readFileSync } from 'node:fs';
import { contractVersion } from '@konaplate-contract/contract';
import type { Contract } from './contract.ts';

let cached: string | undefined;

/**
 * The version of this package, from its package.json: beside src/ when running from source, beside dist/
 * in the published package (the bundles sit in dist/, so `../package.json` is the package's own either way).
 */
export function packageVersion(): string {
  if (cached === undefined) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        version?: unknown;
      };
      cached = typeof manifest.version === 'string' ? manifest.version : 'unknown';
    } catch {
      cached = 'unknown';
    }
  }
  return cached;
}

/** The version of the contract served (`unknown` for a spec without one). */
export const contractVersionOf = (contract: Contract): string => contractVersion(contract.spec) ?? 'unknown';
