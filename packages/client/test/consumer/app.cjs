// A CommonJS app: require() of the installed ES module package (Node 20.19 or later), root and tools.
const { createKonaplateClient, KonaplateTransportError } = require('@konaplate-contract/client');
const { signHeaders } = require('@konaplate-contract/client/tools');

const konaplate = createKonaplateClient({
  baseUrl: process.argv[2],
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: 'sandbox-secret',
});
konaplate.inquireCardVirtualAccount({ cardNo: '9491230000000066' }).then(async ({ data, attempts }) => {
  const headers = await signHeaders({ aspId: 'KMASP0000000001', accessKey: 'a'.repeat(40), secretKey: 's' }, '{}');
  console.log(data.connectType, attempts, KonaplateTransportError.name, Object.keys(headers).length);
});
