// A plain-Node app of a client team: the installed package, no TypeScript, no tsx.
import { createKonaplateClient, isKonaplateError } from '@konaplate-contract/client';

const konaplate = createKonaplateClient({
  baseUrl: process.argv[2],
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: 'sandbox-secret',
});
const card = await konaplate.orThrow.inquireUnregisteredCard({
  cardNo: '9491230000000033',
  expiryDate: '3108',
  cardCVC: '123',
});
console.log(card.cardDataInfo.serviceName, card.cardDataInfo.balance);
const refused = await konaplate.inquireCardVirtualAccount({ cardNo: '9491230000000082' });
console.log(refused.error.name, refused.error.code, isKonaplateError(refused.error, '003_067'));
console.log(refused.correlationId === refused.error.correlationId, /^\d{12}-[0-9a-f]{7}$/.test(refused.correlationId));
const bad = await konaplate.inquireCardVirtualAccount({ cardNo: '1' });
console.log(bad.error.name, bad.error.field, bad.error.rule, String(bad.error).split(':')[0]);
console.log(Object.keys(konaplate.operations).join(','));
