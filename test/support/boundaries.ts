// The workspace's boundaries as a check over source text: which imports a file may make, and where the
// spec's extension names may be spelled. Pure functions over { path, text } so the test can show each
// rule failing on a made-up file as well as passing on the tree.
import { posix } from 'node:path';

export interface SourceFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  text: string;
}

export interface PackageInfo {
  /** Folder under packages/. */
  dir: string;
  name: string;
  /** Workspace packages it declares (dependencies, devDependencies). */
  declared: Set<string>;
  /** Subpaths of its exports ('.', './protocol', ...). */
  exports: Set<string>;
}

const scope = '@konaplate-contract/';

/**
 * The text with comments and the insides of template literals blanked (newlines kept, so line numbers
 * hold): an import written inside a code sample's template is text, not an import.
 */
export function blankedTemplatesAndComments(text: string): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
      out += `\`${blank(text.slice(i + 1, j))}\``;
      i = j + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Every module specifier a file imports or re-exports, statically or dynamically, with its line. */
export function importsOf(source: string): Array<{ specifier: string; line: number }> {
  const text = blankedTemplatesAndComments(source);
  const found: Array<{ specifier: string; line: number }> = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ specifier: match[1] as string, line });
    }
  return found;
}

/** The package a repository path belongs to (its folder under packages/), if any. */
const packageDirOf = (path: string): string | undefined => /^packages\/([^/]+)\//.exec(path)?.[1];

/** What is wrong with a file's imports, one line each (`path:line: ...`). */
export function importProblems(file: SourceFile, packages: Map<string, PackageInfo>): string[] {
  const problems: string[] = [];
  const byName = new Map([...packages.values()].map((p) => [p.name, p]));
  const own = packageDirOf(file.path);
  const ownInfo = own ? packages.get(own) : undefined;
  for (const { specifier, line } of importsOf(file.text)) {
    const at = `${file.path}:${line}: ${specifier}`;
    if (specifier.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
      const targetPackage = packageDirOf(target);
      if (target.startsWith('generated/')) {
        if (own === 'contract') problems.push(`${at}: the contract package reads no generated code`);
        continue;
      }
      if (own) {
        if (targetPackage !== own)
          problems.push(`${at}: reaches outside packages/${own}/ (import other packages by name)`);
      } else if (targetPackage !== undefined) {
        problems.push(`${at}: reaches into packages/${targetPackage}/ (import it by its package name)`);
      } else if (target.startsWith('scripts/') && !file.path.startsWith('scripts/')) {
        problems.push(`${at}: reaches into scripts/ (entry points only; use @konaplate-contract/codegen)`);
      }
      continue;
    }
    if (!specifier.startsWith(scope)) continue;
    const [name, subpath] = ((): [string, string] => {
      const rest = specifier.slice(scope.length);
      const slash = rest.indexOf('/');
      return slash < 0 ? [specifier, '.'] : [`${scope}${rest.slice(0, slash)}`, `./${rest.slice(slash + 1)}`];
    })();
    const target = byName.get(name);
    if (!target) {
      problems.push(`${at}: no workspace package is called ${name}`);
      continue;
    }
    if (!target.exports.has(subpath)) problems.push(`${at}: ${name} exports no ${subpath}`);
    if (ownInfo) {
      // A package may name itself (Node's self-reference through its exports), as its consumer tests do.
      if (ownInfo.name !== name && !ownInfo.declared.has(name))
        problems.push(`${at}: ${ownInfo.name} does not declare ${name}`);
      if (own === 'contract' && ownInfo.name !== name)
        problems.push(`${at}: the contract package depends on no other workspace package`);
      if (own === 'codegen' && ['cli', 'mock', 'client'].some((p) => name === `${scope}${p}`))
        problems.push(`${at}: generation depends on the contract, never on the CLI, the mock or the client`);
    }
  }
  return problems;
}

/** Comments removed (line and block), so a name mentioned in prose does not count. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Where each extension name is spelled in code (comments aside), by file. */
export function extensionSpellings(files: SourceFile[], names: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\w-])${name.replace(/-/g, '\\-')}(?![\\w-])`);
    found.set(
      name,
      files.filter((f) => pattern.test(withoutComments(f.text))).map((f) => f.path),
    );
  }
  return found;
}
