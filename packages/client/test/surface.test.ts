// The package's surface: the root is what an application uses (at most 25 names, values and types
// together); what tools use is `/tools`. Every name of both is in the README.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.ts';
import * as tools from '../src/tools.ts';

/** The names a module exports, types included, read from its source. */
function exportedNames(file: string): string[] {
  const text = readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8');
  const listed = [...text.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] as string)
      .split(',')
      .map(
        (name) =>
          name
            .trim()
            .split(/\s+as\s+/)
            .pop() as string,
      )
      .filter(Boolean),
  );
  const declared = [...text.matchAll(/export (?:async )?(?:function|const|class) (\w+)/g)].map((m) => m[1] as string);
  return [...listed, ...declared].sort();
}

const rootNames = exportedNames('index.ts');
const toolNames = exportedNames('tools.ts');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the root export', () => {
  it('is what an application uses, and at most 25 names', () => {
    expect(rootNames).toEqual(
      [
        'CallOptions',
        'createKonaplateClient',
        'DataOf',
        'EncryptionConfig',
        'environmentVariables',
        'ErrorCode',
        'ErrorCodeOf',
        'isKonaplateError',
        'KonaplateClient',
        'KonaplateClientConfig',
        'KonaplateClientError',
        'KonaplateConfigError',
        'KonaplateContractError',
        'KonaplateError',
        'KonaplateEvents',
        'KonaplateFailure',
        'KonaplateHooks',
        'KonaplateResponseError',
        'KonaplateResult',
        'KonaplateTransportError',
        'KonaplateValidationError',
        'OperationId',
        'RequestOf',
        'RetryOptions',
        'redact',
      ].sort(),
    );
    expect(rootNames.length).toBeLessThanOrEqual(25);
  });

  it('its values are the ones the module has at run time', () => {
    const values = Object.keys(root).sort();
    expect(values.length).toBeGreaterThan(5);
    expect(values.every((name) => rootNames.includes(name))).toBe(true);
  });
});

describe('the tools export', () => {
  it('holds the signing, checking and reading tools, none of the root’s', () => {
    for (const name of [
      'signHeaders',
      'tranToken',
      'time17',
      'readBody',
      'TooLarge',
      'checkResponse',
      'validateRequest',
      'encryptBody',
      'headerValues',
    ])
      expect(toolNames).toContain(name);
    expect(toolNames.filter((name) => rootNames.includes(name))).toEqual([]);
    expect(Object.keys(tools).every((name) => toolNames.includes(name))).toBe(true);
  });
});

describe('the README', () => {
  const names = [...rootNames, ...toolNames];

  it('has names to look for', () => {
    expect(names.length).toBeGreaterThan(40);
  });

  it.each(names)('names `%s`', (name) => {
    expect(readme).toMatch(new RegExp(`\`${name}[\`<(.]`));
  });
});
