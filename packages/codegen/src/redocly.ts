import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { parse } from 'yaml';
import { inlineGuides } from './guides.ts';

const run = promisify(execFile);
const redoclyBin = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** Runs a Redocly CLI command; on failure, throws with Redocly's own report (less its banner). */
export async function redocly(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [redoclyBin, ...args], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
    const report = `${stdout}\n${stderr}`
      .split('\n')
      .filter((line) => !/[║╔╚═]/.test(line))
      .join('\n')
      .trim();
    throw new Error(`redocly ${args[0]} failed:\n${report}`);
  }
}

/**
 * Bundles the multi-file spec into one document with Redocly CLI; component
 * names come from file names. The docs' guides (`x-guides`) are inlined after,
 * since Redocly does not follow references inside an extension.
 */
export async function bundleSpec(entry: string): Promise<OpenApiDocument> {
  const dir = await mkdtemp(join(tmpdir(), 'kona-bundle-'));
  try {
    const out = join(dir, 'openapi.yaml');
    await redocly(['bundle', entry, '--output', out]);
    return await inlineGuides(parse(await readFile(out, 'utf8')) as OpenApiDocument, entry);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
