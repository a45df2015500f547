// konaplate call: through the client against the real mock; exit 0 on 000_000,
// 1 on a platform error or no answer, 2 on bad input; one line, no stack, no card number.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { loadKeys } from '@konaplate-contract/mock';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, closeAll, freePort, SECRET, spec, startMock, wrongServer } from './support.ts';

let strict: string;
const env = { KONAPLATE_SECRET_KEY: SECRET };
beforeAll(async () => {
  strict = await startMock({ secret: SECRET });
}, 60_000); // a loaded machine (the suites run side by side) takes more than the default 10 s
afterAll(closeAll);

const oneLine = (text: string) => {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
};

describe('konaplate call', () => {
  it('prints the JSON answer and exits 0 on 000_000', async () => {
    const { code, out, err } = await cli(
      [
        'call',
        'inquireUnregisteredCard',
        '--base-url',
        strict,
        '--body',
        '{"cardNo":"9491230000000033","expiryDate":"3108","cardCVC":"123"}',
      ],
      env,
    );
    expect([code, err]).toEqual([0, '']);
    const answer = JSON.parse(out);
    expect(answer.response.code).toBe('000_000');
    expect(answer.cardDataInfo.cardPointInfo.length).toBeGreaterThan(0); // the card-with-points scenario
    // x-sensitive fields are masked as the client masks them: the card number to its last four, the PAR hidden.
    expect(out).not.toContain('9491230000000033');
    expect(out).toContain('"************0033"');
    expect(out).toMatch(/"par": "\[redacted\]"/);
  });

  it('--reveal prints the card number and PAR whole', async () => {
    const { code, out } = await cli(
      [
        'call',
        'inquireUnregisteredCard',
        '--reveal',
        '--base-url',
        strict,
        '--body',
        '{"cardNo":"9491230000000033","expiryDate":"3108","cardCVC":"123"}',
      ],
      env,
    );
    expect(code).toBe(0);
    expect(out).toContain('"9491230000000033"');
    expect(out).not.toContain('[redacted]');
  });

  it('exits 1 on a platform error, printing the code and message (and the envelope on stdout)', async () => {
    const { code, out, err } = await cli(
      ['call', 'inquireCardVirtualAccount', '--base-url', strict, '--body', '{"cardNo":"9491230000000082"}'],
      env,
    );
    expect(code).toBe(1);
    expect(JSON.parse(out).response.code).toBe('003_067');
    oneLine(err);
    expect(err).toMatch(
      /^konaplate call: 003_067 Not found virtual account\. \(HTTP 400, X-KM-Correlation-Id \d{12}-[0-9a-f]{7}\)\n$/,
    );
  });

  it("exits 1 naming X-KM-Tran-Token when the secret is not the server's", async () => {
    const { code, err } = await cli([
      'call',
      'inquireCardVirtualAccount',
      '--base-url',
      strict,
      '--body',
      '{"cardNo":"9491230000000017"}',
    ]);
    expect(code).toBe(1);
    expect(err).toContain('000_002 Invalid input parameter. X-KM-Tran-Token');
  });

  it.each([
    [['call', 'inquireCardVirtualAccount', '--body', '{"cardNo":'], /--body is not valid JSON \(it ends too early\)/],
    [['call', 'inquireCardVirtualAccount', '--body', '{"cardNo" 1}'], /--body is not valid JSON \(at character \d+\)/],
    [['call', 'inquireCardVirtualAccount', '--body', '[1]'], /body must be an object, not array \(rule: type\)/],
    [
      ['call', 'inquireCard', '--body', '{}'],
      /unknown operation "inquireCard"; operations: inquireUnregisteredCard, inquireCardVirtualAccount/,
    ],
    [
      ['call', '--body', '{}'],
      /give one operation: konaplate call <operationId> \(inquireUnregisteredCard, inquireCardVirtualAccount\)/,
    ],
    [['call', 'inquireCardVirtualAccount', '--body', '{}'], /cardNo is required \(rule: required\)/],
    [
      ['call', 'inquireCardVirtualAccount', '--body', '{"cardNo":"94912300000000AB"}'],
      /cardNo must .+ \(rule: pattern\)/,
    ],
    [
      ['call', 'inquireCardVirtualAccount', '--body', '{"cardNo":"94912300000000123"}'],
      /cardNo must be exactly 16 characters long, not 17 \(rule: maxLength\)/,
    ],
    [
      [
        'call',
        'inquireUnregisteredCard',
        '--body',
        '{"cardNo":"9491230000000017","expiryDate":"3113","cardCVC":"123"}',
      ],
      /expiryDate must .+ \(rule: pattern\)/,
    ],
    [
      ['call', 'inquireCardVirtualAccount', '--body', '{"cardNo":"9491230000000017"}', '--timeout-ms', 'soon'],
      /--timeout-ms must be a positive whole number/,
    ],
    [
      [
        'call',
        'inquireCardVirtualAccount',
        '--body',
        '{"cardNo":"9491230000000017"}',
        '--crypto-key-id',
        'x'.repeat(32),
      ],
      /--crypto-key-id needs --server-public-key and --client-private-key/,
    ],
  ])('bad input %j: exit 2, one line naming the field and the rule, nothing sent', async (args, message) => {
    const { code, out, err } = await cli([...args, '--base-url', strict], env);
    expect(code).toBe(2);
    expect(out).toBe('');
    oneLine(err);
    expect(err).toMatch(message);
    // Never a full card number in the error.
    expect(err).not.toMatch(/\d{12,}/);
  });

  it('--base-url is required, and KONAPLATE_BASE_URL can give it', async () => {
    const missing = await cli(['call', 'inquireCardVirtualAccount', '--body', '{"cardNo":"9491230000000017"}'], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(
      /--base-url is required: http:\/\/127\.0\.0\.1:4010 \(local mock\) or https:\/\/sandbox/,
    );
    const fromEnv = await cli(['call', 'inquireCardVirtualAccount', '--body', '{"cardNo":"9491230000000017"}'], {
      ...env,
      KONAPLATE_BASE_URL: strict,
    });
    expect(fromEnv.code).toBe(0);
  });

  it("plain http to another host is refused by the client, in the CLI's words (nothing sent)", async () => {
    const { code, out, err } = await cli(
      [
        'call',
        'inquireCardVirtualAccount',
        '--base-url',
        'http://staging.example:8080',
        '--body',
        '{"cardNo":"9491230000000017"}',
      ],
      env,
    );
    expect([code, out]).toEqual([2, '']);
    oneLine(err);
    expect(err).toMatch(/^konaplate call: --base-url must be https:\/\/ for a host other than this machine/);
    expect(err).not.toContain('allowInsecureHttp');
  });

  it('no answer (nothing listening) is exit 1 and one line', async () => {
    const port = await freePort();
    const { code, err } = await cli(
      [
        'call',
        'inquireCardVirtualAccount',
        '--base-url',
        `http://127.0.0.1:${port}`,
        '--body',
        '{"cardNo":"9491230000000017"}',
      ],
      env,
    );
    expect(code).toBe(1);
    oneLine(err);
    // One attempt: call does not retry unless asked (--retries).
    expect(err).toMatch(/^konaplate call: inquireCardVirtualAccount: no answer after 1 attempt\(s\) \(/);
  });

  it('a 200 whose payload breaks the spec is exit 1 naming the field and the rule, not the value', async () => {
    const longAccount = '1234567890123456789012';
    const server = await wrongServer(strict, (x) => {
      x.text = x.text.replace(/"accountNo":"\d+"/, `"accountNo":"${longAccount}"`);
    });
    const { code, out, err } = await cli(
      ['call', 'inquireCardVirtualAccount', '--base-url', server, '--body', '{"cardNo":"9491230000000017"}'],
      env,
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('konaplate call: the answer breaks the contract: accountNo (rule: maxLength); HTTP 200\n');
  });

  it('a server text carrying a card number is masked in what the CLI prints', async () => {
    const server = await wrongServer(strict, (x) => {
      x.text = x.text.replace('Card not found', 'Card not found: 9491239999999991');
    });
    const { code, out, err } = await cli(
      ['call', 'inquireCardVirtualAccount', '--base-url', server, '--body', '{"cardNo":"9491239999999991"}'],
      env,
    );
    expect(code).toBe(1);
    expect(`${out}${err}`).not.toContain('9491239999999991');
    expect(err).toContain('Card not found: ************9991');
  });

  it('--help lists every operation of the spec with its path', async () => {
    const { code, out } = await cli(['call', '--help']);
    expect(code).toBe(0);
    for (const [path, item] of Object.entries(spec.paths) as Array<[string, { post: { operationId: string } }]>)
      expect(out).toMatch(new RegExp(`${item.post.operationId} +POST ${path}`));
  });
});

describe('konaplate call: -H, --no-validate, --retries, --body-file -', () => {
  const card = '{"cardNo":"9491230000000017"}';
  const call = (args: string[], stdin?: string) =>
    cli(['call', 'inquireCardVirtualAccount', '--base-url', strict, ...args], env, stdin);

  it('-H Prefer reaches a named example; -H replaces a header the client computed, after signing', async () => {
    const preferred = await call(['--body', card, '-H', 'Prefer: example=virtual-account-not-found']);
    expect(preferred.code).toBe(1);
    expect(JSON.parse(preferred.out).response.code).toBe('003_067');
    const mine = await call(['--body', card, '--header', 'X-KM-Correlation-Id: 261121103000-abcdef1']);
    expect(mine.code).toBe(0); // echoed by the mock, which the client accepts
    const replaced = await call(['--body', card, '-H', 'x-km-access-key: short-key']);
    expect(replaced.code).toBe(1);
    oneLine(replaced.err);
    expect(replaced.err).toMatch(/^konaplate call: 000_002 Invalid input parameter\. X-KM-Access-Key \(HTTP 400, /);
  });

  it("--no-validate sends a body the contract refuses, and shows the server's own refusal (exit 1, one line)", async () => {
    const refused = await call(['--no-validate', '--body', '{"cardNo":"94912300000000AB"}']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out).response).toMatchObject({ code: '000_002' });
    oneLine(refused.err);
    expect(refused.err).toMatch(
      /^konaplate call: 000_002 Invalid input parameter\. cardNo \(HTTP 400, X-KM-Correlation-Id \d{12}-[0-9a-f]{7}\)\n$/,
    );
    // Not even JSON: sent byte for byte, refused by the server, not by the CLI.
    const cut = await call(['--no-validate', '--body', '{"cardNo":']);
    expect(cut.code).toBe(1);
    expect(cut.err).toMatch(/^konaplate call: 000_002 Invalid input parameter\. body /);
    // Without it, nothing is sent: exit 2 naming the rule.
    expect((await call(['--body', '{"cardNo":"94912300000000AB"}'])).code).toBe(2);
  });

  it('--no-validate with a valid body: the answer as call prints it, card numbers masked (exit 0)', async () => {
    for (const body of [card, `${card}\n`]) {
      const { code, out, err } = await call(['--no-validate', '--body', body]);
      expect([code, err]).toEqual([0, '']);
      expect(JSON.parse(out).response.code).toBe('000_000');
      expect(out).toMatch(/"accountNo": "\*+\d{4}"/);
    }
  });

  it('--no-validate sends the bytes given: through the client when it would send the same, else by the CLI', async () => {
    const received: string[] = [];
    const recording = await wrongServer(strict, (x) => {
      received.push(x.request.body);
    });
    let failures = 0;
    const flaky = await wrongServer(recording, (x) => {
      if (failures > 0) {
        failures -= 1;
        x.status = 503;
        x.headers = { 'content-type': 'application/json' };
        x.text = '{}';
      }
    });
    const run = (body: string, args: string[] = []) =>
      cli(['call', 'inquireCardVirtualAccount', '--no-validate', '--base-url', flaky, '--body', body, ...args], env);
    // Compact JSON: the client sends it (its check off), so --retries works.
    failures = 1;
    const compact = '{"cardNo":"94912300000000AB"}';
    const retried = await run(compact, ['--retries', '1']);
    expect(retried.code).toBe(1);
    expect(retried.err).toMatch(/^konaplate call: 000_002 Invalid input parameter\. cardNo /);
    expect(received).toEqual([compact, compact]);
    // Spelled otherwise than the client would: sent as given by the CLI, once.
    received.length = 0;
    const spaced = '{ "cardNo" : "94912300000000AB" }';
    expect((await run(spaced)).code).toBe(1);
    expect(received).toEqual([spaced]);
    const refused = await run(spaced, ['--retries', '1']);
    expect(refused.code).toBe(2);
    oneLine(refused.err);
    expect(refused.err).toMatch(/--retries needs the client, and this body goes as given by the CLI itself, once/);
    expect(received).toEqual([spaced]);
  });

  it('one attempt by default; --retries N retries a 503 up to N times', async () => {
    let requests = 0;
    let failures = 0;
    const flaky = await wrongServer(strict, (x) => {
      requests += 1;
      if (failures > 0) {
        failures -= 1;
        x.status = 503;
        x.headers = { 'content-type': 'application/json' };
        x.text = '{}';
      }
    });
    const run = (args: string[]) =>
      cli(['call', 'inquireCardVirtualAccount', '--base-url', flaky, '--body', card, ...args], env);
    failures = 1;
    const once = await run([]);
    expect([once.code, requests]).toEqual([1, 1]);
    oneLine(once.err);
    requests = 0;
    failures = 1;
    const again = await run(['--retries', '2']);
    expect([again.code, requests]).toEqual([0, 2]);
    requests = 0;
    failures = 5;
    const tired = await run(['--retries', '2']);
    expect([tired.code, requests]).toEqual([1, 3]);
  });

  it.each([['11'], ['-1'], ['two'], ['1.5']])('--retries %s is a usage error', async (retries) => {
    const { code, err } = await call(['--body', card, `--retries=${retries}`]);
    expect(code).toBe(2);
    oneLine(err);
    expect(err).toMatch(/--retries must be a whole number from 0 to 10/);
  });

  it('--body-file - reads the body from standard input', async () => {
    const { code, out } = await call(['--body-file', '-'], `${card}\n`);
    expect(code).toBe(0);
    expect(JSON.parse(out).response.code).toBe('000_000');
  });
});

describe('konaplate call with encryption keys', () => {
  it('encrypts the request and decrypts the answer through the client', async () => {
    const keyId = spec.components.schemas.CryptoKeyId.examples[0];
    const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const dir = await mkdtemp(`${tmpdir()}/konaplate-cli-call-`);
    await writeFile(`${dir}/server.pem`, await exportSPKI(server.publicKey));
    await writeFile(`${dir}/client.pem`, await exportPKCS8(client.privateKey));
    const mock = await startMock({
      secret: SECRET,
      encryption: await loadKeys({
        keyId,
        serverPrivateKey: await exportPKCS8(server.privateKey),
        clientPublicKey: await exportSPKI(client.publicKey),
      }),
    });
    const keys = [
      '--crypto-key-id',
      keyId,
      '--server-public-key',
      `${dir}/server.pem`,
      '--client-private-key',
      `${dir}/client.pem`,
    ];
    const { code, out } = await cli(
      ['call', 'inquireCardVirtualAccount', '--base-url', mock, '--body', '{"cardNo":"9491230000000074"}', ...keys],
      env,
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ response: { code: '000_000' }, status: 'INACTIVE' });

    const wrongFile = await cli(
      [
        'call',
        'inquireCardVirtualAccount',
        '--base-url',
        mock,
        '--body',
        '{"cardNo":"9491230000000074"}',
        ...keys.slice(0, 4),
        '--client-private-key',
        `${dir}/server.pem`,
      ],
      env,
    );
    expect(wrongFile.code).toBe(2);
    expect(wrongFile.err).toMatch(/--client-private-key must be an RSA private key in PKCS#8 PEM/);
  });
});

describe('konaplate call --no-validate with encryption keys', () => {
  it("encrypts with the server's key alone and prints the sealed answer; with the client key, the plaintext", async () => {
    const keyId = spec.components.schemas.CryptoKeyId.examples[0];
    const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const dir = await mkdtemp(`${tmpdir()}/konaplate-cli-call-raw-`);
    await writeFile(`${dir}/server.pem`, await exportSPKI(server.publicKey));
    await writeFile(`${dir}/client.pem`, await exportPKCS8(client.privateKey));
    const mock = await startMock({
      secret: SECRET,
      encryption: await loadKeys({
        keyId,
        serverPrivateKey: await exportPKCS8(server.privateKey),
        clientPublicKey: await exportSPKI(client.publicKey),
      }),
    });
    const args = [
      'call',
      'inquireCardVirtualAccount',
      '--no-validate',
      '--base-url',
      mock,
      '--body',
      '{"cardNo":"9491230000000074"}',
      '--crypto-key-id',
      keyId,
      '--server-public-key',
      `${dir}/server.pem`,
    ];
    const sealed = await cli(args, env);
    expect(sealed.code).toBe(0);
    expect(Object.keys(JSON.parse(sealed.out))).toEqual(['encData']);
    expect(sealed.err).toBe(
      'konaplate call: warning: the answer is encrypted (HTTP 200); give --client-private-key to read it\n',
    );
    const read = await cli([...args, '--client-private-key', `${dir}/client.pem`], env);
    expect([read.code, read.err]).toEqual([0, '']);
    expect(JSON.parse(read.out)).toMatchObject({ response: { code: '000_000' }, status: 'INACTIVE' });
    // The client path still needs both keys (it decrypts every answer).
    const clientPath = await cli(
      args.filter((a) => a !== '--no-validate'),
      env,
    );
    expect(clientPath.code).toBe(2);
    expect(clientPath.err).toMatch(/--server-public-key needs --client-private-key too/);
  });
});
