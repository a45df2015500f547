import { describeRule } from '../lint-with.ts';

describeRule('kona-provisional-flagged', {
  'a placeholder code marked published': {
    mutate: (doc) => {
      (doc['x-error-registry']['003_P01'] as Record<string, unknown>).status = 'published';
    },
    expect: [
      { path: 'x-error-registry.003_P01.status', message: /003_P01 is a placeholder code but its status is published/ },
    ],
  },
  'a provisional example whose summary does not say so': {
    mutate: (doc) => {
      (doc.components.examples.AlreadyRegistered as { summary: string }).summary =
        '400 - Card is already registered user';
    },
    expect: [
      {
        path: 'components.examples.AlreadyRegistered.summary',
        message: /example "already-registered" shows provisional code 003_P01 without saying so/,
      },
    ],
  },
  'a provisional code with no explanation': {
    mutate: (doc) => {
      delete (doc['x-error-registry']['003_P01'] as Record<string, unknown>)['x-source-conflicts'];
    },
    expect: [{ path: 'x-error-registry.003_P01', message: /003_P01 is provisional but does not say why/ }],
  },
});
