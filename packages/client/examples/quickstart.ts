import { createKonaplateClient, isKonaplateError } from '@konaplate-contract/client';

const konaplate = createKonaplateClient({
  baseUrl: process.env.KONAPLATE_BASE_URL ?? 'http://127.0.0.1:4010', // the QA mock (konaplate-mock)
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: process.env.KONAPLATE_SECRET_KEY ?? 'sandbox-secret',
});
const card = await konaplate.orThrow.inquireUnregisteredCard({
  cardNo: '9491230000000033',
  expiryDate: '3108',
  cardCVC: '123',
});
console.log(card.cardDataInfo.serviceName, card.cardDataInfo.balance, card.cardDataInfo.rechargeableAmount);
const { data, error } = await konaplate.inquireCardVirtualAccount({ cardNo: '9491230000000082' });
if (isKonaplateError(error, '003_067')) console.log(`no virtual account (${error.code}): ${error.message}`);
else if (data) console.log(data.bankCode, data.accountNo, data.connectType);
