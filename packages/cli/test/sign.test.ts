// konaplate sign: the headers, the token over the exact bytes, and a curl line
// that the strict mock accepts as printed.
import { createHmac } from 'node:crypto';
import { loadKeys } from '@konaplate-contract/mock';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bash, cli, closeAll, SECRET, spec, startMock } from './support.ts';

const headerOrder = spec.paths['/api/v1/card/virtual-account/inquiry'].post.parameters.map(
  (p: { $ref: string }) => spec.components.parameters[p.$ref.split('/').at(-1) as string].name,
);
const sample = (schema: string) => spec.components.schemas[schema].examples[0];
const testVector = spec.components.securitySchemes.TranToken['x-test-vector'];

function parseHeaders(text: string): Array<[string, string]> {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const at = line.indexOf(': ');
      return [line.slice(0, at), line.slice(at + 2)] as [string, string];
    });
}
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');

let strict: string;
beforeAll(async () => {
  strict = await startMock({ secret: SECRET });
}, 60_000); // a loaded machine (the suites run side by side) takes more than the default 10 s
afterAll(closeAll);

describe('konaplate sign', () => {
  it('prints the seven headers in the spec order, one "Name: value" a line, token over the exact bytes', async () => {
    const body = '{ "cardNo" : "9491230000000017" }'; // odd spacing: signed as given, not re-serialized
    const { code, out, err } = await cli(['sign', '--body', body]);
    expect([code, err]).toEqual([0, '']);
    const headers = parseHeaders(out);
    expect(headers.map(([name]) => name)).toEqual(headerOrder.filter((n: string) => n !== 'X-KM-Crypto-Key-Id'));
    expect(headers).toHaveLength(6); // the seventh declared header, X-KM-Crypto-Key-Id, comes with an encrypted body
    const h = Object.fromEntries(headers);
    const [, time, token] = /^KMV1:(\d{17}):(.+)$/.exec(h['X-KM-Tran-Token'] ?? '') ?? [];
    expect(token).toBe(mac(testVector.secretKey, body));
    expect(h['X-KM-Tran-Time']).toBe(time?.slice(0, 14));
    expect(h['X-KM-Correlation-Id']).toMatch(new RegExp(spec.components.schemas.CorrelationId.pattern));
    expect(h['X-KM-Correlation-Id']?.slice(0, 12)).toBe(time?.slice(2, 14));
  });

  it("defaults to the spec's sandbox samples, and takes KONAPLATE_* from the environment instead", async () => {
    const defaults = Object.fromEntries(parseHeaders((await cli(['sign', '--body', '{}'])).out));
    expect(defaults['X-KM-User-AspId']).toBe(sample('AspId'));
    expect(defaults['X-KM-Access-Key']).toBe(sample('AccessKey'));
    expect(defaults['X-KM-Time-Zone']).toBe(sample('TimeZone'));
    const env = {
      KONAPLATE_ASP_ID: 'ASPTEST00000042',
      KONAPLATE_ACCESS_KEY: 'a'.repeat(40),
      KONAPLATE_SECRET_KEY: SECRET,
      KONAPLATE_TIME_ZONE: 'UTC',
    };
    const mine = Object.fromEntries(parseHeaders((await cli(['sign', '--body', '{"cardNo":"1"}'], env)).out));
    expect(mine['X-KM-User-AspId']).toBe(env.KONAPLATE_ASP_ID);
    expect(mine['X-KM-Access-Key']).toBe(env.KONAPLATE_ACCESS_KEY);
    expect(mine['X-KM-Time-Zone']).toBe('UTC');
    expect(mine['X-KM-Tran-Token']?.split(':')[2]).toBe(mac(SECRET, '{"cardNo":"1"}'));
  });

  it("warns on stderr when a server elsewhere would get the documentation secret's token; never for this machine", async () => {
    const args = (url: string) => [
      'sign',
      '--curl',
      '--operation',
      'inquireCardVirtualAccount',
      '--base-url',
      url,
      '--body',
      '{"cardNo":"9491230000000017"}',
    ];
    const remote = await cli(args('https://partner-sandbox.example.com'));
    expect(remote.code).toBe(0);
    expect(remote.out).toMatch(/^curl -sS -X POST https:\/\/partner-sandbox/);
    expect(remote.err).toBe(
      "konaplate: warning: KONAPLATE_SECRET_KEY is not set, so requests to partner-sandbox.example.com are signed with the spec's documentation secret; set it (or --secret-file) to your project's secret key\n",
    );
    expect((await cli(args('https://partner-sandbox.example.com'), { KONAPLATE_SECRET_KEY: SECRET })).err).toBe('');
    for (const local of [
      'http://127.0.0.1:4010',
      'http://localhost:4010',
      'http://[::1]:4010',
      'http://[::ffff:127.0.0.1]:4010',
      'http://127.8.9.10:4010',
    ])
      expect((await cli(args(local))).err).toBe('');
  });

  it('no warning where nothing is sent: plain headers, whatever KONAPLATE_BASE_URL says, even a malformed one', async () => {
    for (const url of ['https://partner-sandbox.example.com', 'not a url']) {
      const run = await cli(['sign', '--body', '{"cardNo":"9491230000000017"}'], { KONAPLATE_BASE_URL: url });
      expect([run.code, run.err]).toEqual([0, '']);
      expect(run.out).toMatch(/^X-KM-User-AspId: /);
    }
  });

  it('a command refused for another reason says only that: the warning waits until something would be sent', async () => {
    const run = await cli([
      'call',
      'inquireCardVirtualAccount',
      '--base-url',
      'https://partner-sandbox.example.com',
      '--body',
      '{"cardNo":"9491230000000017"}',
      '--server-public-key',
      'server.pem',
    ]);
    expect(run.code).toBe(2);
    expect(run.err.trimEnd().split('\n')).toEqual([
      'konaplate call: --server-public-key needs --client-private-key too (encrypted answers are decrypted with it). Run konaplate call --help',
    ]);
  });

  it('a retired variable name is refused by name, not ignored (an ignored secret would sign with the documentation one)', async () => {
    const run = await cli(['sign', '--body', '{}'], { KONAPLATE_SECRET: 'my-real-secret-value' });
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      'konaplate sign: KONAPLATE_SECRET is no longer read: set KONAPLATE_SECRET_KEY instead (and unset KONAPLATE_SECRET). Run konaplate sign --help\n',
    );
    expect(run.err).not.toContain('my-real-secret-value');
  });

  it('takes no secret on the command line (ps and shell history would show it): --secret is an unknown option', async () => {
    for (const command of ['sign', 'call', 'conformance']) {
      const { code, err } = await cli([command, '--secret', 'hunter2-secret', '--base-url', 'http://127.0.0.1:9']);
      expect(code).toBe(2);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).toContain("'--secret'");
      expect(err).not.toContain('hunter2-secret');
    }
  });

  it('a credential that breaks its header rule is one line naming the variable and the rule, never the value', async () => {
    const badKey = 'short-access-key-value';
    const { code, out, err } = await cli(['sign', '--body', '{}'], { KONAPLATE_ACCESS_KEY: badKey });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/KONAPLATE_ACCESS_KEY must be exactly 40 characters long .*X-KM-Access-Key; minLength/);
    expect(err).not.toContain(badKey);
  });

  it('--curl prints one curl command that the strict mock accepts as printed, awkward bytes included', async () => {
    const body = `{"cardNo":"9491230000000017","note":"it's 한글 $HOME \`id\` \\\\ \\" \\n end"}`;
    const { code, out } = await cli(
      ['sign', '--curl', '--base-url', strict, '--operation', 'inquireCardVirtualAccount', '--body', body],
      { KONAPLATE_SECRET_KEY: SECRET },
    );
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^curl /);
    const answer = JSON.parse(await bash(out));
    expect(answer.response.code).toBe('000_000');
  });

  it("--curl with the wrong secret gets the strict mock's refusal naming the token (so the test above proves the bytes)", async () => {
    const { out } = await cli([
      'sign',
      '--curl',
      '--base-url',
      strict,
      '--operation',
      'inquireCardVirtualAccount',
      '--body',
      '{"cardNo":"9491230000000017"}',
    ]);
    const answer = JSON.parse(await bash(out));
    expect(answer.response).toMatchObject({ code: '000_002', message: 'Invalid input parameter. X-KM-Tran-Token' });
  });

  it('signs a body the server will refuse, saying why on stderr (QA sends such bodies on purpose)', async () => {
    const { code, out, err } = await cli([
      'sign',
      '--operation',
      'inquireUnregisteredCard',
      '--body',
      '{"cardNo":"94912300000000AB","expiryDate":"3108","cardCVC":"123"}',
    ]);
    expect(code).toBe(0);
    expect(parseHeaders(out)).toHaveLength(6);
    // The rule in the client's words (it validates the body), named by its keyword.
    expect(err).toMatch(/^konaplate sign: warning: cardNo must .+ \(rule: pattern\); signing it anyway\n$/);
  });

  it.each([
    [['sign'], /--body is required/],
    [['sign', '--body', '{}', '--curl', '--base-url', 'http://x'], /--curl needs --operation/],
    [['sign', '--body', '{}', '--curl', '--operation', 'inquireCardVirtualAccount'], /--curl needs --base-url/],
    [
      ['sign', '--body', '{}', '--operation', 'inquireCard'],
      /unknown operation "inquireCard"; operations: inquireUnregisteredCard, inquireCardVirtualAccount/,
    ],
    [['sign', '--body', '{}', '--colour'], /Unknown option '--colour'/],
    [
      ['sign', '--body', '{}', '--curl', '--operation', 'inquireCardVirtualAccount', '--base-url', 'ftp://x'],
      /--base-url must be an absolute http\(s\) URL/,
    ],
    [['sign', '--body', '{}', '--time-zone', 'PST'], /the time zone must be one of KST, JST, UTC, GMT/],
    [['sign', '--body', '{}', '--body-file', '/nonexistent/body.json'], /give --body or --body-file, not both/],
    [['sign', '--body-file', '/nonexistent/body.json'], /--body-file: cannot read \/nonexistent\/body.json \(ENOENT\)/],
    [['frobnicate'], /unknown command "frobnicate"; commands: sign, call, conformance/],
  ])('usage error %j: exit 2, one line, no stack trace', async (args, message) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("a mistyped flag: Node's first sentence only, and the hint names the command as it was typed", async () => {
    const plain = await cli(['call', '--bse-url', 'http://127.0.0.1:4010']);
    expect(plain.err).toBe("konaplate call: Unknown option '--bse-url'. Run konaplate call --help\n");
    const viaScript = await cli(['call', '--bse-url', 'http://127.0.0.1:4010'], {
      npm_lifecycle_event: 'konaplate',
      npm_lifecycle_script: 'tsx packages/cli/src/main.ts',
      npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64',
    });
    expect(viaScript.err).toBe("konaplate call: Unknown option '--bse-url'. Run pnpm -s konaplate call --help\n");
  });

  it('--help shows a real example', async () => {
    const { code, out } = await cli(['sign', '--help']);
    expect(code).toBe(0);
    expect(out).toContain(
      'konaplate sign --curl --base-url http://127.0.0.1:4010 --operation inquireCardVirtualAccount',
    );
  });
});

/** `yyyyMMddHHmmss` of an instant in KST (the spec's offset for it), as a QA engineer would type it for --at. */
const kst = (at: number) =>
  new Date(at + spec.components.schemas.TimeZone['x-utc-offsets'].KST * 60_000)
    .toISOString()
    .slice(0, 19)
    .replace(/[-T:]/g, '');

describe('konaplate sign: -H, --at, --no-validate, --body-file -', () => {
  const body = '{"cardNo":"9491230000000017"}';
  const curl = (args: string[], env: Record<string, string> = { KONAPLATE_SECRET_KEY: SECRET }) =>
    cli(['sign', '--curl', '--base-url', strict, '--operation', 'inquireCardVirtualAccount', ...args], env);

  it('-H adds a header after the computed ones; one the command computes is replaced in its place, any case', async () => {
    const { code, out, err } = await cli([
      'sign',
      '--body',
      body,
      '-H',
      'Prefer: example=card-not-found',
      '--header',
      'x-km-correlation-id: 261121103000-abcdef1',
    ]);
    expect([code, err]).toEqual([0, '']);
    const headers = parseHeaders(out);
    expect(headers.map(([name]) => name)).toEqual([
      ...headerOrder.filter((n: string) => n !== 'X-KM-Crypto-Key-Id'),
      'Prefer',
    ]);
    expect(Object.fromEntries(headers)['X-KM-Correlation-Id']).toBe('261121103000-abcdef1');
    expect(Object.fromEntries(headers).Prefer).toBe('example=card-not-found');
  });

  it('-H in a curl line reaches a named example of the strict mock; a replaced access key is what it refuses', async () => {
    const preferred = await curl(['--body', body, '-H', 'Prefer: example=virtual-account-not-found']);
    expect(preferred.code).toBe(0);
    expect(JSON.parse(await bash(preferred.out)).response.code).toBe('003_067');
    const replaced = await curl(['--body', body, '-H', `X-KM-Access-Key: ${'b'.repeat(39)}`]);
    expect(replaced.out).toContain(`'X-KM-Access-Key: ${'b'.repeat(39)}'`);
    expect(replaced.out).not.toContain(sample('AccessKey'));
    expect(JSON.parse(await bash(replaced.out)).response).toMatchObject({
      code: '000_002',
      message: 'Invalid input parameter. X-KM-Access-Key',
    });
  });

  it.each([
    ['X-KM-Access-Key hunter2-marker'], // no colon
    [': hunter2-marker'], // no name
    ['Bad Name: hunter2-marker'],
    ['Prefer: hunter2-marker\nX-Other: 1'],
  ])('-H %j is a usage error: exit 2, one line, the value never repeated', async (given) => {
    const { code, out, err } = await cli(['sign', '--body', '{}', '-H', given]);
    expect([code, out]).toEqual([2, '']);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^konaplate sign: --header /);
    expect(err).not.toContain('hunter2-marker');
  });

  it("--at signs for that time: X-KM-Tran-Time, the token's time and the correlation stamp are the digits given", async () => {
    const { code, out } = await cli(['sign', '--body', body, '--at', '20261121103000']);
    expect(code).toBe(0);
    const h = Object.fromEntries(parseHeaders(out));
    expect(h['X-KM-Tran-Time']).toBe('20261121103000');
    expect(h['X-KM-Tran-Token']).toBe(`KMV1:20261121103000000:${mac(testVector.secretKey, body)}`);
    expect(h['X-KM-Correlation-Id']).toMatch(/^261121103000-[0-9a-f]{7}$/);
    // In the zone signed for: UTC's digits are UTC's.
    const utc = await cli(['sign', '--body', body, '--at', '20261121013000', '--time-zone', 'UTC']);
    expect(Object.fromEntries(parseHeaders(utc.out))['X-KM-Tran-Time']).toBe('20261121013000');
  });

  it('--at an hour ago is refused by the strict mock naming X-KM-Tran-Time (a stale-token test); now is accepted', async () => {
    const stale = await curl(['--body', body, '--at', kst(Date.now() - 3600_000)]);
    expect(JSON.parse(await bash(stale.out)).response).toMatchObject({
      code: '000_002',
      message: 'Invalid input parameter. X-KM-Tran-Time',
    });
    const now = await curl(['--body', body, '--at', kst(Date.now())]);
    expect(JSON.parse(await bash(now.out)).response.code).toBe('000_000');
  });

  it.each([
    ['2026112210300'],
    ['2026112210300x'],
    ['20260231103000'],
    ['20261121243000'],
    ['20261321103000'],
    ['00991121103000'],
  ])('--at %s is a usage error: exit 2, one line, the digits not repeated', async (at) => {
    const { code, out, err } = await cli(['sign', '--body', '{}', '--at', at]);
    expect([code, out]).toEqual([2, '']);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^konaplate sign: --at (must be 14 digits|is not a real time)/);
    expect(err).not.toContain(at);
  });

  it('--no-validate signs a body that breaks the spec without a word on stderr', async () => {
    const broken = '{"cardNo":"94912300000000AB"}';
    const warned = await cli(['sign', '--operation', 'inquireCardVirtualAccount', '--body', broken]);
    expect(warned.err).toMatch(/warning: cardNo must .+ \(rule: pattern\)/);
    const quiet = await cli(['sign', '--operation', 'inquireCardVirtualAccount', '--no-validate', '--body', broken]);
    expect([quiet.code, quiet.err]).toEqual([0, '']);
    expect(Object.fromEntries(parseHeaders(quiet.out))['X-KM-Tran-Token']?.split(':')[2]).toBe(
      mac(testVector.secretKey, broken),
    );
  });

  it('--body-file - reads standard input and signs its exact bytes; no standard input is a usage error', async () => {
    const piped = `${body}\n`;
    const { code, out } = await cli(['sign', '--body-file', '-'], {}, piped);
    expect(code).toBe(0);
    expect(Object.fromEntries(parseHeaders(out))['X-KM-Tran-Token']?.split(':')[2]).toBe(
      mac(testVector.secretKey, piped),
    );
    const none = await curl(['--body-file', '-']); // the helper gives no standard input unless asked
    expect(none.code).toBe(2);
    expect(none.err).toBe('konaplate sign: --body-file -: no standard input to read. Run konaplate sign --help\n');
    const viaCurl = await cli(
      ['sign', '--curl', '--base-url', strict, '--operation', 'inquireCardVirtualAccount', '--body-file', '-'],
      { KONAPLATE_SECRET_KEY: SECRET },
      piped,
    );
    expect(JSON.parse(await bash(viaCurl.out)).response.code).toBe('000_000');
  });
});

describe('konaplate sign with encryption keys', () => {
  const keyId = sample('CryptoKeyId');
  let dir: string;
  let mock: string;
  beforeAll(async () => {
    const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    dir = await mkdtemp(`${tmpdir()}/konaplate-cli-keys-`);
    // A comment line before the PEM, as the mock's key generator writes: the CLI reads the block.
    await writeFile(`${dir}/server-public.pem`, `# test-only\n${await exportSPKI(server.publicKey)}`);
    await writeFile(`${dir}/client-private.pem`, `# test-only\n${await exportPKCS8(client.privateKey)}`);
    mock = await startMock({
      secret: SECRET,
      encryption: await loadKeys({
        keyId,
        serverPrivateKey: await exportPKCS8(server.privateKey),
        clientPublicKey: await exportSPKI(client.publicKey),
      }),
    });
  }, 60_000); // two RSA-2048 pairs and a mock: seconds on a loaded machine

  it('encrypts through the client, signs the envelope, and the strict encrypting mock answers encrypted', async () => {
    const flags = [
      '--crypto-key-id',
      keyId,
      '--server-public-key',
      `${dir}/server-public.pem`,
      '--client-private-key',
      `${dir}/client-private.pem`,
    ];
    const plain = await cli(['sign', '--body', '{"cardNo":"9491230000000066"}', ...flags], {
      KONAPLATE_SECRET_KEY: SECRET,
    });
    expect(plain.code).toBe(0);
    const [head, envelope] = plain.out.split('\n\n');
    const headers = Object.fromEntries(parseHeaders(head ?? ''));
    expect(headers['X-KM-Crypto-Key-Id']).toBe(keyId);
    expect(JSON.parse(envelope ?? '').encData.split('.')).toHaveLength(5);
    expect(headers['X-KM-Tran-Token']?.split(':')[2]).toBe(mac(SECRET, (envelope ?? '').trimEnd()));

    const curl = await cli(
      [
        'sign',
        '--curl',
        '--base-url',
        mock,
        '--operation',
        'inquireCardVirtualAccount',
        '--body',
        '{"cardNo":"9491230000000066"}',
        ...flags,
      ],
      { KONAPLATE_SECRET_KEY: SECRET },
    );
    const answer = JSON.parse(await bash(curl.out));
    expect(Object.keys(answer)).toEqual(['encData']);
  });

  it("encrypts with the server's public key alone; the answer is read by konaplate decrypt with the client key", async () => {
    const curl = await cli(
      [
        'sign',
        '--curl',
        '--base-url',
        mock,
        '--operation',
        'inquireCardVirtualAccount',
        '--crypto-key-id',
        keyId,
        '--server-public-key',
        `${dir}/server-public.pem`,
        '--body',
        '{"cardNo":"9491230000000066"}',
      ],
      { KONAPLATE_SECRET_KEY: SECRET },
    );
    expect([curl.code, curl.err]).toEqual([0, '']);
    const sealed = await bash(curl.out);
    expect(Object.keys(JSON.parse(sealed))).toEqual(['encData']);
    const read = await cli(['decrypt', '--private-key', `${dir}/client-private.pem`, '--reveal'], {}, sealed);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject({ response: { code: '000_000' } });
  });

  it('--crypto-key-id alone adds the header for a body encrypted elsewhere; a malformed id is refused by its rule', async () => {
    const alone = await cli(['sign', '--body', '{"encData":"x"}', '--crypto-key-id', keyId]);
    expect(Object.fromEntries(parseHeaders(alone.out))['X-KM-Crypto-Key-Id']).toBe(keyId);
    const bad = await cli(['sign', '--body', '{}', '--crypto-key-id', 'short']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--crypto-key-id must be exactly 32 characters long/);
    expect(bad.err).not.toContain('short');
  });
});
