// The Node sample: the TypeScript client, which signs every call itself.
import type { Language } from '../docs-text.ts';
import type { CallFacts } from './facts.ts';
import { sampleTexts } from './text.ts';

export function nodeSample(facts: CallFacts, language: Language): string {
  const t = sampleTexts[language];
  const { env } = facts;
  return `// ${t.nodeCall(facts.summary, facts.method, facts.path)}
import { createKonaplateClient } from '@konaplate-contract/client';

const konaplate = createKonaplateClient({
  baseUrl: process.env.${env.baseUrl} ?? '${facts.sandboxUrl}',
  aspId: process.env.${env.aspId} ?? '',
  accessKey: process.env.${env.accessKey} ?? '',
  secretKey: process.env.${env.secretKey} ?? '',
});
const { data, error } = await konaplate.${facts.operationId}(${facts.body});
if (error) console.error(error.toString());
else console.log(JSON.stringify(data));
`;
}
