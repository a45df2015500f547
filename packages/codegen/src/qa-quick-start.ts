// The QA quick start in packages/mock/README.md: every scenario of the spec
// with a copy-paste `konaplate sign --curl` line, and the CLI's commands,
// written between two markers by `pnpm generate` (checked by `pnpm check:drift`).

import { readFile } from 'node:fs/promises';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import {
  describeOperations,
  describeWhen,
  ext,
  isEncryptedScenario,
  scenarioBody,
  successCodesOf,
  timeWindowSeconds,
} from '@konaplate-contract/contract';
import { environmentVariables as env, shellQuote } from '@konaplate-contract/contract/protocol';
import { SpecError } from './derive.ts';
import { mockScenarios } from './mock-scenarios.ts';
import { repoRoot } from './paths.ts';
import { regionMarkers, withRegion } from './regions.ts';

export const { start: quickStartStart, end: quickStartEnd } = regionMarkers('qa-quick-start');
/** The README the region lives in, from the repository root. */
export const mockReadme = { path: 'packages/mock/README.md', absolute: `${repoRoot}packages/mock/README.md` };
/** Where `pnpm mock` (and the mock's bin) listens by default. */
export const mockUrl = 'http://127.0.0.1:4010';

/** One `konaplate sign --curl` line per scenario: operation, scenario, how it is reached, the answer, the line. */
export function quickStartRows(doc: OpenApiDocument) {
  const table = mockScenarios(doc);
  return describeOperations(doc, table).flatMap((operation) =>
    operation.scenarios.map((scenario) => {
      const body = JSON.stringify(scenarioBody(operation, scenario));
      const keyId = (doc.components.schemas.CryptoKeyId?.examples as string[] | undefined)?.[0];
      const words = ['pnpm', '-s', 'konaplate', 'sign', '--curl', '--base-url', mockUrl];
      words.push('--operation', operation.operationId);
      if (isEncryptedScenario(scenario) && keyId) words.push('--crypto-key-id', keyId);
      words.push('--body', body);
      const entry = doc[ext.errorRegistry][scenario.code];
      return {
        operationId: operation.operationId,
        scenario: scenario.example,
        when: isEncryptedScenario(scenario)
          ? "encData present: the spec's encrypted example (the mock without keys takes any JWE-shaped value)"
          : describeWhen(scenario.when),
        status: scenario.status,
        code: scenario.code,
        message: entry?.message ?? '',
        provisional: scenario.provisional,
        command: words.map(shellQuote).join(' '),
      };
    }),
  );
}

/** The contract's X-KM-Tran-Time window (x-time-window-seconds), which the strict mock applies by default. */
function timeWindow(doc: OpenApiDocument): number {
  const window = timeWindowSeconds(doc);
  if (window === undefined)
    throw new SpecError([`X-KM-Tran-Time needs ${ext.timeWindowSeconds} (the strict mock applies it)`]);
  return window;
}

/**
 * A custom-scenario file for the QA quick start, from the spec: the first operation with an error
 * example, the body of its first documented scenario with its first body field changed to another valid
 * value, answered by that error example.
 */
function scenarioFileExample(doc: OpenApiDocument): string {
  const table = mockScenarios(doc);
  for (const operation of describeOperations(doc, table)) {
    const error = operation.scenarios.find((sc) => sc.status >= 400 && 'body' in sc.when);
    const field = operation.body.find((f) => f.required && typeof operation.requestExample[f.name] === 'string');
    if (!error || !field) continue;
    const value = String(operation.requestExample[field.name]);
    // Another value of the same shape: the last digit or letter turned, so the pattern still holds.
    const last = value.at(-1) ?? '0';
    const turned = /\d/.test(last) ? String((Number(last) + 5) % 10) : last === 'A' ? 'B' : 'A';
    const other = `${value.slice(0, -1)}${turned}`;
    return [
      'scenarios:',
      `  - operationId: ${operation.operationId}`,
      `    when: { body: { ${field.name}: '${other}' } }`,
      `    example: ${error.example}`,
    ].join('\n');
  }
  throw new SpecError([
    'the QA quick start shows a custom scenario, but no operation has an error example reached by body',
  ]);
}

/** The Markdown between the markers. */
export function quickStartMarkdown(doc: OpenApiDocument): string {
  const rows = quickStartRows(doc);
  for (const row of rows) {
    if (row.command.includes('|') || row.command.includes('`'))
      throw new SpecError([`${row.operationId} ${row.scenario}: its quick-start line cannot sit in a Markdown table`]);
  }
  const lines = rows.map(
    (r) =>
      `| \`${r.operationId}\` | \`${r.scenario}\` | ${r.when} | ${r.status} \`${r.code}\` ${r.message}${r.provisional ? ' (provisional code)' : ''} | \`${r.command}\` |`,
  );
  const [first] = rows;
  return `<!-- Generated from spec/ by \`pnpm generate\` (packages/codegen/src/qa-quick-start.ts): do not edit between the markers. -->
## QA quick start

Start the mock (\`pnpm mock\` in this repository, \`npx konaplate-mock\` where its package is
installed), then run a line from the table below: it prints one signed \`curl\` command (every
\`X-KM-*\` header the contract requires, the token over the exact body bytes). Add \` | bash\` to send
it. The answer's \`response.code\` is the one in the *Expected* column. The lines are written for this
repository's root; elsewhere, with the CLI's package installed, write \`npx konaplate\` for
\`pnpm -s konaplate\`.

\`\`\`sh
${first ? `${first.command} | bash` : ''}
\`\`\`

Credentials come from \`${env.aspId}\`, \`${env.accessKey}\` and \`${env.secretKey}\`;
unset, the spec's sandbox samples are used, which the mock accepts unless it runs in strict mode
(\`--secret-file\`): then set \`${env.secretKey}\` to the mock's secret. A token is valid for a few
minutes (${timeWindow(doc)} s in strict mode, the contract's assumption): run the line again rather than reusing an old curl command.

| Operation | Scenario | Reached by | Expected | Line |
|---|---|---|---|---|
${lines.join('\n')}

### The \`konaplate\` commands

| Command | What it does |
|---|---|
| \`konaplate sign --body '<json>'\` | prints the signed request headers, one \`Name: value\` a line, token over those exact bytes |
| \`konaplate sign --curl --base-url <url> --operation <id> --body '<json>'\` | prints one complete curl command that sends it |
| \`konaplate call <operationId> --base-url <url> --body '<json>'\` | signs (and encrypts, with key files), sends, prints the JSON answer; exit 0 on \`${successCodesOf(doc[ext.errorRegistry])[0] ?? ''}\`, 1 on another code, 2 on bad input |
| \`konaplate conformance --base-url <url> [--test-data <file>] [--junit <file>]\` | checks a server (the mock, the sandbox, a staging build) against the contract |

In this repository run them as \`pnpm -s konaplate …\`; elsewhere install the CLI's package and use
\`npx konaplate …\`. Every command has \`--help\`; see packages/cli/README.md.

### What the mock saw: the request journal

Every request is in the journal, newest first, with its correlation id, the scenario chosen, the
status, the result code, the reason of a refusal and, in strict mode, the signature's verdict; the body
with cardholder data masked. Look one call up by the correlation id you sent:

\`\`\`sh
curl -s '${mockUrl}/__konaplate/requests?correlationId=<the X-KM-Correlation-Id you sent>'
curl -s -X DELETE '${mockUrl}/__konaplate/requests'   # start a test with an empty journal
\`\`\`

\`GET ${mockUrl}/__konaplate/health\` answers 200 once the mock serves (for CI waits and container
health checks). The \`/__konaplate/\` prefix is the mock's own; packages/mock/README.md has the rest.

### Scenarios of your own, without a rebuild

\`--scenarios my-scenarios.yaml\` adds scenarios to the spec's, checked against the contract at start
and reloaded when the file changes. This one answers a named example of the spec for one more input:

\`\`\`yaml
${scenarioFileExample(doc)}
\`\`\`

Instead of \`example\`, an \`answer: { status, body }\` gives an answer of your own; it must satisfy
the contract too. A file naming an unknown operation or example stops the start with one line.

### In CI

\`examples/ci-check.sh\` of the CLI's package (packages/cli/examples/ here) is a whole CI job with the
installed packages only (\`npm install --save-dev @konaplate-contract/mock @konaplate-contract/cli\`,
then \`cp node_modules/@konaplate-contract/cli/examples/ci-check.sh .\`): it starts the mock in
strict mode, waits on \`/__konaplate/health\`, runs \`konaplate conformance --junit\`, sends one call with
a correlation id of its own and reads it back from the journal. Settings come from the environment
(\`KONAPLATE_PORT\`, \`KONAPLATE_REPORTS\`, …; listed at its top).

\`\`\`sh
bash ci-check.sh   # exit 0: every conformance case passed and the journal holds the call
\`\`\``;
}

/** A README with its quick-start region replaced (the markers must be there, in order). */
export function withQuickStart(readme: string, region: string): string {
  return withRegion(mockReadme.path, readme, 'qa-quick-start', region);
}

/** packages/mock/README.md with its quick-start region regenerated from `doc`. */
export async function quickStartReadme(doc: OpenApiDocument): Promise<string> {
  return withQuickStart(await readFile(mockReadme.absolute, 'utf8'), quickStartMarkdown(doc));
}
