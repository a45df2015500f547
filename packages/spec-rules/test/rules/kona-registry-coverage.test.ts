import { describeRule } from '../lint-with.ts';

describeRule('kona-registry-coverage', {
  'an operation with no example for a code it can return': {
    mutate: (doc) => {
      const media = (
        doc.paths['/cards'].post.responses['400'] as { content: Record<string, { examples: Record<string, unknown> }> }
      ).content['application/json'];
      delete media?.examples['card-not-found'];
    },
    expect: [
      { path: 'paths./cards.post.responses', message: /inquireCard has no example for 003_029 \(Card not found\)/ },
    ],
  },
});
