// Self-serve encryption: the TEST-ONLY key files of the docs folder, the JWE test vector the encryption
// guide shows, the spec's encrypted examples (what the default mock's `encrypted` scenario answers), and the
// guide's Python and Java samples, copied from the generated Markdown and both editions' pages and run
// against the strict mock, in encryption mode (the published test keys loaded) and without keys.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir, repoRoot } from '@konaplate-contract/codegen';
import {
  envelopeField,
  examplesOf,
  jweAlgorithmsOf,
  jweTestVectorOf,
  keyFileName,
  operationsOf,
  testKeyRoles,
  testKeysOf,
} from '@konaplate-contract/contract';
import { environmentVariables, pemBlock } from '@konaplate-contract/contract/protocol';
import { createMockServer, loadContract, loadKeys, utcOffsetsOf } from '@konaplate-contract/mock';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, importPKCS8, importSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.ts';
import {
  commentsOf,
  docsFile,
  fencedBlocks,
  java,
  python,
  redocDefinition,
  runSample,
  sampleTimeout,
  titled,
  withoutComments,
} from './support/samples.ts';

const doc = loadBundle();
const secret = 'samples-test-only-secret';
const keyId = String((doc.components.schemas?.CryptoKeyId?.examples as string[] | undefined)?.[0]);
const algorithms = jweAlgorithmsOf(doc);
const keys = testKeysOf(doc);
const vector = jweTestVectorOf(doc);
/** Each published key file by role: its path in the docs folder and its text. */
const published = testKeyRoles.map((role) => ({
  role,
  path: keys[role],
  name: keyFileName(keys[role]),
  text: readFileSync(join(generatedDir, 'docs', keys[role]), 'utf8'),
}));
const keyText = (role: (typeof testKeyRoles)[number]) => published.find((k) => k.role === role)?.text ?? '';
const privateKey = (role: 'serverPrivateKey' | 'clientPrivateKey') =>
  importPKCS8(pemBlock(keyText(role), 'PRIVATE KEY') ?? '', algorithms.alg);
const publicKey = (role: 'serverPublicKey' | 'clientPublicKey') =>
  importSPKI(pemBlock(keyText(role), 'PUBLIC KEY') ?? '', algorithms.alg);

const [first] = operationsOf(doc);
const success = first && examplesOf(doc, first.operation).find((e) => e.where === '200' && e.key === 'success');

/** The Python and Java blocks of a text: in the docs, only the encryption guide has them (the operations' are tabs). */
function guideSamples(markdown: string): Record<string, string> {
  return Object.fromEntries(
    fencedBlocks(markdown)
      .filter((b) => b.fence === 'python' || b.fence === 'java')
      .map((b) => [b.fence, b.source]),
  );
}
const copies = {
  markdown: guideSamples(docsFile('md/encryption.md')),
  en: guideSamples(redocDefinition(docsFile('index.html')).info.description),
  ko: guideSamples(redocDefinition(docsFile('ko/index.html')).info.description),
};
const koMarkdownPath = join(generatedDir, 'docs/ko/md/encryption.md');
const koMarkdown = { ok: existsSync(koMarkdownPath), reason: 'generated/docs/ko/md/encryption.md is not generated' };
const runs = (['markdown', 'ko'] as const).flatMap((copy) =>
  Object.entries(copies[copy]).map(([fence, source]) => ({ copy, fence, source })),
);
const toolOf = (fence: string) => (fence === 'python' ? python : java);

const mocks: Array<{ close(): Promise<void> }> = [];
const urls: { encrypting?: string; plain?: string } = {};
beforeAll(async () => {
  const contract = loadContract();
  const signing = { secret, windowSeconds: 300, now: Date.now, utcOffsets: utcOffsetsOf(contract) };
  const encryption = await loadKeys({
    keyId,
    serverPrivateKey: keyText('serverPrivateKey'),
    clientPublicKey: keyText('clientPublicKey'),
  });
  for (const [name, options] of [
    ['encrypting', { contract, signing, encryption }],
    ['plain', { contract, signing }],
  ] as const) {
    const mock = await createMockServer(options);
    mocks.push(mock);
    urls[name] = (await mock.listen(0, '127.0.0.1')).href.replace(/\/$/, '');
  }
});
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.close()));
});

describe('the TEST-ONLY key files', () => {
  it('are four, named by the spec, published in the docs folder as in spec/', () => {
    expect(published.map((k) => k.role)).toEqual(testKeyRoles);
    for (const key of published) {
      expect(key.name).toMatch(/test.*\.pem$/);
      expect(key.text).toBe(readFileSync(join(repoRoot, 'spec', key.path), 'utf8'));
    }
  });

  it('each starts with a TEST-ONLY comment line, then the PEM block of its kind (SPKI or PKCS#8)', () => {
    for (const key of published) {
      expect(key.text.split('\n')[0]).toMatch(/^# TEST-ONLY /);
      expect(pemBlock(key.text, key.role.endsWith('PublicKey') ? 'PUBLIC KEY' : 'PRIVATE KEY')).toBeDefined();
    }
  });

  it.each([
    ['serverPublicKey', 'serverPrivateKey'],
    ['clientPublicKey', 'clientPrivateKey'],
  ] as const)('%s and %s are one RSA-2048 pair', async (pub, priv) => {
    const jwe = await new CompactEncrypt(new TextEncoder().encode('pair'))
      .setProtectedHeader({ alg: algorithms.alg, enc: algorithms.requestEnc })
      .encrypt(await publicKey(pub));
    const { plaintext } = await compactDecrypt(jwe, await privateKey(priv));
    expect(new TextDecoder().decode(plaintext)).toBe('pair');
    const { algorithm } = (await publicKey(pub)) as unknown as { algorithm: { modulusLength: number } };
    expect(algorithm.modulusLength).toBe(2048);
  });

  it('the encryption guide links each one, relative to the page (Markdown, both editions)', () => {
    for (const key of published) {
      expect(docsFile('md/encryption.md')).toContain(`[${key.name}](../${key.path})`);
      expect(redocDefinition(docsFile('index.html')).info.description).toContain(`[${key.name}](${key.path})`);
      expect(redocDefinition(docsFile('ko/index.html')).info.description).toContain(`[${key.name}](../${key.path})`);
    }
  });
});

describe('the JWE test vector', () => {
  it('decrypts with the TEST-ONLY private key it names to the documented plaintext', async () => {
    const { plaintext, protectedHeader } = await compactDecrypt(vector.jwe, await privateKey(vector.key), {
      keyManagementAlgorithms: [algorithms.alg],
      contentEncryptionAlgorithms: [algorithms.requestEnc, ...algorithms.responseEnc],
    });
    expect(new TextDecoder().decode(plaintext)).toBe(vector.plaintext);
    expect(protectedHeader.alg).toBe(algorithms.alg);
  });

  it('does not decrypt with the other private key', async () => {
    const other = vector.key === 'clientPrivateKey' ? 'serverPrivateKey' : 'clientPrivateKey';
    await expect(compactDecrypt(vector.jwe, await privateKey(other))).rejects.toThrow();
  });

  it('the encryption guide shows it, with its plaintext (Markdown, both editions)', () => {
    for (const text of [
      docsFile('md/encryption.md'),
      redocDefinition(docsFile('index.html')).info.description,
      redocDefinition(docsFile('ko/index.html')).info.description,
    ]) {
      const blocks = fencedBlocks(text);
      expect(blocks).toContainEqual({ fence: 'text', source: `${vector.jwe}\n` });
      expect(blocks).toContainEqual({ fence: 'json', source: `${vector.plaintext}\n` });
    }
  });
});

describe("the spec's encrypted examples open with the TEST-ONLY keys", () => {
  const encrypted = operationsOf(doc).flatMap(({ operation }) => {
    const examples = examplesOf(doc, operation);
    const value = (where: string, key: string) =>
      examples.find((e) => e.where === where && e.key === key)?.example.value;
    return [
      {
        operationId: operation.operationId,
        key: 'request encrypted',
        role: 'serverPrivateKey' as const,
        jwe: value('request', 'encrypted'),
        plaintext: value('request', 'plaintext'),
      },
      {
        operationId: operation.operationId,
        key: '200 encrypted',
        role: 'clientPrivateKey' as const,
        jwe: value('200', 'encrypted'),
        plaintext: value('200', 'success'),
      },
    ];
  });

  it('has encrypted examples to open (read from the bundle)', () => {
    expect(encrypted.length).toBeGreaterThan(0);
    for (const e of encrypted) expect([e.jwe, e.plaintext], `${e.operationId} ${e.key}`).not.toContain(undefined);
  });

  it.each(encrypted)('$operationId $key: decrypts with $role to the plaintext example', async (e) => {
    const jwe = String((e.jwe as Record<string, unknown>)[envelopeField(doc)]);
    const { plaintext } = await compactDecrypt(jwe, await privateKey(e.role));
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(e.plaintext);
    expect(decodeProtectedHeader(jwe).kid).toBe(keyId);
  });
});

describe('the samples of the encryption guide', () => {
  it('has a Python and a Java sample in every copy (Markdown, both editions)', () => {
    expect(Object.keys(copies.markdown).sort()).toEqual(['java', 'python']);
    expect(copies.en).toEqual(copies.markdown);
    expect(runs.length).toBe(4);
    expect(success?.example.value).toBeDefined();
  });

  it('the Korean edition has the same code, its comments in Korean', () => {
    for (const fence of ['python', 'java']) {
      expect(withoutComments(copies.ko[fence] ?? '')).toBe(withoutComments(copies.markdown[fence] ?? ''));
      expect(commentsOf(copies.ko[fence] ?? '')).toMatch(/[\uAC00-\uD7A3]/);
    }
  });

  it.skipIf(!koMarkdown.ok)(titled('the Korean Markdown page carries the Korean edition’s samples', koMarkdown), () => {
    expect(guideSamples(readFileSync(koMarkdownPath, 'utf8'))).toEqual(copies.ko);
  });

  it('the Python sample imports nothing beyond the standard library and cryptography; the Java one only the JDK', () => {
    const python = copies.markdown.python ?? '';
    const modules = [...python.matchAll(/^(?:from (\S+) import|import (\S+))/gm)].map(
      (m) => (m[1] ?? m[2] ?? '').split('.')[0],
    );
    expect(new Set(modules)).toEqual(
      new Set(['base64', 'datetime', 'hashlib', 'hmac', 'json', 'os', 'secrets', 'urllib', 'cryptography']),
    );
    const packages = [...(copies.markdown.java ?? '').matchAll(/^import (\w+)\./gm)].map((m) => m[1]);
    expect(new Set(packages)).toEqual(new Set(['java', 'javax']));
  });

  const env = () => ({
    [environmentVariables.aspId]: 'KMASP0000000001',
    [environmentVariables.accessKey]: 'sandbox-access-key-not-a-real-key-000001',
    [environmentVariables.secretKey]: secret,
    [environmentVariables.cryptoKeyId]: keyId,
  });
  const files = () => Object.fromEntries(published.map((k) => [k.name, k.text]));

  /** A key id of 32 visible ASCII characters, with a quote and a backslash (the pattern allows them). */
  const awkwardKeyId = 'quote"and\\backslash-0123456789ab';

  describe.concurrent.each(runs.filter((r) => r.copy === 'markdown'))(
    '$fence sample, an awkward key id',
    ({ fence, source }) => {
      const tool = toolOf(fence);
      it.skipIf(!tool.ok)(
        titled(
          'writes a key id with a quote and a backslash into the JWE header as valid JSON (the mock decrypts it)',
          tool,
        ),
        async () => {
          expect(awkwardKeyId).toHaveLength(32);
          const run = await runSample(
            fence,
            source,
            {
              ...env(),
              [environmentVariables.cryptoKeyId]: awkwardKeyId,
              [environmentVariables.baseUrl]: urls.encrypting ?? '',
            },
            files(),
          );
          expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
          expect(JSON.parse(run.stdout)).toEqual(success?.example.value);
        },
        sampleTimeout,
      );
    },
  );

  describe.concurrent.each(runs)('$fence sample ($copy copy)', ({ fence, source }) => {
    const tool = toolOf(fence);
    it.skipIf(!tool.ok)(
      titled(
        'encrypts, signs and sends; the mock in encryption mode decrypts it and encrypts the success answer back, which the sample decrypts and prints',
        tool,
      ),
      async () => {
        const run = await runSample(
          fence,
          source,
          { ...env(), [environmentVariables.baseUrl]: urls.encrypting ?? '' },
          files(),
        );
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
        expect(JSON.parse(run.stdout)).toEqual(success?.example.value);
      },
      sampleTimeout,
    );

    it.skipIf(!tool.ok)(
      titled(
        'against the mock without keys: its encrypted example opens with the TEST-ONLY private key to the success answer',
        tool,
      ),
      async () => {
        const run = await runSample(
          fence,
          source,
          { ...env(), [environmentVariables.baseUrl]: urls.plain ?? '' },
          files(),
        );
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
        expect(JSON.parse(run.stdout)).toEqual(success?.example.value);
      },
      sampleTimeout,
    );
  });
});
