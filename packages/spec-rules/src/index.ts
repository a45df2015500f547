// The Spectral ruleset of the contract (kona-* rules with their functions), reading the document through
// @konaplate-contract/contract. Nothing else lives here: readers of the spec are the contract package's.

export { type Finding, lintWith, type RuleName } from './lint.ts';
export { konaRules } from './rules.ts';
export { default as ruleset } from './ruleset.ts';
