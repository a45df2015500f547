// QA's own scenarios (`--scenarios FILE`, YAML or JSON), added to the spec's without a rebuild. Each names
// an operation, the request body values that select it, and the answer: a named example of the operation,
// or an inline answer that must itself satisfy the contract (the operation's response schema for that
// status, as Prism validates a response, and a result code the registry gives that status). A file is
// checked whole: the first problem stops it, named by the scenario's index and operationId.
import { readFileSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { envelopeField, mockAnswerProblems } from '@konaplate-contract/contract';
import { parse as parseYaml } from 'yaml';
import type { Contract } from './contract.ts';
import { loadOperations, type Operation, validateAnswer } from './prism.ts';
import type { CustomScenario } from './stages/choose.ts';
import { envelopeTest } from './stages/route.ts';
import { isObject } from './stages/types.ts';

export type { CustomScenario } from './stages/choose.ts';

/** What a scenario is checked against: each operation's examples, request fields and Prism operation. */
export interface ScenarioContext {
  contract: Contract;
  operations: Operation[];
  /** Whether a schema is the encrypted envelope's form (an answer is written in the other, plaintext). */
  isEnvelope: (schema: Record<string, unknown>) => boolean;
}

const scenarioKeys = ['operationId', 'when', 'example', 'answer', 'name'];
const listed = (items: Iterable<string>) => [...items].join(', ');
const quoted = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);

/** The request body's field names of an operation, across its forms (plaintext, envelope), from Prism's operation. */
function requestFields(operation: Operation): Map<string, Record<string, unknown>> {
  const schema = operation.request?.body?.contents?.[0]?.schema as Record<string, unknown> | undefined;
  const branches = Array.isArray(schema?.oneOf) ? (schema.oneOf as Array<Record<string, unknown>>) : [schema ?? {}];
  const fields = new Map<string, Record<string, unknown>>();
  for (const branch of branches) {
    if (isObject(branch.properties))
      for (const [name, property] of Object.entries(branch.properties))
        fields.set(name, isObject(property) ? property : {});
  }
  return fields;
}

/** Whether a (Prism-dereferenced) property schema says its value is a string. */
function isStringProperty(property: Record<string, unknown>): boolean {
  if (property.type === 'string') return true;
  return Array.isArray(property.allOf) && property.allOf.some((part) => isObject(part) && isStringProperty(part));
}

class ScenarioProblem extends Error {}

/** The text of a scenarios file as data: JSON for a `.json` file, YAML otherwise (YAML reads JSON too). */
function parseText(text: string, file: string): unknown {
  try {
    return file.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0] ?? 'cannot be read';
    throw new ScenarioProblem(`it is not ${file.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML'}: ${first}`);
  }
}

/** One scenario of the file, checked; a ScenarioProblem naming what is wrong (the caller names the scenario). */
function checkOne(item: unknown, index: number, context: ScenarioContext): CustomScenario {
  if (!isObject(item)) throw new ScenarioProblem('a scenario must be a mapping (operationId, when, example or answer)');
  const unknown = Object.keys(item).filter((key) => !scenarioKeys.includes(key));
  if (unknown.length > 0)
    throw new ScenarioProblem(`unknown key ${listed(unknown)} (a scenario has ${listed(scenarioKeys)})`);
  const table = context.contract.scenarios.operations;
  const operationId = item.operationId;
  const entry = table.find((op) => op.operationId === operationId);
  if (!entry)
    throw new ScenarioProblem(
      `${typeof operationId === 'string' ? `unknown operation ${quoted(operationId)}` : 'operationId is missing'}; operations: ${listed(table.map((op) => op.operationId))}`,
    );
  const operation = context.operations.find((o) => o.iid === entry.operationId);
  if (!operation) throw new ScenarioProblem(`the spec has no operation ${entry.operationId}`);

  const when = item.when;
  if (!isObject(when) || !isObject(when.body) || Object.keys(when).some((key) => key !== 'body'))
    throw new ScenarioProblem('when must be {body: {<field>: <value>, ...}}: the request body values that select it');
  const fields = requestFields(operation);
  const body = when.body;
  if (Object.keys(body).length === 0) throw new ScenarioProblem('when.body names no field');
  for (const [field, value] of Object.entries(body)) {
    const property = fields.get(field);
    if (!property)
      throw new ScenarioProblem(
        `when.body.${field}: the request has no field ${field}; fields: ${listed(fields.keys())}`,
      );
    if (value !== null && typeof value === 'object')
      throw new ScenarioProblem(
        `when.body.${field}: give one value (a string, number or boolean), not ${quoted(value)}`,
      );
    if (isStringProperty(property) && typeof value !== 'string')
      throw new ScenarioProblem(
        `when.body.${field}: ${field} is a string in the contract: quote the value ('${String(value)}'), or it never matches`,
      );
  }

  const name = item.name;
  if (name !== undefined && (typeof name !== 'string' || !/^[\x21-\x7e]{1,64}$/.test(name)))
    throw new ScenarioProblem('name must be 1 to 64 printable characters without spaces');
  if ((item.example === undefined) === (item.answer === undefined))
    throw new ScenarioProblem('give either example (a named example of the operation) or answer ({status, body})');

  if (item.example !== undefined) {
    const examples = [...entry.scenarios.map((s) => s.example), ...(entry.fault ? [entry.fault.example] : [])];
    if (typeof item.example !== 'string' || !examples.includes(item.example))
      throw new ScenarioProblem(
        `${entry.operationId} has no example ${quoted(item.example)}; examples: ${listed(examples)}`,
      );
    return {
      index,
      operationId: entry.operationId,
      when: body,
      name: name ?? item.example,
      answer: { example: item.example },
    };
  }

  const answer = item.answer;
  if (!isObject(answer) || Object.keys(answer).some((key) => key !== 'status' && key !== 'body'))
    throw new ScenarioProblem('answer must be {status: <HTTP status>, body: <the JSON answer>}');
  const status = answer.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
    throw new ScenarioProblem(`answer.status must be an HTTP status (100 to 599), not ${quoted(status)}`);
  if (!isObject(answer.body)) throw new ScenarioProblem('answer.body must be the JSON object the operation answers');
  const broken = validateAnswer(operation, status, answer.body, context.isEnvelope);
  if (broken) throw new ScenarioProblem(`answer: ${broken}`);
  const registry = mockAnswerProblems(context.contract.spec, status, answer.body);
  if (registry.length > 0) throw new ScenarioProblem(`answer: ${registry[0]}`);
  const code = String((answer.body.response as Record<string, unknown>).code);
  return {
    index,
    operationId: entry.operationId,
    when: body,
    name: name ?? `custom-${index}`,
    answer: { inline: { status, code, body: JSON.stringify(answer.body), json: answer.body } },
  };
}

/**
 * The scenarios of a file's text, checked against the contract; or the one line saying which scenario is
 * wrong and why (`scenario 2 (inquireCardVirtualAccount): ...`).
 */
export function checkScenarios(
  text: string,
  file: string,
  context: ScenarioContext,
): { scenarios: CustomScenario[] } | { error: string } {
  let index = 0;
  let operationId: unknown;
  try {
    const data = parseText(text, file);
    if (!isObject(data) || !Array.isArray(data.scenarios))
      throw new ScenarioProblem('the file must be a mapping with a list under scenarios:');
    const scenarios: CustomScenario[] = [];
    for (const item of data.scenarios) {
      index += 1;
      operationId = isObject(item) ? item.operationId : undefined;
      scenarios.push(checkOne(item, index, context));
    }
    return { scenarios };
  } catch (error) {
    if (!(error instanceof ScenarioProblem)) throw error;
    const where =
      index === 0
        ? ''
        : ` scenario ${index}${typeof operationId === 'string' ? ` (${operationId.slice(0, 80)})` : ''}:`;
    return { error: `${file}:${where} ${error.message}` };
  }
}

/** Reads and checks a scenarios file; an unreadable file is the one line saying so. */
export function loadScenarios(
  file: string,
  context: ScenarioContext,
): { scenarios: CustomScenario[] } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  return checkScenarios(text, file, context);
}

/** A context to check scenarios files in a process that serves none (a cluster's primary): Prism's operations. */
export async function scenarioContextOf(contract: Contract): Promise<ScenarioContext> {
  return {
    contract,
    operations: await loadOperations(structuredClone(contract.spec)),
    isEnvelope: envelopeTest(envelopeField(contract.spec)),
  };
}

/** A one-line summary of the scenarios a file gave: how many, for which operations. */
export function describeScenarios(scenarios: readonly CustomScenario[]): string {
  const operations = [...new Set(scenarios.map((s) => s.operationId))];
  return `${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}${operations.length > 0 ? ` (${operations.join(', ')})` : ''}`;
}

const readOrUndefined = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Calls back when the file's content changes (debounced: an editor's save is often several events). The
 * folder is watched, not the file, since editors save by writing a new file and renaming it over the old.
 * Returns the stop.
 */
export function watchScenarios(file: string, onChange: () => void, debounceMs = 100): () => void {
  const path = resolve(file);
  const name = basename(path);
  let last = readOrUndefined(path);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(path), (_event, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = readOrUndefined(path);
      if (text === last) return;
      last = text;
      onChange();
    }, debounceMs);
  });
  watcher.on('error', () => {});
  watcher.unref();
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
