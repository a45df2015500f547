// Redoc's own interface in Korean, for the Korean edition. Redoc 3 (inlined by Redocly CLI 2's
// build-docs) has no labels option: its components ask a translate hook for most labels ("Copy",
// "Expand all", "required", "Headers", "Show pattern", ...), which the standalone build answers with the
// English default, and write the rest as literals ("Request", "Responses", "Download OpenAPI
// description", "No results", "One of:", the "= 15 characters" of a type line). So the Korean page's
// inlined Redoc bundle is translated at build time: the hook answers from the table below by the
// English text it would show, and the literals are replaced where they are shown (a property such as
// `children:` or `label:`, or one of the few snippets below). Every entry must still find its English
// in the bundle, and every snippet its code, or generation stops naming it: a Redocly CLI upgrade that
// changes the bundle cannot leave the Korean edition half English without a word.
/** English interface text of Redoc → its Korean, for the labels an OpenAPI page can show. */
export const redocKorean: Readonly<Record<string, string>> = {
  // Search.
  'Search ': '검색 ',
  'Search docs...': '문서 검색...',
  'Search endpoints, schemas, and more...': 'API, 스키마 등을 검색합니다...',
  'Searching...': '검색 중...',
  'No results': '결과가 없습니다',
  'Search trigger button': '검색 열기',
  'Clear all': '모두 지우기',
  'Select all': '모두 선택',
  // The page and its sidebar.
  Overview: '개요',
  License: '라이선스',
  'Terms of Service': '이용 약관',
  Servers: '서버',
  Operations: 'API 목록',
  Schemas: '스키마',
  'API docs by': '문서 도구:',
  'Download OpenAPI description': 'OpenAPI 명세 내려받기',
  'Download description': '명세 내려받기',
  'Loading...': '불러오는 중...',
  'Switch to single column': '한 열로 보기',
  'Switch to two columns': '두 열로 보기',
  'Single column': '한 열',
  'Two columns': '두 열',
  'Hide sidebar': '사이드바 숨기기',
  'Show sidebar': '사이드바 보기',
  'Switch color mode': '색상 모드 바꾸기',
  'Link to this section': '이 부분의 링크',
  'Open in new tab': '새 탭에서 열기',
  'Send email': '이메일 보내기',
  Email: '이메일',
  'Dismiss notification': '알림 닫기',
  'Close image': '이미지 닫기',
  Metadata: '메타데이터',
  'More actions': '작업 더 보기',
  'Copy for LLM': 'LLM용으로 복사',
  // The page for an address that is not there.
  'No page at this address': '이 주소에는 페이지가 없습니다',
  "There's no page at": '다음 주소에는 페이지가 없습니다:',
  'It may have been moved or deleted.': '옮겨졌거나 삭제되었을 수 있습니다.',
  'Back to docs': '문서로 돌아가기',
  'Something went wrong rendering the API documentation.': 'API 문서를 표시하는 중에 문제가 생겼습니다.',
  'Reload page': '새로 고침',
  // An operation.
  Request: '요청',
  'Request Body': '요청 본문',
  Body: '본문',
  Headers: '헤더',
  Parameters: '파라미터',
  Path: '경로',
  Query: '쿼리',
  'Query String': '쿼리 문자열',
  Cookies: '쿠키',
  Responses: '응답',
  Response: '응답',
  'Response status': '응답 상태',
  Callbacks: '콜백',
  'Callback Request': '콜백 요청',
  'Callback Response': '콜백 응답',
  'Request sample': '요청 예시',
  'Response sample': '응답 예시',
  'No request payload': '요청 본문 없음',
  'No request data': '요청 데이터 없음',
  'No content': '내용 없음',
  'No response sample': '응답 예시 없음',
  'Request media type': '요청 미디어 타입',
  'Response media type': '응답 미디어 타입',
  'Payload media type': '페이로드 미디어 타입',
  Payload: '페이로드',
  Security: '보안',
  'View security details': '보안 상세 보기',
  'View details': '상세 보기',
  'Scheme type:': '스킴 종류:',
  'Required scopes': '필요한 범위',
  'Show optional scopes': '선택 범위 보기',
  'Hide optional scopes': '선택 범위 숨기기',
  'Flow type': '흐름 종류',
  'Authorization URL': '인가 URL',
  'Token URL': '토큰 URL',
  'Refresh URL': '갱신 URL',
  'Bearer Format': 'Bearer 형식',
  'HTTP Authorization Scheme': 'HTTP 인가 스킴',
  'Location:': '위치:',
  'Deprecation reason': '지원 중단 사유',
  deprecated: '지원 중단',
  Deprecated: '지원 중단',
  Webhook: '웹훅',
  // Schemas and samples.
  required: '필수',
  'One of:': '다음 중 하나:',
  'Any of:': '다음 중 하나 이상:',
  Discriminator: '구분자',
  'Default mapping': '기본 매핑',
  'No items found': '항목이 없습니다',
  'Search items': '항목 검색',
  'Show pattern': '패턴 보기',
  'Hide pattern': '패턴 숨기기',
  'Enum:': '허용 값:',
  Enum: '허용 값',
  Default: '기본값',
  Example: '예시',
  Examples: '예시',
  'Show example': '예시 보기',
  'Hide example': '예시 숨기기',
  Value: '값',
  Values: '값',
  Key: '키',
  Variables: '변수',
  Recursive: '재귀',
  'additional property': '추가 속성',
  'pattern property': '패턴 속성',
  'parameter name': '파라미터 이름',
  'More details': '자세히',
  Description: '설명',
  'Expand all': '모두 펼치기',
  'Collapse all': '모두 접기',
  Copy: '복사',
  'Copy to clipboard': '클립보드에 복사',
  'Show more': '더 보기',
  'Show less': '접기',
  Show: '보기',
  Hide: '숨기기',
  more: '더 보기',
  collapse: '접기',
  'Report a problem': '문제 알리기',
  Report: '알리기',
  'What is wrong with this code?': '이 코드에 어떤 문제가 있나요?',
  Cancel: '취소',
  Send: '보내기',
  'Language is not supported.': '지원하지 않는 언어입니다.',
  // The keys of the search dialog.
  'to navigate': '이동',
  'to select': '선택',
  'to exit': '닫기',
  // Between security schemes: all of them (and), or one of the sets (or).
  and: '및',
  ' and ': ' 및 ',
  or: '또는',
};

/** The properties under which Redoc writes a literal label that is shown (or read out, for aria-label). */
const shownProperties = [
  'children',
  'label',
  'title',
  'placeholder',
  '"aria-label"',
  'tip',
  'tooltip',
  'buttonText',
  'text',
];

/** The words of a search result's place ("response 200 fields", "header parameters"), shown as Redoc builds them. */
const placeWords: Readonly<Record<string, string>> = {
  request: '요청',
  response: '응답',
  fields: '필드',
  body: '본문',
  headers: '헤더',
  header: '헤더',
  parameters: '파라미터',
  examples: '예시',
  description: '설명',
  query: '쿼리',
  path: '경로',
  cookie: '쿠키',
  schema: '스키마',
  security: '보안',
  overview: '개요',
  server: '서버',
  variables: '변수',
  callback: '콜백',
  metadata: '메타데이터',
};

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: these are snippets of the bundle's own template literals
/** Snippets of Redoc's code that build text rather than name it: each must be found, and is replaced. */
const snippets: Array<{ what: string; find: string; replace: string }> = [
  {
    what: 'the translate hook (answers from the table by the English it would show)',
    find: 'useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})',
    replace: `useTranslate:((k)=>()=>({translate:(e,t)=>{let d=(typeof t==\`string\`?t:t?.defaultValue)||e||\`\`;return Object.hasOwn(k,d)?k[d]:d}}))(__KONA_LABELS__)`,
  },
  {
    what: 'the length and count line of a schema ("= 15 characters", "[ 1 .. 40 ] characters", "<= 3 items")',
    find: 'function Kb(e,t,n){if(t!==void 0&&n!==void 0)return t===n?`= ${t} ${e}`:`[ ${t} .. ${n} ] ${e}`;if(n!==void 0)return`<= ${n} ${e}`;if(t!==void 0)return t===1?`non-empty`:`>= ${t} ${e}`}',
    replace:
      'function Kb(e,t,n){e=({characters:`자`,items:`개`,property:`개 속성`,properties:`개 속성`})[e]??e;if(t!==void 0&&n!==void 0)return t===n?`${t}${e}`:`${t}–${n}${e}`;if(n!==void 0)return`최대 ${n}${e}`;if(t!==void 0)return t===1?`비어 있지 않음`:`최소 ${t}${e}`}',
  },
  {
    what: 'the oneOf/anyOf headings',
    find: 'var Wre=`One of:`,Gre=`Any of:`,Kre=`Default mapping`;',
    replace: 'var Wre=`다음 중 하나:`,Gre=`다음 중 하나 이상:`,Kre=`기본 매핑`;',
  },
  {
    what: 'the oneOf/anyOf labels of the schema viewer',
    find: 'zb={DISCRIMINATOR:`Discriminator`,ONE_OF:`One of:`,ANY_OF:`Any of:`}',
    replace: 'zb={DISCRIMINATOR:`구분자`,ONE_OF:`다음 중 하나:`,ANY_OF:`다음 중 하나 이상:`}',
  },
  {
    what: 'the accessible name of a heading\'s link ("link to section/overview")',
    find: '`link to ${',
    replace: '`링크: ${',
  },
  {
    what: 'the place of a search result ("response 200 fields → cardDataInfo"), translated as it is shown',
    find: '(0,V.jsxs)(`div`,{children:[H1(u.place),` → `',
    replace: `(0,V.jsxs)(\`div\`,{children:[H1(String(u.place).replace(/\\b[a-z]+\\b/g,w=>((p)=>Object.hasOwn(p,w)?p[w]:w)(__KONA_PLACES__))),\` → \``,
  },
  {
    what: 'the switch that shows a server\'s variables ("Show 1 variable")',
    find: 'expandText:`${t(`actions.show`,`Show`)} ${a}`,hideText:`${t(`actions.hide`,`Hide`)} ${a}`',
    replace: 'expandText:`변수 ${r}개 보기`,hideText:`변수 ${r}개 숨기기`',
  },
  {
    what: "the accessible name of the colour mode switch (the mode's own name)",
    find: '"aria-label":t,size:`small`,variant:`outlined`,icon:(0,V.jsx)(hke,{mode:t})',
    replace:
      '"aria-label":({light:`밝은 화면`,dark:`어두운 화면`})[t]??t,size:`small`,variant:`outlined`,icon:(0,V.jsx)(hke,{mode:t})',
  },
  {
    what: 'where a security scheme\'s parameter goes ("Header parameter name:"), in the security details',
    find: 'let n=e.in?`${e.in.charAt(0).toUpperCase()+e.in.slice(1)} `:``;',
    replace: 'let n=e.in?`${({header:`헤더`,query:`쿼리`,cookie:`쿠키`,path:`경로`})[e.in]??e.in} `:``;',
  },
  {
    what: 'the heading of a schema\'s allowed values ("Enum:", "Value:", "Items Enum:")',
    find: 'function kC(e,t){return`${e?.startsWith(`Array`)?`Items `:``}${t===1?`Value:`:`Enum:`}`}',
    replace: 'function kC(e,t){return`${e?.startsWith(`Array`)?`항목의 `:``}${t===1?`값:`:`허용 값:`}`}',
  },
  {
    what: 'the names of security schemes used together, in the security selector',
    find: 'e.schemes.map(e=>e.name).join(` and `)',
    replace: 'e.schemes.map(e=>e.name).join(` 및 `)',
  },
];

// biome-ignore-end lint/suspicious/noTemplateCurlyInString: the snippets end here

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The inlined Redoc bundle (the module script's text) with its interface in Korean; throws naming each
 * snippet or table entry that no longer matches the bundle.
 */
export function koreanRedocBundle(bundle: string): string {
  const problems: string[] = [];
  let out = bundle;
  for (const { what, find, replace } of snippets) {
    const count = out.split(find).length - 1;
    if (count === 0) problems.push(`Redoc's bundle no longer has ${what}`);
    out = out.replaceAll(find, () =>
      replace
        .replace('__KONA_LABELS__', JSON.stringify(redocKorean))
        .replace('__KONA_PLACES__', JSON.stringify(placeWords)),
    );
  }
  const properties = shownProperties.map(escapeRegExp).join('|');
  // A label chosen by a condition: `"aria-label":n?`Show sidebar`:`Hide sidebar``.
  out = out.replace(
    new RegExp(`((?:${properties}):[\\w$.!]+\\?)\`([^\`$]+)\`:\`([^\`$]+)\``, 'g'),
    (whole, head: string, yes: string, no: string) =>
      Object.hasOwn(redocKorean, yes) || Object.hasOwn(redocKorean, no)
        ? `${head}\`${redocKorean[yes] ?? yes}\`:\`${redocKorean[no] ?? no}\``
        : whole,
  );
  // Every label shown under a property, in one pass; every entry of the table must be in the bundle somewhere.
  out = out.replace(
    new RegExp(`(${properties}):\`([^\`$\\\\]{1,80})\``, 'g'),
    (whole, property: string, text: string) =>
      Object.hasOwn(redocKorean, text) ? `${property}:\`${redocKorean[text]}\`` : whole,
  );
  const literals = new Set([...bundle.matchAll(/`([^`$\\]{1,80})`/g)].map((m) => m[1]));
  for (const english of Object.keys(redocKorean))
    if (!literals.has(english) && !bundle.includes(`\`${english}\``))
      problems.push(`Redoc's bundle no longer shows "${english}"`);
  if (problems.length > 0)
    throw new Error(`${problems.join('; ')} (Redocly CLI changed: update packages/codegen/src/redoc-labels.ts)`);
  return out;
}
