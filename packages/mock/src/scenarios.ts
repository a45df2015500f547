// The scenario table's format (generated/mock/scenarios.json) and how a scenario is described in words
// belong to the contract package; the mock's public `./scenarios` export keeps offering them.
export type { MockFault, MockOperation, MockScenario, MockScenarios, MockWhen } from '@konaplate-contract/contract';
export { describeScenario, describeWhen } from '@konaplate-contract/contract';
