// The top level: help, version and a missing command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, spec } from './support.ts';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('konaplate', () => {
  it('--help lists the commands and every operation of the spec, on stdout, exit 0', async () => {
    const { code, out, err } = await cli(['--help']);
    expect([code, err]).toEqual([0, '']);
    for (const command of [
      'konaplate sign',
      'konaplate call',
      'konaplate conformance',
      'konaplate keys',
      'konaplate decrypt',
    ])
      expect(out).toContain(command);
    for (const item of Object.values(spec.paths) as Array<{ post: { operationId: string } }>)
      expect(out).toContain(item.post.operationId);
  });

  it('no command is a usage error: the help on stderr, exit 2', async () => {
    const { code, out, err } = await cli([]);
    expect([code, out]).toEqual([2, '']);
    expect(err).toContain('Commands:');
  });

  it("--version prints the package's version and the contract's it was built with", async () => {
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await cli(['--version'])).toEqual({
      code: 0,
      out: `konaplate ${manifest.version} (contract ${spec.info.version})\n`,
      err: '',
    });
  });

  it('each command has --help on stdout, exit 0, and a mistyped command lists them all', async () => {
    for (const command of ['sign', 'call', 'conformance', 'keys', 'decrypt']) {
      const { code, out, err } = await cli([command, '--help']);
      expect([code, err]).toEqual([0, '']);
      expect(out).toMatch(new RegExp(`^konaplate ${command}: `));
    }
    const wrong = await cli(['key']);
    expect(wrong).toEqual({
      code: 2,
      out: '',
      err: 'konaplate: unknown command "key"; commands: sign, call, conformance, keys, decrypt\n',
    });
  });
});
