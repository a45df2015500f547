// Target: the mock's scenario table (generated/mock/scenarios.json).
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { mockScenarios } from '../mock-scenarios.ts';
import type { GeneratedFile, Target } from '../target.ts';

/** The mock's scenario table (which request reaches which example) and validation-keyword codes. */
export function mockFiles(doc: OpenApiDocument): GeneratedFile[] {
  return [{ path: 'mock/scenarios.json', content: `${JSON.stringify(mockScenarios(doc), null, 2)}\n` }];
}
export const mockScenariosTarget: Target = { name: 'mock scenarios', kind: 'generated', files: mockFiles };
