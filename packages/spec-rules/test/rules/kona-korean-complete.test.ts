import { describe, expect, it } from 'vitest';
import { validDocument } from '../fixture.ts';
import { describeRule, lintWith } from '../lint-with.ts';

const longEnglish = 'Looks up a card by its number, expiry and CVC, and returns its balance and state.';

describeRule('kona-korean-complete', {
  'an operation description whose Korean leaves out most of what the English says': {
    mutate: (doc) => {
      Object.assign(doc.paths['/cards'].post, { description: longEnglish, 'x-ko': '카드를 조회합니다.' });
    },
    expect: [
      {
        path: 'paths./cards.post.description',
        message: /^x-ko says less than description: 9 Korean characters for 16 English words \(at least 1\.25 a word/,
      },
    ],
  },
  'a changelog entry whose Korean is one word for a sentence': {
    mutate: (doc) => {
      Object.assign(doc['x-changelog'][0] as Record<string, unknown>, {
        changes: ['Every operation now returns the correlation id it was sent, in a response header.'],
        'x-ko-changes': ['변경'],
      });
    },
    expect: [{ path: 'x-changelog.0.changes.0', message: /^x-ko-changes says less than changes: 2 Korean characters/ }],
  },
});

describe('kona-korean-complete measures what the twin answers for', () => {
  it('passes a full translation of the same sentence', async () => {
    const doc = validDocument();
    Object.assign(doc.paths['/cards'].post, {
      description: longEnglish,
      'x-ko': '카드 번호와 유효기간, CVC로 카드를 조회해 잔액과 상태를 돌려줍니다.',
    });
    expect(await lintWith('kona-korean-complete', doc)).toEqual([]);
  });

  it('leaves out the source-conflict paragraphs the bundle adds to a description (they have twins of their own)', async () => {
    const doc = validDocument();
    Object.assign(doc.paths['/cards'].post, {
      description: `Looks up a card.\n\n**Source conflict.** The source pages: ${longEnglish} Evidence: ${longEnglish}`,
      'x-ko': '카드를 조회합니다.',
      'x-source-conflicts': [
        { pages: 'a', 'x-ko-pages': '가', evidence: 'b', 'x-ko-evidence': '나', decision: 'c', 'x-ko-decision': '다' },
      ],
    });
    expect(await lintWith('kona-korean-complete', doc)).toEqual([]);
  });

  it('does not measure a short label (fewer than 6 English words), nor code and placeholders', async () => {
    const doc = validDocument();
    Object.assign(doc.paths['/cards'].post, { summary: 'Inquire a card by number', 'x-ko-summary': '조회' });
    Object.assign(doc.components.schemas.CardNumber as Record<string, unknown>, {
      description: 'Send `cardNo`, `expiryDate` and `cardCVC`: {{fields}} {{more}} {{other}}.',
      'x-ko': '`cardNo`, `expiryDate`, `cardCVC`를 보냅니다: {{fields}} {{more}} {{other}}.',
    });
    expect(await lintWith('kona-korean-complete', doc)).toEqual([]);
  });
});
