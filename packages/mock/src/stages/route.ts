// Stage 1, route: method and path to the operation's runtime (its Prism operation narrowed to each body
// form, its rendered examples, its scenarios), or the 404 / 405 answer.
import type { MockFrom } from '@konaplate-contract/contract';
import type { MockError } from '../errors.ts';
import { type Operation, withRequestBranch } from '../prism.ts';
import type { MockFault, MockScenario, MockScenarios } from '../scenarios.ts';
import { type CompiledForm, compileForm } from './compiled.ts';
import { isObject } from './types.ts';

/** A named response example as Prism renders it, with the registry code it carries. */
export interface Example {
  status: number;
  code: string;
  body: string;
  json: unknown;
}

export interface OperationRuntime {
  operationId: string;
  /** Prism's operation with the request body narrowed to the plaintext form, and to the encrypted envelope. */
  plain: Operation;
  envelope: Operation;
  /**
   * Each form's compiled checks (the fast path: they only say Prism would find nothing wrong); absent when the
   * engine runs without them or the operation has what they cannot judge as Prism does.
   */
  compiled?: { plain?: CompiledForm; envelope?: CompiledForm };
  /** The canonical name of each header parameter, by lower-case name. */
  headerNames: Map<string, string>;
  examples: Map<string, Example>;
  scenarios: MockScenario[];
  /** Example keys by HTTP status, in the spec's order: what `Prefer` can choose from. */
  byStatus: Map<number, string[]>;
  /** The spec's answer to an injected fault, when it documents one. */
  fault?: MockFault;
  /** The example of any other valid request. */
  otherwise: string;
  /** What the default success answer takes from the request (the spec's mock-from properties). */
  mockFrom: MockFrom[];
}

/** Operations by path, then by lower-case method. */
export type Routes = Map<string, Map<string, OperationRuntime>>;

export interface RouteSources {
  scenarios: MockScenarios;
  /** Prism's operations of the spec. */
  operations: Operation[];
  /** Every named example Prism rendered, by `<operationId> <key>`. */
  rendered: Map<string, { status: number; body: unknown }>;
  /** The field that makes a body the encrypted envelope. */
  envelope: string;
  /** What an operation's default success answer takes from the request. */
  mockFrom: (operationId: string) => MockFrom[];
  /** Compile each form's checks for the fast path (default true; false: every request goes to Prism). */
  compile?: boolean;
}

/** Every operation of the scenario table, ready to serve; an operation or example Prism lacks is an Error naming it. */
/** Whether a body schema is the encrypted envelope's form: it has the envelope's field. */
export const envelopeTest =
  (envelope: string) =>
  (schema: Record<string, unknown>): boolean =>
    isObject(schema.properties) && envelope in schema.properties;

export function buildRoutes({
  scenarios: table,
  operations,
  rendered,
  envelope,
  mockFrom,
  compile = true,
}: RouteSources): Routes {
  const hasEnvelope = envelopeTest(envelope);
  const routes: Routes = new Map();
  for (const { operationId, method, path, scenarios, fault } of table.operations) {
    const operation = operations.find((o) => o.iid === operationId);
    if (!operation) throw new Error(`scenario table names ${operationId}, which the spec does not have`);
    const examples = new Map<string, Example>();
    const byStatus = new Map<number, string[]>();
    for (const s of [...scenarios, ...(fault ? [fault] : [])]) {
      const found = rendered.get(`${operationId} ${s.example}`);
      if (!found) throw new Error(`Prism did not render ${operationId} ${s.example}`);
      examples.set(s.example, {
        status: found.status,
        code: s.code,
        body: JSON.stringify(found.body),
        json: found.body,
      });
      byStatus.set(found.status, [...(byStatus.get(found.status) ?? []), s.example]);
    }
    const methods = routes.get(path) ?? new Map<string, OperationRuntime>();
    const plain = withRequestBranch(operation, (s) => !hasEnvelope(s));
    const sealed = withRequestBranch(operation, hasEnvelope);
    methods.set(method.toLowerCase(), {
      operationId,
      plain,
      envelope: sealed,
      ...(compile ? { compiled: { plain: compileForm(plain), envelope: compileForm(sealed) } } : {}),
      headerNames: new Map((operation.request?.headers ?? []).map((h) => [h.name.toLowerCase(), h.name])),
      examples,
      scenarios,
      byStatus,
      fault,
      otherwise: scenarios.find((s) => 'otherwise' in s.when)?.example ?? '',
      mockFrom: mockFrom(operationId),
    });
    routes.set(path, methods);
  }
  return routes;
}

/** The operation at a method and path, or the refusal: 404 for an unknown path, 405 with `Allow` for a method. */
export function route(
  routes: Routes,
  method: string,
  path: string,
  invalidCode: string,
): { op: OperationRuntime } | { error: MockError; headers: Record<string, string> } {
  const methods = routes.get(path);
  if (!methods)
    return { error: { status: 404, code: invalidCode, field: 'path', reason: `no operation at ${path}` }, headers: {} };
  const op = methods.get(method.toLowerCase());
  if (op) return { op };
  const allow = [...methods.keys()].map((m) => m.toUpperCase()).join(', ');
  return {
    error: { status: 405, code: invalidCode, field: 'method', reason: `${method} is not allowed here; use ${allow}` },
    headers: { allow },
  };
}
