import { describeRule } from '../lint-with.ts';

const response = 'paths./cards.post.responses.400';
describeRule('kona-error-envelope', {
  'a 400 with an inline body': {
    mutate: (doc) => {
      const media = (doc.paths['/cards'].post.responses['400'] as { content: Record<string, Record<string, unknown>> })
        .content['application/json'] as Record<string, unknown>;
      media.schema = { type: 'object', properties: { error: { type: 'string', maxLength: 10 } } };
    },
    expect: [
      {
        path: `${response}.content.application/json.schema`,
        message: /an inline schema, not the shared error envelope/,
      },
    ],
  },
  'a 404 with no body': {
    mutate: (doc) => {
      doc.paths['/cards'].post.responses['404'] = { description: 'Missing.' };
    },
    expect: [
      { path: 'paths./cards.post.responses.404', message: /has no body; use #\/components\/schemas\/ErrorResponse/ },
    ],
  },
});
