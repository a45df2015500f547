import { describeRule } from '../lint-with.ts';

describeRule('kona-korean-texts', {
  'an operation summary without its Korean twin': {
    mutate: (doc) => {
      delete (doc.paths['/cards'].post as Record<string, unknown>)['x-ko-summary'];
    },
    expect: [{ path: 'paths./cards.post.summary', message: /^summary has no Korean text \(x-ko-summary beside it\)$/ }],
  },
  'a description whose x-ko is the English copied over': {
    mutate: (doc) => {
      (doc.paths['/cards'].post.responses['200'] as Record<string, unknown>)['x-ko'] = 'Found.';
    },
    expect: [{ path: 'paths./cards.post.responses.200.description', message: /^x-ko is not Korean text/ }],
  },
  'a new description with no x-ko at all': {
    mutate: (doc) => {
      (doc.components.schemas.CardNumber as Record<string, unknown>).description = 'Card number, 16 digits.';
    },
    expect: [{ path: 'components.schemas.CardNumber.description', message: /description has no Korean text \(x-ko/ }],
  },
  'a source conflict whose decision is English only': {
    mutate: (doc) => {
      const entry = doc['x-error-registry']['003_P01'] as Record<string, unknown>;
      delete (entry['x-source-conflicts'] as Array<Record<string, unknown>>)[0]?.['x-ko-decision'];
    },
    expect: [
      {
        path: 'x-error-registry.003_P01.x-source-conflicts.0.decision',
        message: /decision has no Korean text \(x-ko-decision/,
      },
    ],
  },
  'a registry meaning without x-ko-meaning': {
    mutate: (doc) => {
      (doc['x-error-registry']['003_029'] as Record<string, unknown>).meaning = 'No such card.';
    },
    expect: [{ path: 'x-error-registry.003_029.meaning', message: /meaning has no Korean text \(x-ko-meaning/ }],
  },
  'an example summary written by hand (not the registry one) without Korean': {
    mutate: (doc) => {
      (doc.components.examples.Success as { summary: string }).summary = '200 - Success (active card)';
    },
    expect: [{ path: 'components.examples.Success.summary', message: /summary has no Korean text \(x-ko-summary/ }],
  },
  'a tag without its Korean name': {
    mutate: (doc) => {
      delete doc.tags[0]?.['x-ko-name'];
    },
    expect: [{ path: 'tags.0.name', message: /name has no Korean text \(x-ko-name/ }],
  },
  'a guide whose Korean text lost a placeholder': {
    mutate: (doc) => {
      (doc['x-guides'][0] as Record<string, unknown>)['x-ko'] = '다음 헤더를 보냅니다.';
    },
    expect: [
      {
        path: 'x-guides.0.description',
        message: /^x-ko uses the placeholders none, but description uses headers$/,
      },
    ],
  },
  'a changelog entry whose Korean list is short': {
    mutate: (doc) => {
      (doc['x-changelog'][0] as { changes: string[] }).changes.push('Second change.');
    },
    expect: [{ path: 'x-changelog.0.changes', message: /x-ko-changes must list one Korean text for each of the 2/ }],
  },
});
