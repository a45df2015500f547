import { describeRule } from '../lint-with.ts';

describeRule('kona-number-bounds', {
  'an amount without maximum': {
    mutate: (doc) => {
      delete doc.components.schemas.Amount?.maximum;
    },
    expect: [{ path: 'components.schemas.Amount', message: /integer has no maximum/ }],
  },
  'a number without minimum': {
    mutate: (doc) => {
      (doc.components.schemas.CardResponse?.properties as Record<string, unknown>).rate = {
        type: 'number',
        maximum: 1,
      };
    },
    expect: [{ path: 'components.schemas.CardResponse.properties.rate', message: /number has no minimum/ }],
  },
});
