import { describeRule } from '../lint-with.ts';

describeRule('kona-string-max-length', {
  'a header schema without maxLength': {
    mutate: (doc) => {
      delete (doc.components.schemas.TimeZone as Record<string, unknown>).maxLength;
    },
    expect: [{ path: 'components.schemas.TimeZone', message: /string has no maxLength/ }],
  },
  'an inline body property without maxLength': {
    mutate: (doc) => {
      (doc.components.schemas.CardRequest?.properties as Record<string, unknown>).memo = { type: 'string' };
    },
    expect: [{ path: 'components.schemas.CardRequest.properties.memo', message: /string has no maxLength/ }],
  },
  'an enum string that also states a length': {
    mutate: (doc) => {
      (doc.components.schemas.CardRequest?.properties as Record<string, unknown>).kind = {
        type: 'string',
        enum: ['A', 'BB'],
        maxLength: 2,
      };
    },
    expect: [
      {
        path: 'components.schemas.CardRequest.properties.kind',
        message: /an enum string states no length: its values bound it/,
      },
    ],
  },
  'an inline parameter schema without maxLength': {
    mutate: (doc) => {
      doc.paths['/cards'].post.parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } });
    },
    expect: [{ path: 'paths./cards.post.parameters.2.schema', message: /string has no maxLength/ }],
  },
});
