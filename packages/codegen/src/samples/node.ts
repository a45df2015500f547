// The Node sample: the TypeScript client, which signs every call itself.
import type { Language } from '../docs-text.ts';
import { downloadsFolder, installCommand, shippedPackage } from '../downloads.ts';
import { type CallFacts, callSettingNames } from './facts.ts';
import { sampleTexts } from './text.ts';

export function nodeSample(facts: CallFacts, language: Language): string {
  const t = sampleTexts[language];
  const { env } = facts;
  const client = shippedPackage('@konaplate-contract/client');
  const file = `${facts.operationId}.mts`;
  return `// ${t.nodeCall(facts.summary, facts.method, facts.path)}
// ${t.nodeInstall(`${downloadsFolder}/`, installCommand(client))}
// ${t.saveAndRun(file, t.nodeRun(file))}
// ${t.settings(callSettingNames(env))}
import { createKonaplateClient } from '${client.name}';

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
