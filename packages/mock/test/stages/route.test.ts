// Stage 1, route: the runtime built for each operation of the real contract, and method + path to it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOperations, type Operation, renderExamples } from '../../src/prism.ts';
import { buildRoutes, type OperationRuntime, type Routes, route } from '../../src/stages/route.ts';
import { CARD, contract, doc, envelope, handMadeRuntime, realRoutes, runtimeAt, VA } from './fixture.ts';

let routes: Routes;
beforeAll(async () => {
  routes = await realRoutes();
});

/** The property names of the body schema of a narrowed operation. */
const bodyProperties = (operation: Operation) =>
  Object.keys(
    (operation.request?.body?.contents?.[0]?.schema as { properties?: Record<string, unknown> } | undefined)
      ?.properties ?? {},
  );

describe('buildRoutes', () => {
  it('has every operation of the scenario table, at its path and lower-case method', () => {
    expect([...routes.keys()]).toEqual([CARD, VA]);
    expect([...(routes.get(VA)?.keys() ?? [])]).toEqual(['post']);
    expect(runtimeAt(routes, CARD).operationId).toBe('inquireUnregisteredCard');
    expect(runtimeAt(routes, VA).operationId).toBe('inquireCardVirtualAccount');
  });

  it("keeps the spec's order of examples by status, the fault example and the default answer", () => {
    const va = runtimeAt(routes, VA);
    expect([...va.byStatus]).toEqual([
      [200, ['success', 'rotation-account', 'inactive-account', 'encrypted']],
      [400, ['invalid-input-parameter', 'missing-required-values', 'card-not-found', 'virtual-account-not-found']],
      [503, ['service-unavailable']],
    ]);
    expect(va.otherwise).toBe('success');
    expect(va.fault?.example).toBe('service-unavailable');
    expect(va.scenarios.map((s) => s.example)).not.toContain('service-unavailable');
  });

  it('renders each example once, as text and as JSON, with its status and registry code', () => {
    const notFound = runtimeAt(routes, VA).examples.get('virtual-account-not-found');
    expect(notFound).toEqual({
      status: 400,
      code: '003_067',
      body: JSON.stringify(notFound?.json),
      json: { response: { code: '003_067', message: 'Not found virtual account.', description: expect.any(String) } },
    });
    expect(runtimeAt(routes, CARD).examples.get('service-unavailable')?.status).toBe(503);
  });

  it('narrows the body to each form: the plaintext request, and the envelope', () => {
    const card = runtimeAt(routes, CARD);
    expect(bodyProperties(card.plain)).toEqual(['cardNo', 'expiryDate', 'cardCVC']);
    expect(bodyProperties(card.envelope)).toEqual([envelope]);
  });

  it('names each header parameter in its canonical case, by lower-case name', () => {
    const names = runtimeAt(routes, VA).headerNames;
    expect(names.get('x-km-user-aspid')).toBe('X-KM-User-AspId');
    expect(names.get('x-km-crypto-key-id')).toBe('X-KM-Crypto-Key-Id');
    expect(names.size).toBe(7);
  });

  it('asks for what each operation takes from the request, by operation id', async () => {
    const operations = await loadOperations(structuredClone(doc));
    const asked: string[] = [];
    const built = buildRoutes({
      scenarios: contract.scenarios,
      operations,
      rendered: await renderExamples(operations),
      envelope,
      mockFrom: (operationId) => {
        asked.push(operationId);
        return operationId === 'inquireUnregisteredCard' ? [{ path: ['a'], field: 'cardNo', copy: true }] : [];
      },
    });
    expect(asked).toEqual(['inquireUnregisteredCard', 'inquireCardVirtualAccount']);
    expect(runtimeAt(built, CARD).mockFrom).toEqual([{ path: ['a'], field: 'cardNo', copy: true }]);
    expect(runtimeAt(built, VA).mockFrom).toEqual([]);
  });

  it('refuses a table naming an operation the spec lacks, or an example Prism did not render', async () => {
    const operations = await loadOperations(structuredClone(doc));
    const rendered = await renderExamples(operations);
    const renamed = structuredClone(contract.scenarios);
    (renamed.operations[1] as { operationId: string }).operationId = 'inquireNothing';
    expect(() => buildRoutes({ scenarios: renamed, operations, rendered, envelope, mockFrom: () => [] })).toThrow(
      'scenario table names inquireNothing, which the spec does not have',
    );
    const partial = new Map([...rendered].filter(([key]) => key !== 'inquireCardVirtualAccount rotation-account'));
    expect(() =>
      buildRoutes({ scenarios: contract.scenarios, operations, rendered: partial, envelope, mockFrom: () => [] }),
    ).toThrow('Prism did not render inquireCardVirtualAccount rotation-account');
  });
});

describe('route', () => {
  const op: OperationRuntime = handMadeRuntime();
  const other: OperationRuntime = { ...handMadeRuntime(), operationId: 'replaceThing' };
  const table: Routes = new Map([
    [
      '/things',
      new Map([
        ['post', op],
        ['put', other],
      ]),
    ],
  ]);

  it('finds the operation by path and method, in any case', () => {
    expect(route(table, 'POST', '/things', '000_002')).toEqual({ op });
    expect(route(table, 'put', '/things', '000_002')).toEqual({ op: other });
  });

  it('an unknown path: 404 naming the path', () => {
    expect(route(table, 'POST', '/thing', '000_002')).toEqual({
      error: { status: 404, code: '000_002', field: 'path', reason: 'no operation at /thing' },
      headers: {},
    });
  });

  it("another method: 405 naming the method, with Allow listing the path's methods", () => {
    expect(route(table, 'GET', '/things', '000_009')).toEqual({
      error: { status: 405, code: '000_009', field: 'method', reason: 'GET is not allowed here; use POST, PUT' },
      headers: { allow: 'POST, PUT' },
    });
  });
});
