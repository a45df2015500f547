// The README's quick-start script is examples/quickstart.ts verbatim, and it runs
// against the real mock, printing typed results of both endpoints.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createMockServer, loadContract } from '@konaplate-contract/mock';
import { expect, it } from 'vitest';
import { createKonaplateClient } from '../src/index.ts';

const example = fileURLToPath(new URL('../examples/quickstart.ts', import.meta.url));

it('the README shows examples/quickstart.ts as it is', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(`\`\`\`ts\n${readFileSync(example, 'utf8')}\`\`\``);
});

it('the quick-start script calls two operations against the mock and prints typed results', async () => {
  const mock = await createMockServer({ contract: loadContract() });
  const url = await mock.listen(0);
  try {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, example], {
      env: { ...process.env, KONAPLATE_BASE_URL: url.href.replace(/\/$/, '') },
    });
    expect(stdout).toBe('코나 기프트카드 45000 455000\nno virtual account (003_067): Not found virtual account.\n');
  } finally {
    await mock.close();
  }
}, 30_000);

it("the README's negative test requests get the codes it names, from the mock, with validateRequest: false", async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const rows = [
    ...readme.matchAll(/^\| (.+?) \| `KonaplateValidationError` \(`(\w+)`, `(\w+)`\) \| `(\w+)` \(`([\w-]+)`\) \|$/gm),
  ];
  expect(rows.length).toBe(3);
  const contract = loadContract();
  const scenarios = contract.scenarios.operations.find((o) => o.operationId === 'inquireUnregisteredCard')?.scenarios;
  const mock = await createMockServer({ contract });
  const url = await mock.listen(0);
  try {
    const client = createKonaplateClient({
      baseUrl: url.href.replace(/\/$/, ''),
      aspId: 'KMASP0000000001',
      accessKey: 'sandbox-access-key-not-a-real-key-000001',
      secretKey: 'sandbox-secret',
    });
    for (const [, request, field, rule, code, example] of rows) {
      expect(scenarios?.find((s) => s.example === example)?.code).toBe(code);
      const cardNo = /`(\d\w+)`/.exec(request as string)?.[1];
      const body: Record<string, string> = { cardNo: cardNo ?? '', expiryDate: '3108', cardCVC: '123' };
      if (!cardNo) delete body.cardNo;
      const checked = await client.call('inquireUnregisteredCard', body as never);
      expect(checked.error).toMatchObject({ kind: 'validation', field, rule });
      const sent = await client.call('inquireUnregisteredCard', body as never, { validateRequest: false });
      expect(sent.error).toMatchObject({ kind: 'platform', code });
    }
  } finally {
    await mock.close();
  }
});
