// The Postman collection (v2.1) of an edition: a folder per operation, a request
// per documented scenario (each named example and its x-mock-when test card),
// a test per request on `response.code`, and one collection-level pre-request
// script that builds the X-KM-* headers and the HMAC tran token over the exact
// body sent. Everything in it comes from the spec; newman runs it in the tests.

import type { JsonObject, MockScenario, MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';
import {
  commonHeaderValues,
  describeOperations,
  effectiveSchema,
  envelopeField,
  examplesOf,
  ext,
  type HeaderValueSource,
  operationsOf,
  scenarioBody,
} from '@konaplate-contract/contract';
import { SpecError } from './derive.ts';
import { whenText } from './docs-guides.ts';
import { inLanguage, type Language, labels, plainText } from './docs-text.ts';

const schemaUrl = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** The credentials and settings a partner fills in; Postman substitutes {{name}}. */
export const collectionVariables = ['baseUrl', 'aspId', 'accessKey', 'secretKey', 'cryptoKeyId', 'timeZone'] as const;

/** The JavaScript value that fills a common header, by what fills it (the header's x-value in the spec). */
const headerRecipes: Record<HeaderValueSource, string> = {
  aspId: "need('aspId')",
  correlationId: "tranTime.slice(2) + '-' + hex7",
  accessKey: "need('accessKey')",
  // Required when the body is encrypted (the contract says so, and the mock refuses it missing).
  cryptoKeyId: "encrypted ? need('cryptoKeyId') : undefined",
  tranToken: "'KMV1:' + time17 + ':' + mac",
  tranTime: 'tranTime',
  timeZone: 'zone',
};

/** The first example of the schema of the common header a source fills (its sample value), or ''. */
function headerExample(doc: OpenApiDocument, source: HeaderValueSource): string {
  const header = commonHeaderValues(doc).find((h) => h.source === source);
  const examples = header ? effectiveSchema(doc, header.parameter.schema as JsonObject).examples : undefined;
  return Array.isArray(examples) && typeof examples[0] === 'string' ? examples[0] : '';
}

/** The collection-level pre-request script: every request signed exactly as the platform checks it. */
export function preRequestScript(doc: OpenApiDocument, language: Language): string[] {
  const l = labels[language].postman;
  const headers = commonHeaderValues(doc).map(
    ({ name, source }) => `  ${JSON.stringify(name)}: ${headerRecipes[source]},`,
  );
  const timeZone = doc.components.schemas.TimeZone as { [ext.utcOffsets]: Record<string, number>; examples?: string[] };
  const offsets = timeZone[ext.utcOffsets];
  const defaultZone = timeZone.examples?.[0] ?? Object.keys(offsets)[0];
  const missing = l.missing('NAME').split('NAME');
  return [
    '// Signs every request of this collection, as the platform checks it: the X-KM-* headers, and',
    '// X-KM-Tran-Token = KMV1:<yyyyMMddHHmmssSSS>:<Base64 of HMAC-SHA256(secretKey, the exact body sent)>.',
    '// Generated from the Konaplate contract; Postman runs it before each request.',
    `const need = (name) => { const value = pm.variables.get(name); if (!value) throw new Error(${JSON.stringify(missing[0])} + name + ${JSON.stringify(missing[1])}); return String(value); };`,
    "const body = pm.request.body && pm.request.body.mode === 'raw' ? pm.variables.replaceIn(pm.request.body.raw || '') : '';",
    `const encrypted = (() => { try { return ${JSON.stringify(envelopeField(doc))} in JSON.parse(body); } catch (e) { return false; } })();`,
    `const offsets = ${JSON.stringify(offsets)};`,
    `const zone = pm.variables.get('timeZone') || ${JSON.stringify(defaultZone)};`,
    `if (!(zone in offsets)) throw new Error(${JSON.stringify(l.badZone(Object.keys(offsets).join(', ')))});`,
    "const time17 = new Date(Date.now() + offsets[zone] * 60000).toISOString().replace(/\\D/g, '').slice(0, 17);",
    'const tranTime = time17.slice(0, 14);',
    "const cryptoJs = require('crypto-js');",
    "const mac = cryptoJs.enc.Base64.stringify(cryptoJs.HmacSHA256(body, need('secretKey')));",
    "const hex7 = pm.variables.replaceIn('{{$guid}}').replace(/-/g, '').slice(0, 7);",
    'const headers = {',
    ...headers,
    '};',
    'Object.keys(headers).forEach((key) => {',
    '  if (headers[key] === undefined) pm.request.headers.remove(key);',
    '  else pm.request.headers.upsert({ key, value: String(headers[key]) });',
    '});',
  ];
}

function testScript(doc: OpenApiDocument, scenario: MockScenario, encryptedAnswer: boolean, language: Language) {
  const l = labels[language].postman;
  if (encryptedAnswer) {
    const pattern = String((doc.components.schemas.JweCompact as { pattern: string }).pattern);
    return [
      `pm.test(${JSON.stringify(l.encryptedTest(scenario.status))}, function () {`,
      `  pm.response.to.have.status(${scenario.status});`,
      `  pm.expect(pm.response.json().${envelopeField(doc)}).to.match(new RegExp(${JSON.stringify(pattern)}));`,
      '});',
    ];
  }
  return [
    `pm.test(${JSON.stringify(l.test(scenario.status, scenario.code))}, function () {`,
    `  pm.response.to.have.status(${scenario.status});`,
    `  pm.expect(pm.response.json().response.code).to.eql(${JSON.stringify(scenario.code)});`,
    '});',
  ];
}

/** The Postman collection (v2.1) of one edition, as a JSON value. */
export function postmanCollection(bundle: OpenApiDocument, scenarios: MockScenarios, language: Language): JsonObject {
  const doc = inLanguage(bundle, language);
  const l = labels[language].postman;
  const info = doc.info as JsonObject;
  const described = new Map(describeOperations(doc, scenarios).map((o) => [o.operationId as string, o]));
  const folders = scenarios.operations.map((op) => {
    const found = operationsOf(doc).find((o) => o.operation.operationId === op.operationId);
    const model = described.get(op.operationId);
    if (!found || !model)
      throw new SpecError([`the scenario table names ${op.operationId}, which the spec does not have`]);
    const { operation, path, method } = found;
    const examples = new Map(examplesOf(doc, operation).map((e) => [`${e.where} ${e.key}`, e.example]));
    const items = op.scenarios.map((scenario) => {
      const example = examples.get(`${scenario.status} ${scenario.example}`) ?? {};
      const encryptedAnswer = envelopeField(doc) in ((example.value ?? {}) as JsonObject);
      if ('invalid' in scenario.when && scenario.when.invalid !== 'required')
        throw new SpecError([
          `${op.operationId} scenario "${scenario.example}": the Postman collection can build ${ext.mockWhen}.invalid "required" only`,
        ]);
      // The body the CLI, the QA quick start and conformance send for this scenario: one derivation.
      const body = JSON.stringify(scenarioBody(model, scenario));
      return {
        name: plainText(String(example.summary ?? scenario.example)),
        event: [
          {
            listen: 'test',
            script: { type: 'text/javascript', exec: testScript(doc, scenario, encryptedAnswer, language) },
          },
        ],
        request: {
          method: method.toUpperCase(),
          header: [
            { key: 'Content-Type', value: 'application/json' },
            { key: 'Accept', value: 'application/json' },
          ],
          body: { mode: 'raw', raw: body, options: { raw: { language: 'json' } } },
          url: {
            raw: `{{baseUrl}}${path}`,
            host: ['{{baseUrl}}'],
            path: path.split('/').filter(Boolean),
          },
          description: [
            String(example.description ?? ''),
            `${labels[language].testRequest}: ${whenText(scenario.when, language)}`,
            `\`Prefer: example=${scenario.example}\``,
          ]
            .filter(Boolean)
            .join('\n\n'),
        },
      };
    });
    return {
      name: plainText(String(operation.summary)),
      description: `\`${method.toUpperCase()} ${path}\`\n\n${String(operation.description ?? '')}`,
      item: items,
    };
  });
  const servers = (doc.servers ?? []) as Array<{ url: string }>;
  const defaults: Record<(typeof collectionVariables)[number], string> = {
    baseUrl: servers[0]?.url ?? '',
    aspId: '',
    accessKey: '',
    secretKey: '',
    // The spec's sample key id: the mock's encrypted scenario answers to it; a partner sets their own.
    cryptoKeyId: headerExample(doc, 'cryptoKeyId'),
    timeZone: (doc.components.schemas.TimeZone as { examples?: string[] }).examples?.[0] ?? '',
  };
  return {
    info: {
      name: `${plainText(String(info.title))} ${String(info.version)}`,
      description: [String(info.summary ?? ''), l.collection, l.mockCards].join('\n\n'),
      schema: schemaUrl,
    },
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: preRequestScript(bundle, language) } }],
    variable: collectionVariables.map((key) => ({
      key,
      value: defaults[key],
      type: 'string',
      description: l.variables[key],
    })),
    item: folders,
  };
}
