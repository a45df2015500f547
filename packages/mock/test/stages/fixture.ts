// What the stage tests share: the real contract's runtime (Prism's operations, once per file), a hand-made
// operation runtime for the stages that need no Prism, and request parts. No server, no process.
import { envelopeField } from '@konaplate-contract/contract';
import { loadOperations, type Operation, renderExamples } from '../../src/prism.ts';
import type { MockFault, MockScenario } from '../../src/scenarios.ts';
import { buildRoutes, type Example, type OperationRuntime, type Routes } from '../../src/stages/route.ts';
import { contract } from '../support.ts';

export { CARD, contract, KEY_ID, SECRET, signedHeaders, VA, validBodies } from '../support.ts';

export const doc = contract.spec;
export const envelope = envelopeField(doc);
export const validationCodes = contract.scenarios.validationCodes;

/** A value of the JWE compact form the envelope's schema asks for (not decryptable). */
export const jweShaped = [
  'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4R0NNIn0',
  'a'.repeat(60),
  'b'.repeat(16),
  'c'.repeat(20),
  'd'.repeat(22),
].join('.');

/** The routes of the real contract, as the engine builds them. */
export async function realRoutes(): Promise<Routes> {
  const operations = await loadOperations(structuredClone(doc));
  return buildRoutes({
    scenarios: contract.scenarios,
    operations,
    rendered: await renderExamples(operations),
    envelope,
    mockFrom: () => [],
  });
}

/** The runtime of the operation at a path (POST) among routes. */
export function runtimeAt(routes: Routes, path: string): OperationRuntime {
  const op = routes.get(path)?.get('post');
  if (!op) throw new Error(`no POST ${path}`);
  return op;
}

const example = (status: number, code: string, json: unknown): Example => ({
  status,
  code,
  body: JSON.stringify(json),
  json,
});

/** A small operation runtime made by hand: four scenarios, a fault, no Prism. */
export function handMadeRuntime(options: { fault?: boolean } = {}): OperationRuntime {
  const scenarios: MockScenario[] = [
    { example: 'ok', status: 200, code: '000_000', summary: 'ok', provisional: false, when: { otherwise: true } },
    {
      example: 'sealed',
      status: 200,
      code: '000_000',
      summary: 'sealed',
      provisional: false,
      when: { body: { encData: '*' } },
    },
    {
      example: 'lost-card',
      status: 400,
      code: '003_029',
      summary: 'lost',
      provisional: false,
      when: { body: { cardNo: '9491239999999991' } },
    },
    {
      example: 'missing',
      status: 400,
      code: '000_003',
      summary: 'm',
      provisional: false,
      when: { invalid: 'required' },
    },
  ];
  const fault: MockFault = { example: 'down', status: 503, code: '000_P02', summary: 'down', provisional: true };
  return {
    operationId: 'inquireThing',
    plain: {} as Operation,
    envelope: {} as Operation,
    headerNames: new Map([['x-km-time-zone', 'X-KM-Time-Zone']]),
    examples: new Map([
      ['ok', example(200, '000_000', { response: { code: '000_000' }, info: { no: '1111', ref: 'R0' } })],
      ['sealed', example(200, '000_000', { response: { code: '000_000' } })],
      ['lost-card', example(400, '003_029', { response: { code: '003_029' } })],
      ['missing', example(400, '000_003', { response: { code: '000_003' } })],
      ...(options.fault === false
        ? []
        : [['down', example(503, '000_P02', { response: { code: '000_P02' } })] as const]),
    ]),
    scenarios,
    byStatus: new Map([
      [200, ['ok', 'sealed']],
      [400, ['lost-card', 'missing']],
      ...(options.fault === false ? [] : [[503, ['down']] as [number, string[]]]),
    ]),
    fault: options.fault === false ? undefined : fault,
    otherwise: 'ok',
    mockFrom: [],
  };
}
