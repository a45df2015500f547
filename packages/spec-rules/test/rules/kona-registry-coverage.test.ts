import { describeRule } from '../lint-with.ts';

describeRule('kona-registry-coverage', {
  'a registered code that no operation has an example of': {
    mutate: (doc) => {
      const media = (
        doc.paths['/cards'].post.responses['400'] as { content: Record<string, { examples: Record<string, unknown> }> }
      ).content['application/json'];
      delete media?.examples['card-not-found'];
    },
    expect: [
      {
        path: 'x-error-registry.003_029',
        message: /003_029 \(Card not found\) is in the registry, but no operation has an example of it/,
      },
    ],
  },
});
