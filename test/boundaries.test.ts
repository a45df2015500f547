// The workspace's boundaries, checked over every source file: packages import each other by name only
// (never scripts/ or another package's files), the contract package depends on no other, generation never
// on the CLI, the mock or the client; and each spec extension's name is spelled in one hand-written file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ext, koreanTwin, toolExt } from '@konaplate-contract/contract';
import { describe, expect, it } from 'vitest';
import {
  extensionSpellings,
  importProblems,
  importsOf,
  type PackageInfo,
  type SourceFile,
} from './support/boundaries.ts';

const root = join(import.meta.dirname, '..');
const sourceExtension = /\.(ts|mts|mjs|js)$/;

function walk(dir: string): string[] {
  const entries = (() => {
    try {
      return readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return [];
    }
  })();
  return entries.flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : walk(path);
    return sourceExtension.test(entry.name) ? [path] : [];
  });
}

const read = (path: string): SourceFile => ({ path, text: readFileSync(join(root, path), 'utf8') });

const packageDirs = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function packageInfo(dir: string): PackageInfo {
  const json = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  const declared = new Set(
    Object.keys({ ...json.dependencies, ...json.devDependencies, ...json.peerDependencies }).filter((n) =>
      n.startsWith('@konaplate-contract/'),
    ),
  );
  return { dir, name: json.name, declared, exports: new Set(Object.keys(json.exports ?? {})) };
}

const packages = new Map(packageDirs.map((dir) => [dir, packageInfo(dir)]));
const packageFiles = packageDirs.flatMap((dir) =>
  ['src', 'test', 'scripts', 'bin', 'examples'].flatMap((part) => walk(`packages/${dir}/${part}`)),
);
// This file holds made-up violations as test data, in strings: it is not walked.
const rootFiles = [...walk('scripts'), ...walk('test')].filter((f) => f !== 'test/boundaries.test.ts');
const handWritten = [
  ...packageDirs.flatMap((dir) => ['src', 'scripts', 'bin'].flatMap((part) => walk(`packages/${dir}/${part}`))),
  ...walk('scripts'),
].map(read);

describe('imports', () => {
  it('finds the workspace', () => {
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['contract', 'codegen', 'client', 'mock', 'cli']));
    expect(packageFiles.length).toBeGreaterThan(50);
    expect(rootFiles.length).toBeGreaterThan(20);
  });

  it('every file under packages/, scripts/ and test/ keeps to the boundaries', () => {
    const problems = [...packageFiles, ...rootFiles].map(read).flatMap((file) => importProblems(file, packages));
    expect(problems).toEqual([]);
  });

  it('reads static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from '@konaplate-contract/contract';",
      "const d = await import('../../scripts/lib/x.ts');",
      "import './side-effect.ts';",
    ].join('\n');
    expect(importsOf(text).map((i) => [i.specifier, i.line])).toEqual([
      ['./a.ts', 1],
      ['../b.ts', 2],
      ['@konaplate-contract/contract', 3],
      ['./side-effect.ts', 5],
      ['../../scripts/lib/x.ts', 4],
    ]);
  });

  const problemsOf = (path: string, line: string) => importProblems({ path, text: line }, packages);

  it.each([
    ['packages/cli/src/x.ts', "import { m } from '../../../scripts/lib/model.ts';", 'reaches outside packages/cli/'],
    ['packages/cli/test/x.ts', "import { k } from '../../mock/src/encryption.ts';", 'reaches outside packages/cli/'],
    ['test/x.test.ts', "import { g } from '../packages/codegen/src/generate.ts';", 'reaches into packages/codegen/'],
    ['bench/x.ts', "import { g } from '../scripts/lib/generate.ts';", 'reaches into scripts/'],
    ['packages/contract/src/x.ts', "import { s } from '@konaplate-contract/client';", 'depends on no other'],
    ['packages/contract/src/x.ts', "import s from '../../../generated/openapi.json';", 'reads no generated code'],
    ['packages/codegen/src/x.ts', "import { run } from '@konaplate-contract/mock';", 'never on the CLI, the mock'],
    ['packages/mock/src/x.ts', "import { x } from '@konaplate-contract/contract/internal';", 'exports no ./internal'],
    ['packages/spec-rules/src/x.ts', "import { x } from '@konaplate-contract/mock';", 'does not declare'],
  ])('refuses %s importing: %s', (path, line, message) => {
    expect(problemsOf(path, line).join('\n')).toContain(message);
  });

  it('allows what the packages use: another package by name and export, generated/ from a package', () => {
    expect(
      problemsOf('packages/cli/src/x.ts', "import { pemBlock } from '@konaplate-contract/contract/protocol';"),
    ).toEqual([]);
    expect(
      problemsOf('packages/client/src/x.ts', "import { a } from '../../../generated/client/contract.ts';"),
    ).toEqual([]);
    expect(problemsOf('scripts/generate.ts', "import { generateAll } from '@konaplate-contract/codegen';")).toEqual([]);
  });
});

describe('extension names', () => {
  const names = [...Object.values(ext), ...Object.values(koreanTwin), ...Object.values(toolExt)] as string[];
  const home = 'packages/contract/src/extensions.ts';

  it('has the names, and hand-written files to look in', () => {
    expect(names.length).toBeGreaterThan(20);
    expect(handWritten.map((f) => f.path)).toContain(home);
  });

  it(`each is spelled in code only in ${home} (every other file asks for ext.<name>)`, () => {
    const spellings = extensionSpellings(handWritten, names);
    const elsewhere = [...spellings].flatMap(([name, files]) =>
      files.filter((f) => f !== home).map((f) => `${name} in ${f}`),
    );
    expect(elsewhere).toEqual([]);
    expect([...spellings].filter(([, files]) => !files.includes(home)).map(([name]) => name)).toEqual([]);
  });

  it('counts a spelling in code, not in a comment', () => {
    const file = (text: string) => [{ path: 'packages/x/src/a.ts', text }];
    expect(extensionSpellings(file("const s = schema['x-sensitive'];"), ['x-sensitive']).get('x-sensitive')).toEqual([
      'packages/x/src/a.ts',
    ]);
    expect(extensionSpellings(file('const m = `needs x-sensitive`;'), ['x-sensitive']).get('x-sensitive')).toHaveLength(
      1,
    );
    expect(
      extensionSpellings(file('// marked x-sensitive\n/* x-sensitive */'), ['x-sensitive']).get('x-sensitive'),
    ).toEqual([]);
    expect(extensionSpellings(file("const k = 'x-sensitive-not';"), ['x-sensitive']).get('x-sensitive')).toEqual([]);
  });

  it('every extension the spec is written with is one the contract names', () => {
    const yamlFiles = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? yamlFiles(`${dir}/${e.name}`) : e.name.endsWith('.yaml') ? [`${dir}/${e.name}`] : [],
      );
    const used = new Set(
      yamlFiles('spec').flatMap((f) =>
        [...readFileSync(join(root, f), 'utf8').matchAll(/^\s*(?:- )?(x-[A-Za-z-]+):/gm)].map((m) => m[1] as string),
      ),
    );
    expect(used.size).toBeGreaterThan(10);
    // x-internal is Redocly's own (its remove-x-internal decorator reads it; see redocly.yaml).
    expect([...used].filter((n) => !names.includes(n) && n !== 'x-internal')).toEqual([]);
  });
});
