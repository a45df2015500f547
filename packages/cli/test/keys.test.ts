// konaplate keys and konaplate decrypt: TEST-ONLY key pairs whose printed commands work as printed (the
// real mock started with them, the call and the sign | bash | decrypt pipeline run against it), and
// decryption of a compact JWE or an {"encData"} body, with one line for a wrong key or a malformed input.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { encryptBody } from '@konaplate-contract/client/tools';
import { beforeAll, describe, expect, it } from 'vitest';
import { bash, cli, freePort, repoRoot, SECRET, shellWords } from './support.ts';

const files = [
  'server-private.test-only.pem',
  'server-public.test-only.pem',
  'client-private.test-only.pem',
  'client-public.test-only.pem',
];
const oneLine = (text: string) => {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
};

let dir: string;
let printed: string;
beforeAll(async () => {
  dir = `${await mkdtemp(`${tmpdir()}/konaplate-keys-`)}/not/yet/there`;
  const run = await cli(['keys', '--out', dir]);
  expect([run.code, run.err]).toEqual([0, '']);
  printed = run.out;
}, 60_000); // two RSA-2048 pairs: seconds on a loaded machine

/** The printed command line that starts with `prefix`, as bash would split it (the prefix words dropped). */
async function printedCommand(prefix: string): Promise<string[]> {
  const line = printed.split('\n').find((l) => l.startsWith(`  ${prefix} `));
  expect(line, `a line starting with ${prefix}`).toBeDefined();
  return (await shellWords((line as string).trim())).slice(prefix.split(' ').length);
}

describe('konaplate keys --out', () => {
  it('writes four PEM files (missing folders created), each starting with a TEST-ONLY comment line', async () => {
    for (const file of files) {
      const text = await readFile(`${dir}/${file}`, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# TEST-ONLY /);
      expect(text).toContain(file.includes('private') ? '-----BEGIN PRIVATE KEY-----' : '-----BEGIN PUBLIC KEY-----');
      // The private keys are the owner's alone.
      if (file.includes('private')) expect((await stat(`${dir}/${file}`)).mode & 0o077).toBe(0);
      expect(printed).toContain(`${dir}/${file}`);
    }
    expect(printed).toMatch(/^TEST-ONLY key pairs written/);
  });

  it('prints a mock command and a call that work as printed: encrypted both ways, against the real mock', async () => {
    const mockArgs = await printedCommand('npx konaplate-mock');
    expect(mockArgs).toEqual(
      expect.arrayContaining(['--server-private-key', '--client-public-key', '--crypto-key-id']),
    );
    const port = await freePort();
    const mock = spawn(
      process.execPath,
      [`${repoRoot}packages/mock/bin/konaplate-mock.mjs`, ...mockArgs, '--port', String(port), '--workers', '1'],
      { env: { ...process.env, KONAPLATE_MOCK_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await listening(mock);
      const call = (await printedCommand('npx konaplate')).map((w) => (w === 'http://127.0.0.1:4010' ? url : w));
      expect(call.slice(0, 2)).toEqual(['call', 'inquireUnregisteredCard']);
      const answer = await cli(call, { KONAPLATE_SECRET_KEY: SECRET });
      expect([answer.code, answer.err]).toEqual([0, '']);
      expect(JSON.parse(answer.out).response.code).toBe('000_000');

      // sign (the server key alone) | bash | decrypt (the client key)
      const pipeline = printed.split('\n').find((l) => l.startsWith('  npx konaplate sign '));
      const [signPart, bashPart, decryptPart] = (pipeline ?? '').trim().split(' | ');
      expect(bashPart).toBe('bash');
      const sign = (await shellWords(signPart ?? '')).slice(2).map((w) => (w === 'http://127.0.0.1:4010' ? url : w));
      expect(sign).not.toContain('--client-private-key');
      const curl = await cli(sign, { KONAPLATE_SECRET_KEY: SECRET });
      expect(curl.code).toBe(0);
      const sealed = await bash(curl.out);
      expect(Object.keys(JSON.parse(sealed))).toEqual(['encData']);
      const read = await cli((await shellWords(decryptPart ?? '')).slice(2), {}, sealed);
      expect([read.code, read.err]).toEqual([0, '']);
      expect(JSON.parse(read.out).response.code).toBe('000_000');
    } finally {
      await stop(mock);
    }
  }, 60_000);

  it('in the repository, the commands are its scripts (pnpm mock, pnpm -s konaplate)', async () => {
    const out = `${await mkdtemp(`${tmpdir()}/konaplate-keys-repo-`)}`;
    const run = await cli(['keys', '--out', out], {
      npm_lifecycle_event: 'konaplate',
      npm_lifecycle_script: 'tsx packages/cli/src/main.ts',
      npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64',
    });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^ {2}pnpm mock --server-private-key /m);
    expect(run.out).toMatch(/^ {2}pnpm -s konaplate call /m);
  }, 60_000);

  it('refuses to replace existing files (one line naming them, nothing written) unless --force', async () => {
    const before = await Promise.all(files.map((f) => readFile(`${dir}/${f}`, 'utf8')));
    const again = await cli(['keys', '--out', dir]);
    expect([again.code, again.out]).toEqual([2, '']);
    oneLine(again.err);
    expect(again.err).toContain(`--out: ${dir} already holds ${files.join(', ')}; give --force to replace them`);
    expect(await Promise.all(files.map((f) => readFile(`${dir}/${f}`, 'utf8')))).toEqual(before);

    const forced = await cli(['keys', '--out', dir, '--force']);
    expect(forced.code).toBe(0);
    const after = await Promise.all(files.map((f) => readFile(`${dir}/${f}`, 'utf8')));
    for (const [i, text] of after.entries()) expect(text).not.toBe(before[i]);
    expect((await stat(`${dir}/${files[0]}`)).mode & 0o077).toBe(0);
  }, 60_000);

  it('--out is required: exit 2, one line', async () => {
    const { code, out, err } = await cli(['keys']);
    expect([code, out]).toEqual([2, '']);
    oneLine(err);
    expect(err).toMatch(/^konaplate keys: --out <dir> is required/);
  });
});

describe('konaplate decrypt --private-key', () => {
  const request = '{"cardNo":"9491230000000017","note":"한글"}';
  let serverPublic: string;
  let sealed: string;
  beforeAll(async () => {
    serverPublic = await readFile(`${dir}/server-public.test-only.pem`, 'utf8');
    sealed = await encryptBody({ serverPublicKey: serverPublic }, request);
  }, 30_000);
  const decrypt = (stdin: string | undefined, args: string[] = []) =>
    cli(['decrypt', '--private-key', `${dir}/server-private.test-only.pem`, ...args], {}, stdin);

  it('reads an {"encData": …} body or the bare compact JWE; sensitive fields masked, --reveal prints the bytes', async () => {
    const jwe = JSON.parse(sealed).encData as string;
    expect(jwe.split('.')).toHaveLength(5);
    for (const input of [sealed, jwe, `${jwe}\n`]) {
      const masked = await decrypt(input);
      expect([masked.code, masked.err]).toEqual([0, '']);
      expect(JSON.parse(masked.out)).toEqual({ cardNo: '************0017', note: '한글' });
      expect(masked.out).not.toContain('9491230000000017');
      expect(await decrypt(input, ['--reveal'])).toEqual({ code: 0, out: `${request}\n`, err: '' });
    }
  });

  it('a wrong key is exit 1, one line', async () => {
    const { code, out, err } = await cli(
      ['decrypt', '--private-key', `${dir}/client-private.test-only.pem`],
      {},
      sealed,
    );
    expect([code, out]).toEqual([1, '']);
    oneLine(err);
    expect(err).toMatch(/^konaplate decrypt: it does not decrypt with --private-key /);
  });

  it.each([
    ['not a JWE at all', 2, /standard input is neither a compact JWE .* nor a \{"encData": "<JWE>"\} body/],
    ['{"encData": 42}', 2, /standard input is neither a compact JWE/],
    ['{"response":{"code":"000_002"}}', 2, /standard input is neither a compact JWE/],
    ['aaaa.bbbb.cccc.dddd.eeee', 1, /it does not decrypt with --private-key/],
  ])('malformed input %j: exit %i, one line', async (input, exit, message) => {
    const { code, out, err } = await decrypt(input);
    expect([code, out]).toEqual([exit, '']);
    oneLine(err);
    expect(err).toMatch(message);
  });

  it('a changed ciphertext does not decrypt: exit 1, one line', async () => {
    const parts = (JSON.parse(sealed).encData as string).split('.');
    parts[3] = `${parts[3]?.startsWith('A') ? 'B' : 'A'}${parts[3]?.slice(1)}`;
    const { code, err } = await decrypt(parts.join('.'));
    expect(code).toBe(1);
    oneLine(err);
  });

  it('bad key flags and no standard input are usage errors: exit 2, one line', async () => {
    const publicKey = await cli(['decrypt', '--private-key', `${dir}/server-public.test-only.pem`], {}, sealed);
    expect(publicKey.code).toBe(2);
    expect(publicKey.err).toMatch(/--private-key must be an RSA private key in PKCS#8 PEM/);
    const notThere = await cli(['decrypt', '--private-key', `${dir}/nope.pem`], {}, sealed);
    expect(notThere.code).toBe(2);
    expect(notThere.err).toMatch(/--private-key: cannot read .*nope\.pem \(ENOENT\)/);
    const noKey = await cli(['decrypt'], {}, sealed);
    expect(noKey.code).toBe(2);
    expect(noKey.err).toMatch(/--private-key <file> is required/);
    const noInput = await decrypt(undefined);
    expect(noInput.code).toBe(2);
    expect(noInput.err).toMatch(/decrypt: no standard input to read/);
    await writeFile(`${dir}/garbage.pem`, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    const garbage = await cli(['decrypt', '--private-key', `${dir}/garbage.pem`], {}, sealed);
    expect(garbage.code).toBe(2);
    expect(garbage.err).toMatch(/--private-key is not an RSA private key in PKCS#8 PEM/);
    for (const run of [publicKey, notThere, noKey, noInput, garbage]) oneLine(run.err);
  });
});

/** The URL in the mock's start banner, once it prints it (the mock is ready then). */
function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = '';
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(log)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`the mock exited (${code}) before listening:\n${log}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
