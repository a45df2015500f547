// The client's run-time view of the spec, computed from the contract's readers: what the generated
// client/contract.ts holds.
import {
  commonHeaderValues,
  envelopeField,
  ext,
  type FieldRule,
  isIdempotent,
  type JsonObject,
  type OpenApiDocument,
  operationsOf,
  plaintextSchema,
  registryOf,
  resolveLocal,
  ruleOf,
  SpecError,
  sensitiveFields,
  successCodesOf,
  successOf,
  utcOffsets as utcOffsetsOf,
} from '@konaplate-contract/contract';

export type { FieldRule } from '@konaplate-contract/contract';

// Names the client object uses itself, beside one method per operationId.
const reserved = new Set(['call', 'orThrow', 'operations']);

/** What the client needs from the spec at run time, as one small module. */
export function clientContract(doc: OpenApiDocument) {
  const problems: string[] = [];
  const servers = doc.servers as Array<{ url: string; variables?: Record<string, { default: string }> }>;
  const operations: Record<
    string,
    { method: string; path: string; summary: string; description: string; idempotent: boolean; successStatus: number }
  > = {};
  const requestRules: Record<string, { headers: Record<string, FieldRule>; body: FieldRule }> = {};
  const responseRules: Record<string, FieldRule> = {};
  for (const { path, method, operation } of operationsOf(doc)) {
    const id = operation.operationId;
    if (reserved.has(id))
      problems.push(`${id}: the operationId is a name of the client's own (${[...reserved].join(', ')})`);
    const success = successOf(doc, operation);
    operations[id] = {
      method,
      path,
      summary: String(operation.summary ?? ''),
      description: String(operation.description ?? '')
        .split('\n\n')[0]
        ?.replace(/\s+/g, ' ')
        .trim() as string,
      idempotent: isIdempotent(operation),
      successStatus: success.status,
    };
    const headers: Record<string, FieldRule> = {};
    for (const node of operation.parameters ?? []) {
      const parameter = resolveLocal<JsonObject>(doc, node);
      const where = `${id} header ${String(parameter.name)}`;
      headers[String(parameter.name)] = ruleOf(
        doc,
        parameter.schema as JsonObject,
        parameter.required === true,
        where,
        problems,
      );
    }
    const plain = plaintextSchema(doc, operation.requestBody?.content['application/json']?.schema);
    if (!plain) problems.push(`${id}: no plaintext request body schema`);
    else requestRules[id] = { headers, body: ruleOf(doc, plain, true, `${id} request body`, problems) };
    if (!success.schema) problems.push(`${id}: no plaintext success (2xx) response schema`);
    else responseRules[id] = ruleOf(doc, success.schema, true, `${id} response body`, problems);
  }
  const registry = registryOf(doc);
  const successCodes = successCodesOf(registry);
  if (successCodes.length !== 1) problems.push('the error registry must have exactly one success (2xx) code');
  const codeStatus = Object.fromEntries(Object.entries(registry).map(([code, e]) => [code, e.httpStatus]));
  const utcOffsets = utcOffsetsOf(doc);
  if (Object.keys(utcOffsets).length === 0) problems.push(`TimeZone has no ${ext.utcOffsets}`);
  if (problems.length > 0) throw new SpecError(problems);
  return {
    servers: {
      sandbox: servers[0]?.url ?? '',
      production: servers[1]?.url ?? '',
      productionVariable: Object.keys(servers[1]?.variables ?? {})[0] ?? '',
    },
    operations,
    requestRules,
    responseRules,
    successCode: successCodes[0] ?? '',
    envelopeField: envelopeField(doc),
    headerValues: commonHeaderValues(doc).map(({ name, source }) => [name, source] as [string, string]),
    codeStatus,
    sensitive: sensitiveFields(doc),
    utcOffsets,
  };
}
