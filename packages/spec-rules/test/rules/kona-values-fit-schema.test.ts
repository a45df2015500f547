import { describeRule } from '../lint-with.ts';

describeRule('kona-values-fit-schema', {
  'an enum value longer than maxLength (the seed\'s "Max : 7" with SUSPENDED)': {
    mutate: (doc) => {
      (doc.components.schemas.CardStatus as Record<string, unknown>).maxLength = 7;
    },
    expect: [
      {
        path: 'components.schemas.CardStatus.enum.1',
        message: /enum value "SUSPENDED" is 9 characters, above maxLength 7/,
      },
    ],
  },
  'a schema example that breaks the pattern': {
    mutate: (doc) => {
      (doc.components.schemas.CardNumber as Record<string, unknown>).examples = ['9491-2300-0000-01'];
    },
    expect: [
      {
        path: 'components.schemas.CardNumber.examples.0',
        message: /example "9491-2300-0000-01" is 17 characters, above maxLength 16/,
      },
    ],
  },
  'an example outside the numeric range': {
    mutate: (doc) => {
      (doc.components.schemas.Amount as Record<string, unknown>).examples = [-1];
    },
    expect: [{ path: 'components.schemas.Amount.examples.0', message: /example -1 is below minimum 0/ }],
  },
});
