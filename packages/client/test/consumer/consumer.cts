// A TypeScript app compiled to CommonJS (TypeScript 5.8 or later, module NodeNext): the ES module package is
// required by the emitted code.
import { createKonaplateClient, type KonaplateHooks } from '@konaplate-contract/client';
import { time17 } from '@konaplate-contract/client/tools';

declare const process: { argv: string[] }; // no @types/node in this consumer

const hooks: KonaplateHooks = { onResponse: (e) => console.log(e.operationId, e.status, e.code) };
const konaplate = createKonaplateClient({
  baseUrl: process.argv[2] ?? 'http://127.0.0.1:4010',
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: 'sandbox-secret',
  hooks,
});
konaplate.inquireCardVirtualAccount({ cardNo: '9491230000000066' }, { retry: false }).then(({ data }) => {
  console.log(data?.connectType, time17(Date.UTC(2026, 10, 21, 1, 30, 0, 123), 'KST'));
});
