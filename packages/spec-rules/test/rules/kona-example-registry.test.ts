import { describeRule } from '../lint-with.ts';

const notFound = 'components.examples.CardNotFound.value.response';
const envelope = (doc: ReturnType<typeof import('../fixture.ts').validDocument>) =>
  doc.components.examples.CardNotFound?.value.response as Record<string, unknown>;
describeRule('kona-example-registry', {
  'a code not in the registry': {
    mutate: (doc) => {
      envelope(doc).code = '003_999';
    },
    expect: [
      {
        path: `${notFound}.code`,
        message: /inquireCard 400 example "card-not-found": result code "003_999" is not in the error registry/,
      },
    ],
  },
  'a code under another HTTP status than the registry says': {
    mutate: (doc) => {
      Object.assign(envelope(doc), { code: '000_000', message: 'Success.', description: '성공' });
    },
    expect: [
      { path: `${notFound}.code`, message: /000_000 is HTTP 200 in the registry, but the example is under 400/ },
    ],
  },
  'a message that differs from the registry': {
    mutate: (doc) => {
      envelope(doc).message = 'Card not found.';
    },
    expect: [
      {
        path: `${notFound}.message`,
        message: /response.message "Card not found." differs from the registry's "Card not found"/,
      },
    ],
  },
});
