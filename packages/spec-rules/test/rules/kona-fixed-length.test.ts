import { describeRule } from '../lint-with.ts';

describeRule('kona-fixed-length', {
  'maxLength edited on one side only': {
    mutate: (doc) => {
      (doc.components.schemas.CardNumber as Record<string, unknown>).maxLength = 17;
    },
    expect: [
      {
        path: 'components.schemas.CardNumber',
        message: /pattern fixes the length at 16, but minLength is 16 and maxLength is 17/,
      },
    ],
  },
  'minLength edited on one side only': {
    mutate: (doc) => {
      (doc.components.schemas.CardNumber as Record<string, unknown>).minLength = 15;
    },
    expect: [
      {
        path: 'components.schemas.CardNumber',
        message: /pattern fixes the length at 16, but minLength is 15 and maxLength is 16/,
      },
    ],
  },
  'both bounds disagree with the pattern': {
    mutate: (doc) => {
      Object.assign(doc.components.schemas.AspId as Record<string, unknown>, { minLength: 14, maxLength: 14 });
    },
    expect: [
      { path: 'components.schemas.AspId', message: /fixes the length at 15, but minLength is 14 and maxLength is 14/ },
    ],
  },
});
