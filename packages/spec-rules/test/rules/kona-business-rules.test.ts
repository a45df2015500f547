import { describeRule } from '../lint-with.ts';

describeRule('kona-business-rules', {
  'rechargeableAmount that is not maximum minus balance': {
    mutate: (doc) => {
      (doc.components.examples.Success?.value as Record<string, unknown>).rechargeableAmount = 250000;
    },
    expect: [
      {
        path: 'components.examples.Success.value.rechargeableAmount',
        message: /rechargeableAmount is 250000, but maxNonRealNameRechargeAmount 500000 - balance 300000 = 200000/,
      },
    ],
  },
  'a negative headroom instead of zero': {
    mutate: (doc) => {
      Object.assign(doc.components.examples.Success?.value ?? {}, { balance: 600000, rechargeableAmount: -100000 });
    },
    expect: [{ path: 'components.examples.Success.value.rechargeableAmount', message: /= 0$/ }],
  },
});
