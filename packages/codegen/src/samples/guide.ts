// The encryption guide's placeholders: the TEST-ONLY key files (links into the docs folder), the JWE test
// vector, and the Python and Java samples of an encrypted call (comments in the edition's language).
import { isEncryptedScenario, jweTestVectorOf, keyFileName, SpecError, testKeysOf } from '@konaplate-contract/contract';
import type { GuideContext } from '../docs-guides.ts';
import { javaEncryptionSample, pythonEncryptionSample } from './encryption.ts';
import { callFacts, encryptionFacts, firstOperationId } from './facts.ts';
import { sampleTexts } from './text.ts';

/** A compact JWE's protected header, decoded. */
function protectedHeader(jwe: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwe.split('.')[0] ?? '', 'base64url').toString('utf8'));
}

/** The TEST-ONLY key files: a link to each, what it is for, and what the mock does with them. */
export function testKeyFiles({ english, scenarios, language, links }: GuideContext): string {
  const t = sampleTexts[language];
  const keys = testKeysOf(english);
  const { envelope } = encryptionFacts(english);
  const encrypted = scenarios.operations.flatMap((o) => o.scenarios).find(isEncryptedScenario);
  if (!encrypted) throw new SpecError(["the encryption guide names the mock's encrypted scenario, but there is none"]);
  const list = (Object.keys(keys) as Array<keyof typeof keys>)
    .map((role) => `- [${keyFileName(keys[role])}](${links.root}${keys[role]}): ${t.keyRole[role]}`)
    .join('\n');
  return `${t.testKeysIntro}\n\n${list}\n\n${t.testKeysMock(envelope, encrypted.example)}`;
}

/** The JWE test vector: which TEST-ONLY key opens it, the plaintext, the JWE. */
export function jweTestVector({ english, language }: GuideContext): string {
  const t = sampleTexts[language];
  const vector = jweTestVectorOf(english);
  const keys = testKeysOf(english);
  const publicRole = vector.key === 'clientPrivateKey' ? 'clientPublicKey' : 'serverPublicKey';
  const header = protectedHeader(vector.jwe);
  return `${t.vectorIntro(keyFileName(keys[publicRole]), keyFileName(keys[vector.key]), String(header.alg), String(header.enc))}

${t.plaintext}:

\`\`\`json
${vector.plaintext}
\`\`\`

JWE:

\`\`\`text
${vector.jwe}
\`\`\``;
}

const fenced = (fence: string, source: string) => `\`\`\`${fence}\n${source.trimEnd()}\n\`\`\``;

export function encryptionSamplePython({ english, language }: GuideContext): string {
  const facts = callFacts(english, firstOperationId(english), language);
  return `Python:\n\n${fenced('python', pythonEncryptionSample(facts, encryptionFacts(english), language))}`;
}

export function encryptionSampleJava({ english, language }: GuideContext): string {
  const facts = callFacts(english, firstOperationId(english), language);
  return `Java:\n\n${fenced('java', javaEncryptionSample(facts, encryptionFacts(english), language))}`;
}
