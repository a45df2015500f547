// The top level: help, version and a missing command.
import { describe, expect, it } from 'vitest';
import { cli, spec } from './support.ts';

describe('konaplate', () => {
  it('--help lists the commands and every operation of the spec, on stdout, exit 0', async () => {
    const { code, out, err } = await cli(['--help']);
    expect([code, err]).toEqual([0, '']);
    for (const command of ['konaplate sign', 'konaplate call', 'konaplate conformance']) expect(out).toContain(command);
    for (const item of Object.values(spec.paths) as Array<{ post: { operationId: string } }>)
      expect(out).toContain(item.post.operationId);
  });

  it('no command is a usage error: the help on stderr, exit 2', async () => {
    const { code, out, err } = await cli([]);
    expect([code, out]).toEqual([2, '']);
    expect(err).toContain('Commands:');
  });

  it('--version prints the contract version it was built with', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: `${spec.info.version}\n`, err: '' });
  });
});
