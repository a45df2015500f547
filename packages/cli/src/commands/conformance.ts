// konaplate conformance: checks a server against the contract with cases derived from the spec.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { signHeaders } from '../client.ts';
import { deriveCases, type TestData } from '../conformance/cases.ts';
import { skipGroups } from '../conformance/checks.ts';
import { hints, junit, summary, table, totals, totalsLine } from '../conformance/report.ts';
import { runCases } from '../conformance/runner.ts';
import { type Operation, operations } from '../contract.ts';
import { env, loadCredentials, loadKeys, warnAll } from '../credentials.ts';
import { Failure, type Io, readFlagFile, UsageError } from '../io.ts';
import { joinUrl, requireOperation } from './shared.ts';

export const conformanceHelp = `konaplate conformance: check a server against the contract

Usage:
  konaplate conformance --base-url <url> [--test-data <file>] [--junit <file>] [--operation <id>] [--skip <group>]

Cases come from the spec: every documented scenario (by the spec's test cards, or your
--test-data), every required header and body field left out, each length and pattern just
outside its bounds, a wrong JSON type, malformed JSON, a wrong content type, and the
signature checks (a body changed after signing, a wrong secret, a stale time). Each answer is
checked: HTTP status as the error registry says, the envelope, the expected code, the message
(a warning only), the success payload against its schema, X-KM-Correlation-Id echoed, and no
card number or secret echoed.

Options:
  --base-url <url>             the server (or KONAPLATE_BASE_URL)
  --operation <operationId>    only this operation (repeatable): ${operations.map((o) => o.operationId).join(', ')}
  --test-data <file>           JSON or YAML: operationId → scenario name → request body (null skips
                               it); scenarios it does not name are skipped. For a real sandbox.
  --junit <file>               also write JUnit XML there (missing folders are created)
  --skip <group>               leave out a group of checks (repeatable); a kind of case is not sent
                               (counted as skipped), a check of the answers is not applied:
${Object.entries(skipGroups)
  .map(([name, g]) => `                                 ${name.padEnd(15)} ${g.what}`)
  .join('\n')}
  --secret-file <file>         the secret key, from a file (default KONAPLATE_SECRET_KEY, else the spec's
                               sample); never on the command line, where ps and shell history see it
  --time-zone <zone>           zone of X-KM-Tran-Time (default KST)
  --crypto-key-id <id> --server-public-key <file> --client-private-key <file>
                               run the encrypted scenario really encrypted
  --concurrency <n>            requests in flight (default 8)
  --timeout-ms <n>             per request (default 10000)
  --quiet                      print only failing cases, the summary and the totals
  --help                       this text

After the cases: each failing check with the number of cases it failed in, and each guess of the
contract at stake in a failing case with its count.

Exit codes: 0 every case conforms; 1 some case does not, or the server did not answer; 2 usage.

Example (the project's mock, strict):
  KONAPLATE_SECRET_KEY=… konaplate conformance --base-url http://127.0.0.1:4010 --junit conformance.xml`;

/** The --test-data file: JSON or YAML, checked against the operations and their scenario names. */
export function loadTestData(path: string): TestData {
  const text = readFlagFile('test-data', path);
  let data: unknown;
  try {
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(
      `--test-data: ${path} is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'} (${(error as Error).message.split('\n')[0]})`,
    );
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data)) throw new UsageError('--test-data: the file must map operationIds to scenarios');
  for (const [operationId, scenarios] of Object.entries(data)) {
    const operation = operations.find((o) => o.operationId === operationId);
    if (!operation)
      throw new UsageError(
        `--test-data: unknown operation "${operationId}"; operations: ${operations.map((o) => o.operationId).join(', ')}`,
      );
    if (!isObject(scenarios))
      throw new UsageError(`--test-data: ${operationId} must map scenario names to request bodies`);
    const names = operation.scenarios.map((s) => s.example);
    for (const [name, body] of Object.entries(scenarios)) {
      if (!names.includes(name))
        throw new UsageError(`--test-data: ${operationId} has no scenario "${name}"; scenarios: ${names.join(', ')}`);
      if (body !== null && !isObject(body))
        throw new UsageError(`--test-data: ${operationId}.${name} must be a request body object (or null to skip it)`);
    }
  }
  return data as TestData;
}

const positive = (flag: string, text: string | undefined, fallback: number, max: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}`);
  return value;
};

export async function conformanceCommand(argv: string[], io: Io): Promise<number> {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      'base-url': { type: 'string' },
      operation: { type: 'string', multiple: true },
      'test-data': { type: 'string' },
      junit: { type: 'string' },
      'secret-file': { type: 'string' },
      'time-zone': { type: 'string' },
      'crypto-key-id': { type: 'string' },
      'server-public-key': { type: 'string' },
      'client-private-key': { type: 'string' },
      concurrency: { type: 'string' },
      'timeout-ms': { type: 'string' },
      skip: { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (flags.help) {
    io.out(`${conformanceHelp}\n`);
    return 0;
  }
  const baseUrl = flags['base-url'] ?? io.env[env.baseUrl];
  if (baseUrl === undefined) throw new UsageError('--base-url is required (the server to check)');
  joinUrl(baseUrl, '/');
  const selected: Operation[] = flags.operation ? flags.operation.map(requireOperation) : operations;
  const testData = flags['test-data'] ? loadTestData(flags['test-data']) : undefined;
  const concurrency = positive('concurrency', flags.concurrency, 8, 64);
  const timeoutMs = positive('timeout-ms', flags['timeout-ms'], 10_000, 600_000);
  const credentials = loadCredentials(io, flags, baseUrl);
  const keys = loadKeys(io, flags, 'required');
  const skipped = (flags.skip ?? []).map((name) => {
    const group = Object.hasOwn(skipGroups, name) ? skipGroups[name] : undefined;
    if (!group)
      throw new UsageError(
        `--skip: unknown group "${name.slice(0, 40)}"; groups: ${Object.keys(skipGroups).join(', ')}`,
      );
    return group;
  });
  const skipKinds = new Set(skipped.flatMap((g) => (g.kind ? [g.kind] : [])));
  const skipChecks = new Set(skipped.flatMap((g) => g.checks ?? []));
  if (!keys && flags['crypto-key-id'] !== undefined)
    throw new UsageError('--crypto-key-id needs --server-public-key and --client-private-key');
  warnAll(io, credentials);

  const started = performance.now();
  const sampleHeaders = await signHeaders(
    { ...credentials, ...(keys ? { cryptoKeyId: keys.keyId } : {}) },
    JSON.stringify(selected[0]?.requestExample ?? {}),
  );
  const cases = deriveCases({
    operations: selected,
    sampleHeaders,
    ...(testData ? { testData } : {}),
    encryption: keys !== undefined,
  }).map((c) => (skipKinds.has(c.kind) && !c.skip ? { ...c, skip: `--skip ${c.kind}` } : c));
  const outcomes = await runCases(cases, {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    credentials,
    ...(keys ? { keys } : {}),
    concurrency,
    timeoutMs,
    skipChecks,
  });
  const seconds = (performance.now() - started) / 1000;
  const shown = flags.quiet ? outcomes.filter((o) => o.result === 'fail') : outcomes;
  io.out(table(shown));
  const t = totals(outcomes);
  for (const line of summary(outcomes)) io.out(`${line}\n`);
  for (const hint of hints(outcomes)) io.out(`${hint}\n`);
  io.out(`${totalsLine(t, seconds)}\n`);
  if (flags.junit) {
    try {
      mkdirSync(dirname(flags.junit), { recursive: true });
      writeFileSync(flags.junit, junit(outcomes, seconds, baseUrl));
    } catch (error) {
      throw new Failure(`cannot write --junit ${flags.junit} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (t.failed > 0 && outcomes.every((o) => o.result !== 'pass' && o.failures.some((f) => f.check === 'answer')))
    throw new Failure(`no answer from ${baseUrl}: is the server running?`);
  return t.failed === 0 ? 0 : 1;
}
