// The docs' samples as a partner copies them: fenced blocks of the generated Markdown pages, Redoc's
// x-codeSamples and the guides' fenced blocks in each edition's HTML, and a runner for each language
// (bash, tsx, python3, `java File.java`) that waits for the child's exit and hands back its output.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedDir, repoRoot } from '@konaplate-contract/codegen';
import { timeWindowSeconds, toolExt } from '@konaplate-contract/contract';
import { createMockServer, loadContract, utcOffsetsOf } from '@konaplate-contract/mock';

/** Every fenced block of a Markdown text, in order: its fence language and its text (without the fences). */
export function fencedBlocks(markdown: string): Array<{ fence: string; source: string }> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)\n```$/gm)].map((m) => ({
    fence: m[1] ?? '',
    source: `${m[2] ?? ''}\n`,
  }));
}

/** The text of the generated docs folder's file at a path (generated/docs/<path>). */
export const docsFile = (path: string) => readFileSync(join(generatedDir, 'docs', path), 'utf8');

/** The JSON object literal that starts at `start` in `text` (strings and escapes skipped over). */
function objectAt(text: string, start: number): unknown {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  throw new Error('unterminated JSON object');
}

/** The OpenAPI document a built Redoc page renders (Redocly inlines it as `__redoc_definition`). */
export function redocDefinition(html: string): {
  info: { description: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
} {
  const marker = 'const __redoc_definition = ';
  const at = html.indexOf(marker);
  if (at < 0) throw new Error('the page has no __redoc_definition');
  return objectAt(html, at + marker.length) as ReturnType<typeof redocDefinition>;
}

export interface PageSample {
  lang: string;
  label: string;
  source: string;
}

/** The x-codeSamples of every operation of a built page, by operationId. */
export function pageSamples(html: string): Map<string, PageSample[]> {
  const found = new Map<string, PageSample[]>();
  for (const methods of Object.values(redocDefinition(html).paths))
    for (const operation of Object.values(methods))
      found.set(String(operation.operationId), (operation[toolExt.codeSamples] ?? []) as PageSample[]);
  return found;
}

/** A source without its full-line comments (`#` or `//`): what must be the same in both editions. */
export const withoutComments = (source: string) =>
  source
    .split('\n')
    .filter((line) => !/^\s*(#|\/\/)/.test(line))
    .join('\n');

/** A source's full-line comments. */
export const commentsOf = (source: string) =>
  source
    .split('\n')
    .filter((line) => /^\s*(#|\/\/)/.test(line))
    .join('\n');

/** Whether a toolchain is there, and if not, why (for the title of the tests it would run). */
export function toolchain(command: string, args: string[]): { ok: boolean; reason: string } {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error) return { ok: false, reason: `${command} is not installed (${probe.error.message})` };
  if (probe.status !== 0)
    return { ok: false, reason: `\`${command} ${args.join(' ')}\` failed: ${probe.stderr.trim().split('\n').at(-1)}` };
  return { ok: true, reason: '' };
}

export const python = toolchain('python3', ['-c', 'import cryptography, urllib.request, hmac, hashlib']);
export const java = toolchain('javac', ['-version']);

/** A title that says why its tests are skipped when the toolchain is missing. */
export const titled = (title: string, tool: { ok: boolean; reason: string }) =>
  tool.ok ? title : `${title} (skipped: ${tool.reason})`;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its exit (never throws on a non-zero exit: the caller asserts the code). */
export function runToExit(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<Run>((resolve, reject) => {
    execFile(command, args, { ...options, timeout: 60_000, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

const tsx = createRequire(import.meta.url).resolve('tsx/cli');

/** Samples run at most this many at a time (a JVM or tsx start-up takes a core): queued, not thrashing. */
const slots = { free: Math.max(2, availableParallelism()), waiting: [] as Array<() => void> };
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

/** How long a sample's test may take on a loaded machine: queued behind others, then a JVM's start-up. */
export const sampleTimeout = 120_000;

/**
 * Runs one sample as its reader would: saved under the name its first comments give (or a plain one),
 * in a fresh folder holding `files` (the key files it reads), with `env` on top of this process's.
 * A Node sample is saved inside the client package, so its import resolves there as in an application.
 */
export function runSample(
  fence: string,
  source: string,
  env: Record<string, string>,
  files: Record<string, string> = {},
): Promise<Run> {
  return inSlot(() => runNow(fence, source, env, files));
}

async function runNow(fence: string, source: string, env: Record<string, string>, files: Record<string, string>) {
  const saveAs = /Save as (\S+?),/.exec(source)?.[1] ?? /(\S+) 파일로 저장/.exec(source)?.[1];
  const dir =
    fence === 'ts'
      ? mkdtempSync(join(repoRoot, 'packages/client/.tmp-sample-'))
      : mkdtempSync(join(tmpdir(), 'kona-sample-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const file = join(
      dir,
      saveAs ?? { bash: 'sample.sh', ts: 'sample.ts', python: 'sample.py', java: 'Sample.java' }[fence] ?? 'sample',
    );
    writeFileSync(file, source);
    const options = { cwd: dir, env: { ...process.env, ...env } };
    if (fence === 'bash') return await runToExit('bash', [file], options);
    if (fence === 'ts') return await runToExit(process.execPath, [tsx, file], options);
    if (fence === 'python') return await runToExit('python3', [file], options);
    if (fence === 'java') return await runToExit('java', [file], options);
    throw new Error(`no runner for a ${fence} sample`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The strict mock, as the samples meet it: signatures checked with `secret`, the spec's time window and
 * zones, on a free loopback port. `baseUrl` has no trailing slash.
 */
export async function strictMock(secret: string): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const contract = loadContract();
  const windowSeconds = timeWindowSeconds(contract.spec);
  if (windowSeconds === undefined) throw new Error('the spec states no X-KM-Tran-Time window');
  const mock = await createMockServer({
    contract,
    signing: { secret, windowSeconds, now: Date.now, utcOffsets: utcOffsetsOf(contract) },
  });
  const baseUrl = (await mock.listen(0, '127.0.0.1')).href.replace(/\/$/, '');
  return { baseUrl, close: () => mock.close() };
}
