// konaplate conformance against real servers: the project's strict mock passes,
// stock Prism fails, and each deliberately wrong server is caught by the check
// that names its fault. Results are read back from the JUnit XML it writes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { loadKeys } from '@konaplate-contract/mock';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, closeAll, contract, freePort, SECRET, spec, startMock, startPrism, wrongServer } from './support.ts';

interface JunitCase {
  suite: string;
  kind: string;
  name: string;
  failures: Array<{ type: string; message: string }>;
  skipped: boolean;
  warnings: string;
}

const fromXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function parseJunit(xml: string): { cases: JunitCase[]; tests: number; failures: number } {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  const root = /<testsuites [^>]*tests="(\d+)" failures="(\d+)"/.exec(xml);
  const cases: JunitCase[] = [];
  for (const suite of xml.matchAll(/<testsuite name="([^"]+)"[^>]*>([\s\S]*?)<\/testsuite>/g)) {
    for (const c of (suite[2] ?? '').matchAll(
      /<testcase classname="[^".]+\.([^"]+)" name="([^"]*)" time="[\d.]+"(?:\/>|>([\s\S]*?)<\/testcase>)/g,
    )) {
      const inner = c[3] ?? '';
      cases.push({
        suite: suite[1] ?? '',
        kind: c[1] ?? '',
        name: fromXml(c[2] ?? ''),
        failures: [...inner.matchAll(/<failure type="([^"]*)" message="([^"]*)">/g)].map((f) => ({
          type: fromXml(f[1] ?? ''),
          message: fromXml(f[2] ?? ''),
        })),
        skipped: inner.includes('<skipped '),
        warnings: fromXml(/<system-out>([\s\S]*?)<\/system-out>/.exec(inner)?.[1] ?? ''),
      });
    }
  }
  return { cases, tests: Number(root?.[1]), failures: Number(root?.[2]) };
}

let dir: string;
async function conformance(
  baseUrl: string,
  args: string[] = [],
  env: Record<string, string> = { KONAPLATE_SECRET_KEY: SECRET },
) {
  const junit = `${dir}/junit-${Math.random().toString(36).slice(2)}.xml`;
  const result = await cli(['conformance', '--base-url', baseUrl, '--junit', junit, ...args], env);
  const xml = result.code === 2 ? '' : await readFile(junit, 'utf8');
  const report = xml ? parseJunit(xml) : undefined;
  return { ...result, xml, report, cases: report?.cases ?? [] };
}
const failing = (cases: JunitCase[]) => cases.filter((c) => c.failures.length > 0);

let strict: string;
beforeAll(async () => {
  dir = await mkdtemp(`${tmpdir()}/konaplate-conformance-`);
  strict = await startMock({ secret: SECRET });
}, 60_000); // a loaded machine (the suites run side by side) takes more than the default 10 s
afterAll(closeAll);

// What the spec says must be covered, read from the bundle here, independently of the runner.
type Json = Record<string, unknown>;
const resolve = (node: Json): Json =>
  typeof node.$ref === 'string'
    ? resolve(
        node.$ref
          .split('/')
          .slice(1)
          .reduce((n: Json, k) => n[k] as Json, spec),
      )
    : node;
const flat = (node: Json): Json => {
  const own = resolve(node);
  return Object.assign({}, ...((own.allOf as Json[]) ?? []).map(flat), own);
};
const bounded = (schema: Record<string, unknown>) =>
  ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum'].some((k) => k in schema);
const expected = contract.scenarios.operations.map((op) => {
  const operation = spec.paths[op.path][op.method];
  const headers = operation.parameters.map(resolve) as Array<{
    name: string;
    required: boolean;
    schema: Record<string, unknown>;
  }>;
  const branches = operation.requestBody.content['application/json'].schema.oneOf as Json[];
  const plain = branches.map(flat).find((s) => !('encData' in (s.properties as Json))) as Json;
  const fields = Object.entries(plain.properties as Record<string, Record<string, unknown>>).map(([name, s]) => ({
    name,
    required: (plain.required as string[]).includes(name),
    schema: flat(s),
  }));
  const envelope = branches.map(flat).find((s) => 'encData' in (s.properties as Json)) as Json;
  const envelopeFields = Object.entries(envelope.properties as Record<string, Json>).map(([name, s]) => ({
    name,
    required: false, // an empty envelope is the plaintext body's missing fields
    schema: flat(s),
  }));
  return { ...op, headers: headers.map((h) => ({ ...h, schema: flat(h.schema) })), fields, envelopeFields };
});

describe("konaplate conformance against the project's mock in strict mode", () => {
  let run: Awaited<ReturnType<typeof conformance>>;
  beforeAll(async () => {
    run = await conformance(strict);
  }, 60_000); // a loaded machine (the suites run side by side) takes more than the default 10 s

  it('exits 0: every case conforms', () => {
    expect(failing(run.cases)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report?.failures).toBe(0);
  });

  it('prints a table per operation with its case count, and a totals line', () => {
    for (const op of expected) {
      const count = run.cases.filter((c) => c.suite === op.operationId).length;
      expect(run.out).toContain(`${op.operationId}  POST ${op.path}  (${count} cases)`);
    }
    const per = expected.map((op) => `${run.cases.filter((c) => c.suite === op.operationId).length} ${op.operationId}`);
    expect(run.out).toMatch(
      new RegExp(
        `conformance: ${run.cases.length} cases \\(${per.join(', ')}\\): ${run.cases.length} passed, 0 failed, 0 skipped`,
      ),
    );
    expect(run.report?.tests).toBe(run.cases.length);
  });

  it('covers every scenario, every required header and field, and every bounded field of every operation', () => {
    for (const op of expected) {
      const names = run.cases.filter((c) => c.suite === op.operationId).map((c) => c.name);
      for (const s of op.scenarios) expect(names).toContain(`scenario ${s.example}`);
      for (const f of [...op.headers, ...op.fields, ...op.envelopeFields]) {
        if (f.required) expect(names).toContain(`${f.name} missing`);
        if (typeof f.schema.minLength === 'number' && f.schema.minLength > 0)
          expect(names).toContain(`${f.name} ${f.schema.minLength - 1} characters (minLength ${f.schema.minLength})`);
        if (typeof f.schema.maxLength === 'number')
          expect(names).toContain(`${f.name} ${f.schema.maxLength + 1} characters (maxLength ${f.schema.maxLength})`);
        if (typeof f.schema.pattern === 'string')
          expect(names.some((n) => n.startsWith(`${f.name} breaks the pattern`))).toBe(true);
        if (bounded(f.schema)) expect(names.filter((n) => n.startsWith(`${f.name} `)).length).toBeGreaterThanOrEqual(2);
      }
      for (const f of op.fields) expect(names).toContain(`${f.name} as a number (type string)`);
      for (const kind of [
        'malformed JSON (the body cut short)',
        'Content-Type text/plain',
        'signature: a value changed after signing',
        'signature: signed with a wrong secret',
        `signature: X-KM-Tran-Time ${2 * spec.components.parameters.TranTimeHeader['x-time-window-seconds']} s old (twice the contract's window)`,
      ])
        expect(names).toContain(kind);
    }
  });

  it('warns (not fails) where the mock refuses at the HTTP level: 415 for a wrong content type, 413 for a huge body', () => {
    const media = run.cases.filter((c) => c.kind === 'media');
    expect(media.length).toBe(expected.length);
    for (const c of media) expect(c.warnings).toContain('HTTP 415; the registry gives 000_002 HTTP 400');
    const huge = run.cases.filter((c) => c.name.startsWith('encData') && c.name.includes('(maxLength'));
    expect(huge.length).toBe(expected.length);
    for (const c of huge) expect(c.warnings).toContain('HTTP 413; the registry gives 000_002 HTTP 400');
  });
});

describe('konaplate conformance with encryption keys', () => {
  it('runs the encrypted scenario really encrypted and checks the decrypted answer', async () => {
    const keyId = spec.components.schemas.CryptoKeyId.examples[0];
    const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
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
    const run = await conformance(mock, [
      '--crypto-key-id',
      keyId,
      '--server-public-key',
      `${dir}/server.pem`,
      '--client-private-key',
      `${dir}/client.pem`,
    ]);
    expect(failing(run.cases)).toEqual([]);
    expect(run.code).toBe(0);
    const encrypted = run.cases.filter((c) => c.name === 'scenario encrypted');
    expect(encrypted).toHaveLength(expected.length);
    for (const c of encrypted) expect(c.warnings).toBe(''); // code and payload were checked, not skipped
  });
});

describe('konaplate conformance against stock prism mock', () => {
  it('fails: Prism answers examples, not the platform (codes, correlation ids, 401/422 problem+json)', async () => {
    const run = await conformance(await startPrism());
    expect(run.code).toBe(1);
    const failed = failing(run.cases);
    expect(failed.length).toBeGreaterThan(run.cases.length / 2);
    const checks = new Set(failed.flatMap((c) => c.failures.map((f) => f.type)));
    for (const check of ['code', 'correlation id echoed', 'envelope']) expect(checks).toContain(check);
    expect(failed.map((c) => c.name)).toContain('scenario card-not-found');
    expect(failed.map((c) => c.name)).toContain('signature: signed with a wrong secret');
  }, 120_000);
});

describe('konaplate conformance catches deliberately wrong servers', () => {
  const only = (cases: JunitCase[], check: string) =>
    failing(cases).filter((c) => c.failures.some((f) => f.type === check));

  it('a wrong code: card-not-found answered 000_002', async () => {
    const server = await wrongServer(strict, (x) => {
      x.text = x.text.replace(
        '"code":"003_029","message":"Card not found"',
        '"code":"000_002","message":"Invalid input parameter."',
      );
    });
    const run = await conformance(server);
    expect(run.code).toBe(1);
    expect(
      failing(run.cases)
        .map((c) => `${c.suite} ${c.name}`)
        .sort(),
    ).toEqual(['inquireCardVirtualAccount scenario card-not-found', 'inquireUnregisteredCard scenario card-not-found']);
    expect(run.cases.find((c) => c.name === 'scenario card-not-found')?.failures).toEqual([
      { type: 'code', message: 'code 000_002, expected 003_029' },
    ]);
  });

  it('an over-long field: accountNo of 21 digits in every success', async () => {
    const server = await wrongServer(strict, (x) => {
      x.text = x.text.replace(/"accountNo":"\d+"/, '"accountNo":"123456789012345678901"');
    });
    const run = await conformance(server);
    expect(run.code).toBe(1);
    const caught = only(run.cases, 'payload schema');
    expect(caught.map((c) => c.name)).toEqual([
      'scenario success',
      'scenario rotation-account',
      'scenario inactive-account',
    ]);
    expect(caught[0]?.failures[0]?.message).toBe('accountNo must be 1 to 20 characters long, not 21 (maxLength)');
    expect(run.out).toContain('accountNo must be 1 to 20 characters long, not 21 (maxLength)');
  });

  it('a server that accepts a bad token (the mock without a secret): every signature case fails', async () => {
    const run = await conformance(await startMock());
    expect(run.code).toBe(1);
    const failed = failing(run.cases);
    expect(failed.every((c) => c.kind === 'signature')).toBe(true);
    expect(failed).toHaveLength(4 * expected.length);
    expect(failed[0]?.failures[0]).toEqual({
      type: 'code',
      message: 'accepted (000_000): the contract requires a refusal',
    });
    expect(run.out).toContain(`hint: the server accepted ${failed.length} request(s) with a bad token`);
    // One summary line for the check, with its count; the message in full once in the table, once there.
    expect(run.out).toContain(`failing checks (${failed.length} failing cases):\n`);
    expect(run.out).toMatch(
      new RegExp(
        `^ {2}✗ code {2}${failed.length} cases {2}accepted \\(000_000\\): the contract requires a refusal$`,
        'm',
      ),
    );
    expect(run.out.split('accepted (000_000): the contract requires a refusal')).toHaveLength(3);
    expect(run.out.match(/✗ as above: code$/gm)).toHaveLength(failed.length - 1);
    // Guesses only where one is at stake: a bad token accepted says nothing of the token's form; a stale
    // one accepted bears on the time's window, one case per operation.
    expect(run.out).not.toMatch(/X-KM-Tran-Token: /);
    const window = run.out.split('\n').filter((l) => /^ {2}\? +\d+ cases? {2}X-KM-Tran-Time: Assumed/.test(l));
    expect(window).toHaveLength(1);
    expect(window[0]).toMatch(new RegExp(`^ {2}\\? +${expected.length} cases {2}`));
  });

  it('--skip signature leaves those cases out (counted as skipped): a server that does not verify tokens passes', async () => {
    const run = await conformance(await startMock(), ['--skip', 'signature']);
    expect(failing(run.cases)).toEqual([]);
    expect(run.code).toBe(0);
    const skipped = run.cases.filter((c) => c.skipped);
    expect(skipped.length).toBe(4 * expected.length);
    expect(skipped.every((c) => c.kind === 'signature')).toBe(true);
    expect(run.out).toMatch(new RegExp(`0 failed, ${skipped.length} skipped`));
    expect(run.out).not.toContain('failing checks');
  });

  it('a server that does not echo the correlation id', async () => {
    const server = await wrongServer(strict, (x) => {
      x.headers['x-km-correlation-id'] = '261121103000-0000000';
    });
    const run = await conformance(server);
    expect(run.code).toBe(1);
    const caught = only(run.cases, 'correlation id echoed');
    // Every case that sent a valid correlation id (all but those that broke or left out the header itself),
    // except HTTP-level refusals outside the contract (413, 415), where a missing echo is a warning.
    const held = run.cases.filter((c) => !c.name.startsWith('X-KM-Correlation-Id') && !/HTTP 41[35];/.test(c.warnings));
    expect(caught.length).toBe(held.length);
    expect(held.length).toBeGreaterThan(run.cases.length - 15);
    expect(caught[0]?.failures.find((f) => f.type === 'correlation id echoed')?.message).toBe(
      'X-KM-Correlation-Id differs from the one sent',
    );
    // The summary counts the cases, not the failures.
    expect(run.out).toMatch(new RegExp(`^ {2}✗ correlation id echoed +${caught.length} cases {2}`, 'm'));
    // --skip correlation-id: that check is not applied, and nothing else fails.
    const skipped = await conformance(server, ['--skip', 'correlation-id']);
    expect(failing(skipped.cases)).toEqual([]);
    expect(skipped.code).toBe(0);
  });

  it('a server that echoes the card number in its error messages: caught, and masked in the report', async () => {
    const server = await wrongServer(strict, (x) => {
      const cardNo = /"cardNo":"(\d{16})"/.exec(x.request.body)?.[1];
      if (cardNo && x.status === 400) x.text = x.text.replace(/"message":"([^"]*)"/, `"message":"$1 (card ${cardNo})"`);
    });
    const run = await conformance(server);
    expect(run.code).toBe(1);
    const caught = only(run.cases, 'no card data echoed');
    expect(caught.map((c) => c.name)).toContain('scenario card-not-found');
    expect(caught[0]?.failures.find((f) => f.type === 'no card data echoed')?.message).toBe(
      "the error body contains the request's cardNo",
    );
    expect(run.out).not.toMatch(/9491239999999991|9491230000000017/);
    expect(run.xml).not.toMatch(/9491239999999991|9491230000000017/);
  });

  it('a server that answers an error code with HTTP 200', async () => {
    const server = await wrongServer(strict, (x) => {
      if (x.text.includes('"003_067"')) x.status = 200;
    });
    const run = await conformance(server, ['--operation', 'inquireCardVirtualAccount']);
    expect(run.code).toBe(1);
    expect(failing(run.cases).map((c) => c.name)).toEqual(['scenario virtual-account-not-found']);
    expect(failing(run.cases)[0]?.failures).toEqual([
      { type: 'HTTP status', message: 'HTTP 200; the registry gives 003_067 HTTP 400' },
    ]);
  });

  it('a server that echoes the access key in a header', async () => {
    const server = await wrongServer(strict, (x) => {
      x.headers['x-debug-auth'] = String(x.request.headers['x-km-access-key']);
    });
    const run = await conformance(server, ['--operation', 'inquireCardVirtualAccount']);
    expect(run.code).toBe(1);
    expect(only(run.cases, 'no secret echoed').length).toBeGreaterThan(0);
    expect(run.out).not.toContain(spec.components.schemas.AccessKey.examples[0]);
  });
});

describe('konaplate conformance options', () => {
  it('--test-data maps scenarios to real inputs; unnamed ones are skipped, null skips one', async () => {
    await writeFile(
      `${dir}/sandbox.yaml`,
      `# inputs of a (here: mock) sandbox
inquireUnregisteredCard:
  success: { cardNo: "9491231111111111", expiryDate: "3108", cardCVC: "123" }
  card-not-found: { cardNo: "9491239999999991", expiryDate: "3108", cardCVC: "123" }
  card-already-registered: null
inquireCardVirtualAccount:
  success: { cardNo: "9491231111111111" }
`,
    );
    const run = await conformance(strict, ['--test-data', `${dir}/sandbox.yaml`]);
    expect(failing(run.cases)).toEqual([]);
    expect(run.code).toBe(0);
    const skipped = run.cases.filter((c) => c.skipped).map((c) => `${c.suite} ${c.name}`);
    expect(skipped).toContain('inquireUnregisteredCard scenario card-already-registered');
    expect(skipped).toContain('inquireCardVirtualAccount scenario virtual-account-not-found');
    expect(skipped).toContain('inquireUnregisteredCard scenario encrypted');
    expect(skipped).not.toContain('inquireUnregisteredCard scenario card-not-found');
    expect(skipped).not.toContain('inquireUnregisteredCard scenario missing-required-values');
    expect(run.out).toMatch(new RegExp(`0 failed, ${skipped.length} skipped`));
  });

  it.each([
    [
      'inquireCard:\n  success: {}\n',
      /--test-data: unknown operation "inquireCard"; operations: inquireUnregisteredCard, inquireCardVirtualAccount/,
    ],
    [
      'inquireCardVirtualAccount:\n  sucess: {}\n',
      /--test-data: inquireCardVirtualAccount has no scenario "sucess"; scenarios: success, rotation-account/,
    ],
    [
      'inquireCardVirtualAccount:\n  success: "9491231111111111"\n',
      /inquireCardVirtualAccount\.success must be a request body object/,
    ],
    ['inquireCardVirtualAccount: [\n', /--test-data: .* is not valid YAML/],
  ])('a wrong test-data file is a usage error naming what is wrong', async (text, message) => {
    await writeFile(`${dir}/bad.yaml`, text);
    const run = await conformance(strict, ['--test-data', `${dir}/bad.yaml`]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err).not.toContain('9491231111111111');
  });

  it('--junit creates the folders it needs: a green run into a missing folder exits 0 with the report there', async () => {
    const junit = `${dir}/reports/nested/conformance.xml`;
    const run = await cli(
      ['conformance', '--base-url', strict, '--operation', 'inquireCardVirtualAccount', '--junit', junit, '--quiet'],
      { KONAPLATE_SECRET_KEY: SECRET },
    );
    expect([run.code, run.err]).toEqual([0, '']);
    expect(parseJunit(await readFile(junit, 'utf8')).failures).toBe(0);
  });

  it('--skip takes the groups --help lists; an unknown one is a usage error listing them', async () => {
    const help = await cli(['conformance', '--help']);
    const groups = [...help.out.matchAll(/^ {33}([a-z-]+) +\S/gm)].map((m) => m[1]);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups).toContain('signature');
    const bad = await conformance(strict, ['--skip', 'signatures']);
    expect(bad.code).toBe(2);
    expect(bad.err.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.err).toContain(`--skip: unknown group "signatures"; groups: ${groups.join(', ')}`);
    for (const name of ['constructor', '__proto__']) expect((await conformance(strict, ['--skip', name])).code).toBe(2);
  });

  it('--operation runs one operation; an unknown one lists the valid ones', async () => {
    const one = await conformance(strict, ['--operation', 'inquireCardVirtualAccount']);
    expect(new Set(one.cases.map((c) => c.suite))).toEqual(new Set(['inquireCardVirtualAccount']));
    const bad = await conformance(strict, ['--operation', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown operation "nope"; operations: /);
  });

  it('a server that streams an answer without end: each case fails at 1 MiB, nothing waits for the end', async () => {
    let written = 0;
    const endless = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: chunked, unbounded
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.write('{"response":');
      pump();
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = endless.address() as { port: number };
      // With keys, so the encrypted scenario (sent through the client) meets the endless answer too.
      const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
      const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
      await writeFile(`${dir}/endless-server.pem`, await exportSPKI(server.publicKey));
      await writeFile(`${dir}/endless-client.pem`, await exportPKCS8(client.privateKey));
      const run = await conformance(`http://127.0.0.1:${port}`, [
        '--operation',
        'inquireCardVirtualAccount',
        '--crypto-key-id',
        spec.components.schemas.CryptoKeyId.examples[0],
        '--server-public-key',
        `${dir}/endless-server.pem`,
        '--client-private-key',
        `${dir}/endless-client.pem`,
      ]);
      expect(run.code).toBe(1);
      expect(run.cases.filter((c) => c.name === 'scenario encrypted' && !c.skipped)).toHaveLength(1);
      const messages = failing(run.cases).flatMap((c) => c.failures.map((f) => f.message));
      expect(messages.length).toBe(run.cases.filter((c) => !c.skipped).length);
      expect(new Set(messages)).toEqual(new Set(['the answer is larger than 1048576 bytes (not read further)']));
      // Each reader stops shortly past the limit; the server's socket buffers hold the rest.
      expect(written / run.cases.length).toBeLessThan(8 * 1024 * 1024);
    } finally {
      endless.closeAllConnections();
      endless.close();
    }
  });

  it('a server that is not there: exit 1 and one clear line after the table', async () => {
    const run = await conformance(`http://127.0.0.1:${await freePort()}`, ['--operation', 'inquireCardVirtualAccount']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^konaplate conformance: no answer from http:\/\/127\.0\.0\.1:\d+: is the server running\?\n$/,
    );
  });
});
