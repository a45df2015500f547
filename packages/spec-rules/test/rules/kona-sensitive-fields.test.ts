import { describeRule } from '../lint-with.ts';

describeRule('kona-sensitive-fields', {
  'a card number schema without the marker': {
    mutate: (doc) => {
      delete (doc.components.schemas.CardNumber as Record<string, unknown>)['x-sensitive'];
    },
    expect: [
      {
        path: 'components.schemas.CardRequest.properties.cardNo',
        message: /cardNo holds cardholder data but is not marked x-sensitive: true/,
      },
    ],
  },
  'an inline CVC and account number': {
    mutate: (doc) => {
      Object.assign(doc.components.schemas.CardRequest?.properties ?? {}, {
        cardCVC: { type: 'string', maxLength: 3 },
        accountNo: { type: 'string', maxLength: 20 },
      });
    },
    expect: [
      { path: 'components.schemas.CardRequest.properties.cardCVC', message: /cardCVC holds cardholder data/ },
      { path: 'components.schemas.CardRequest.properties.accountNo', message: /accountNo holds cardholder data/ },
    ],
  },
});
