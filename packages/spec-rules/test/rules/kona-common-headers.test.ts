import { describeRule } from '../lint-with.ts';

const op = 'paths./cards.post';
describeRule('kona-common-headers', {
  'an operation without one common header': {
    mutate: (doc) => {
      doc.paths['/cards'].post.parameters.pop();
    },
    expect: [{ path: `${op}.parameters`, message: /does not reference the common header X-KM-Time-Zone/ }],
  },
  'a common header declared inline': {
    mutate: (doc) => {
      doc.paths['/cards'].post.parameters[1] = {
        name: 'X-KM-Time-Zone',
        in: 'header',
        schema: { type: 'string', maxLength: 3 },
      };
    },
    expect: [
      { path: `${op}.parameters`, message: /does not reference the common header X-KM-Time-Zone/ },
      { path: `${op}.parameters.1`, message: /declares the common header X-KM-Time-Zone inline/ },
    ],
  },
});
