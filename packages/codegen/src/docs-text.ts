// The two editions' texts. Every fact and every sentence about the API comes
// from the spec (English, and its Korean twins beside it: see spec/README.md);
// what lives here is the docs' own furniture: table headings and short labels,
// in both languages, typed so that a label missing in one language fails typecheck.

import type { JsonObject, OpenApiDocument } from '@konaplate-contract/contract';
import {
  bilingualTexts,
  derivedKoreanSummary,
  ext,
  isDerivedSummary,
  koreanProblem,
  koreanTwin,
  type SourceConflict,
  toolExt,
} from '@konaplate-contract/contract';
import { SpecError } from './derive.ts';

export type Language = 'en' | 'ko';
export const languages: Language[] = ['en', 'ko'];

export interface Labels {
  /** The language's own name, for the switch that leads to it. */
  languageName: string;
  otherEditionHint: string;
  downloadsTitle: string;
  header: string;
  required: string;
  optional: string;
  length: string;
  /** The column of the header table that explains each header. */
  about: string;
  meaning: string;
  yes: string;
  no: string;
  input: string;
  value: string;
  secretKey: string;
  requestTime17: string;
  bodyAsSent: string;
  macBase64: string;
  tokenOf: (length: number) => string;
  code: string;
  messageAndDescription: string;
  provisionalFlag: string;
  answer: string;
  scenario: string;
  testRequest: string;
  encryptedBody: string;
  requiredLeftOut: string;
  anyOtherCard: string;
  testDataOnPage: string;
  answeredBy: string;
  publishedPageFor: (operation: string) => string;
  conflict: { label: string; pages: string; evidence: string; decision: string };
  where: {
    header: string;
    field: (field: string, schema: string) => string;
    schema: string;
    operation: string;
    code: string;
  };
  downloads: {
    spec: string;
    postman: string;
    llms: string;
    /**
     * A package in downloads/: what it is (in English its package.json `description`; in Korean by package
     * name below) and the one command that installs or runs it, from the folder it was downloaded to.
     */
    packageWhat?: Record<string, string>;
    /** Before the block of commands that install or run the packages. */
    packageCommands: string;
    /** Before the settings that make the samples work against the mock. */
    mockSettings: string;
    sums: string;
  };
  pageTitle: (api: string) => string;
  languageSwitch: string;
  /** The printable PDF of the edition, as the language bar names it. */
  pdf: string;
  /** What a reader without JavaScript gets instead of the page. */
  noScript: string;
  /** The Markdown pages for coding agents (llms.txt and md/*.md) and the printable edition built from them. */
  pages: {
    fieldHead: [string, string, string, string, string, string];
    arrayOf: (type: string) => string;
    pattern: (pattern: string) => string;
    oneOf: (values: string) => string;
    range: (min: unknown, max: unknown) => string;
    atMostItems: (n: unknown) => string;
    seeConflicts: string;
    requestHeaders: string;
    requestHeadersIntro: string;
    headerHead: [string, string, string, string, string];
    requestBody: string;
    requestBodyIntro: (envelope: string) => string;
    example: string;
    exampleOf: (key: string) => string;
    responses: string;
    responseHeaders: string;
    responseHeaderHead: [string, string, string, string];
    bodyFields: string;
    resultCodes: string;
    resultCodesIntro: string;
    codeHead: [string, string, string, string, string];
    testScenarios: string;
    testScenariosIntro: string;
    scenarioHead: [string, string, string, string];
    samples: string;
    version: (version: string, url: string, server: string) => string;
    everyOperation: (method: string) => string;
    operationsAre: (methods: string) => string;
    signedWith: string;
    operations: string;
    guides: string;
    files: string;
    fileList: string[];
    contents: string;
  };
  postman: {
    variables: Record<'baseUrl' | 'aspId' | 'accessKey' | 'secretKey' | 'cryptoKeyId' | 'timeZone', string>;
    missing: (variable: string) => string;
    badZone: (zones: string) => string;
    test: (status: number, code: string) => string;
    encryptedTest: (status: number) => string;
    collection: string;
    mockCards: string;
  };
}

export const labels: Record<Language, Labels> = {
  en: {
    languageName: 'English',
    otherEditionHint: 'Read this page in English',
    downloadsTitle: 'Downloads',
    header: 'header',
    required: 'required',
    optional: '(optional)',
    length: 'length',
    about: 'meaning',
    meaning: 'meaning',
    yes: 'yes',
    no: 'no',
    input: 'input',
    value: 'value',
    secretKey: 'secret key',
    requestTime17: 'request time (17 digits)',
    bodyAsSent: 'body, byte for byte',
    macBase64: 'HMAC-SHA256, Base64',
    tokenOf: (n) => `The resulting X-KM-Tran-Token (${n} characters):`,
    code: 'code',
    messageAndDescription: 'message / description',
    provisionalFlag: 'Provisional.',
    answer: 'answer',
    scenario: 'scenario',
    testRequest: 'test request',
    encryptedBody: 'an encrypted body',
    requiredLeftOut: 'a required header or field left out',
    anyOtherCard: 'any other valid card',
    testDataOnPage: 'Test Data on the page',
    answeredBy: 'answered by the example',
    publishedPageFor: (operation) => `Konaplate's published page for *${operation}*`,
    // As the bundle's own "Source conflict" paragraphs say it (derive.ts), so both read alike.
    conflict: {
      label: 'Source conflict.',
      pages: 'The source pages',
      evidence: 'Evidence',
      decision: 'This contract',
    },
    where: {
      header: 'request header',
      field: (field, schema) => `field \`${field}\` of \`${schema}\``,
      schema: 'schema',
      operation: 'operation',
      code: 'result code',
    },
    downloads: {
      spec: 'this contract as one OpenAPI 3.1 file, the Korean texts beside the English',
      postman:
        'Postman collection (v2.1): a request for each test scenario, signed by its pre-request script; set the variables `baseUrl`, `aspId`, `accessKey` and `secretKey`',
      llms: 'Markdown pages for coding agents: one per operation and per guide',
      packageCommands:
        'Without a registry, from the folder you downloaded them to, the command that installs or runs each:',
      mockSettings:
        "To try the samples against that mock (started as above, it checks every header's form but takes any signature): its address, the spec's sample ASP ID and access key, and the signing guide's documentation secret.",
      sums: 'the SHA-256 of each package, to check a download (`sha256sum -c SHA256SUMS.txt`)',
    },
    pageTitle: (api) => api,
    languageSwitch: 'Language',
    pages: {
      fieldHead: ['field', 'type', 'required', 'length', 'rule', 'meaning'],
      arrayOf: (type) => `array of ${type}`,
      pattern: (pattern) => `pattern ${pattern}`,
      oneOf: (values) => `one of ${values}`,
      range: (min, max) => `${min} to ${max}`,
      atMostItems: (n) => `at most ${n} items`,
      seeConflicts: ' (source conflict: see [source-conflicts.md](source-conflicts.md))',
      requestHeaders: 'Request headers',
      requestHeadersIntro: 'The common headers of every operation; see [signing.md](signing.md) for the tran token.',
      headerHead: ['header', 'required', 'length', 'pattern', 'meaning'],
      requestBody: 'Request body',
      requestBodyIntro: (envelope) =>
        `Plaintext, or the encrypted form \`{"${envelope}": "<JWE>"}\` (see [encryption.md](encryption.md)). Plaintext fields:`,
      example: 'Example:',
      exampleOf: (key) => `Example (${key}):`,
      responses: 'Responses',
      responseHeaders: 'Response headers:',
      responseHeaderHead: ['header', 'always', 'length', 'meaning'],
      bodyFields: 'Body fields:',
      resultCodes: 'Result codes',
      resultCodesIntro: 'Branch on `response.code` (see [error-codes.md](error-codes.md)).',
      codeHead: ['code', 'HTTP', 'message', 'description', 'meaning'],
      testScenarios: 'Test scenarios',
      testScenariosIntro:
        "The test cards of the contract's mock server (not the platform's; see [scenarios.md](scenarios.md)). The mock also answers a scenario named in `Prefer: example=<scenario>`.",
      scenarioHead: ['scenario', 'answer', 'summary', 'test request'],
      samples: 'Samples',
      version: (version, url, server) => `Version ${version}. Sandbox base URL: \`${url}\` (${server}).`,
      everyOperation: (method) => `Every operation is a ${method} of JSON`,
      operationsAre: (methods) => `Operations are ${methods} calls of JSON`,
      signedWith: ', signed with the HMAC tran token described in the signing guide.',
      operations: 'Operations',
      guides: 'Guides',
      files: 'Files',
      fileList: [
        '- [openapi.yaml](openapi.yaml): the whole contract as one OpenAPI 3.1 document (the Korean texts beside the English)',
        '- [openapi.json](openapi.json): the same, as JSON',
        '- [konaplate.postman_collection.json](konaplate.postman_collection.json): Postman collection v2.1, signed by its pre-request script',
        '- [konaplate-api.pdf](konaplate-api.pdf): this edition to print: every guide, every operation with its fields, every code and scenario',
        '- [index.html](index.html): the docs in English; [ko/index.html](ko/index.html): in Korean; [ko/llms.txt](ko/llms.txt): these pages in Korean',
      ],
      contents: 'Contents',
    },
    pdf: 'PDF (print)',
    noScript:
      'This page needs JavaScript. The same contents are in the printable PDF and, for each operation and guide, in the Markdown pages listed in llms.txt.',
    postman: {
      variables: {
        baseUrl:
          'Server URL without a trailing slash: the sandbox (the default), your production host, or the contract mock server (http://127.0.0.1:4010).',
        aspId: 'Your ASP ID (X-KM-User-AspId), 15 characters, given at contract.',
        accessKey: "Your project's access key (X-KM-Access-Key), 40 characters.",
        secretKey: "Your project's secret key. It only signs; it is never sent.",
        cryptoKeyId:
          'Your encryption key ID (X-KM-Crypto-Key-Id), required with an encrypted body and sent only then; preset to the spec sample the mock accepts.',
        timeZone: 'Zone of X-KM-Tran-Time and X-KM-Time-Zone.',
      },
      missing: (variable) => `Set the collection variable "${variable}" before sending.`,
      badZone: (zones) => `The variable "timeZone" must be one of ${zones}.`,
      test: (status, code) => `response.code is ${code} (HTTP ${status})`,
      encryptedTest: (status) => `an encrypted answer (HTTP ${status}): response.code is inside encData`,
      collection:
        "Every request is signed by the collection's pre-request script: the X-KM-* headers and the HMAC tran token over the exact body sent.",
      mockCards:
        "The requests use the test cards of the contract's mock server, not the platform's: against the sandbox, only the answer for a card you own is meaningful.",
    },
  },
  ko: {
    languageName: '한국어',
    otherEditionHint: '이 페이지를 한국어로 보기',
    downloadsTitle: '내려받기',
    header: '헤더',
    required: '필수',
    optional: '(선택)',
    length: '길이',
    about: '설명',
    meaning: '의미',
    yes: '예',
    no: '아니요',
    input: '입력',
    value: '값',
    secretKey: '시크릿 키',
    requestTime17: '요청 시각(17자리)',
    bodyAsSent: '본문(보내는 바이트 그대로)',
    macBase64: 'HMAC-SHA256의 Base64',
    tokenOf: (n) => `이렇게 만든 X-KM-Tran-Token(${n}자):`,
    code: '코드',
    messageAndDescription: '메시지 / 설명',
    provisionalFlag: '임시 코드.',
    answer: '응답',
    scenario: '시나리오',
    testRequest: '테스트 요청',
    encryptedBody: '암호화된 본문',
    requiredLeftOut: '필수 헤더나 필드를 뺀 요청',
    anyOtherCard: '그 밖의 올바른 카드',
    testDataOnPage: '페이지의 Test Data',
    answeredBy: '재현하는 예시',
    publishedPageFor: (operation) => `코나플레이트가 공개한 *${operation}* 페이지`,
    conflict: {
      label: '출처 불일치.',
      pages: '코나플레이트 공개 페이지',
      evidence: '근거',
      decision: '이 명세의 결정',
    },
    where: {
      header: '요청 헤더',
      field: (field, schema) => `\`${schema}\`의 필드 \`${field}\``,
      schema: '스키마',
      operation: 'API',
      code: '결과 코드',
    },
    downloads: {
      spec: '이 명세 전체를 담은 OpenAPI 3.1 파일(영문 옆에 한국어 텍스트 포함)',
      postman:
        'Postman 컬렉션(v2.1): 테스트 시나리오마다 요청이 하나씩 있고, 요청 전 스크립트가 서명합니다. `baseUrl`, `aspId`, `accessKey`, `secretKey` 변수를 채우세요.',
      llms: '코딩 에이전트를 위한 Markdown 문서: API마다, 가이드마다 한 페이지',
      packageCommands: '레지스트리 없이, 내려받은 폴더에서 각 패키지를 설치하거나 실행하는 명령입니다.',
      mockSettings:
        '이 모의 서버로 예제 코드를 시험하려면(위처럼 시작하면 헤더 형식은 모두 검사하지만 서명은 어떤 값이든 받습니다) 아래 설정을 씁니다: 모의 서버 주소, 명세의 샘플 ASP ID와 액세스 키, 서명 가이드의 문서용 시크릿 키.',
      packageWhat: {
        '@konaplate-contract/cli':
          'konaplate 명령: 코나플레이트 카드 API 요청에 서명해 보내고, 어떤 서버(샌드박스, 스테이징, 모의 서버)든 명세에 맞는지 검사합니다.',
        '@konaplate-contract/client':
          'TypeScript 클라이언트: 서명, 암호화, 검증, 재시도를 하고 오류를 타입으로 구분합니다.',
        '@konaplate-contract/mock':
          '코나플레이트 카드 API의 QA용 모의 서버: Prism을 바탕으로 플랫폼의 오류 코드, 요청 내용으로 고르는 시나리오, 서명과 암호화 처리, 지연과 장애 주입을 제공합니다.',
      },
      sums: '패키지마다의 SHA-256: 내려받은 파일을 확인합니다(`sha256sum -c SHA256SUMS.txt`)',
    },
    pageTitle: (api) => api,
    languageSwitch: '언어',
    pages: {
      fieldHead: ['필드', '타입', '필수', '길이', '규칙', '의미'],
      arrayOf: (type) => `${type}의 배열`,
      pattern: (pattern) => `패턴 ${pattern}`,
      oneOf: (values) => `다음 중 하나: ${values}`,
      range: (min, max) => `${min}~${max}`,
      atMostItems: (n) => `최대 ${n}개`,
      seeConflicts: ' (출처 불일치: [source-conflicts.md](source-conflicts.md) 참고)',
      requestHeaders: '요청 헤더',
      requestHeadersIntro: '모든 API에 공통인 헤더입니다. 무결성 토큰은 [signing.md](signing.md)를 참고하세요.',
      headerHead: ['헤더', '필수', '길이', '패턴', '의미'],
      requestBody: '요청 본문',
      requestBodyIntro: (envelope) =>
        `평문, 또는 암호화한 형태 \`{"${envelope}": "<JWE>"}\`([encryption.md](encryption.md) 참고)입니다. 평문의 필드:`,
      example: '예시:',
      exampleOf: (key) => `예시(${key}):`,
      responses: '응답',
      responseHeaders: '응답 헤더:',
      responseHeaderHead: ['헤더', '항상', '길이', '의미'],
      bodyFields: '본문 필드:',
      resultCodes: '결과 코드',
      resultCodesIntro: '`response.code`로 분기하세요([error-codes.md](error-codes.md) 참고).',
      codeHead: ['코드', 'HTTP', '메시지', '설명', '의미'],
      testScenarios: '테스트 시나리오',
      testScenariosIntro:
        '이 명세의 모의 서버가 쓰는 테스트 카드입니다(플랫폼의 테스트 카드가 아닙니다. [scenarios.md](scenarios.md) 참고). 모의 서버는 `Prefer: example=<scenario>`에 적은 시나리오로도 응답합니다.',
      scenarioHead: ['시나리오', '응답', '요약', '테스트 요청'],
      samples: '예제 코드',
      version: (version, url, server) => `버전 ${version}. 샌드박스 기본 URL: \`${url}\`(${server}).`,
      everyOperation: (method) => `모든 API는 JSON을 담은 ${method} 요청이며`,
      operationsAre: (methods) => `API는 JSON을 담은 ${methods} 요청이며`,
      signedWith: ', 서명 가이드에 설명한 HMAC 무결성 토큰으로 서명합니다.',
      operations: 'API',
      guides: '가이드',
      files: '파일',
      fileList: [
        '- [openapi.yaml](../openapi.yaml): 이 명세 전체를 담은 OpenAPI 3.1 문서(영문 옆에 한국어 텍스트 포함)',
        '- [openapi.json](../openapi.json): 같은 내용의 JSON',
        '- [konaplate.postman_collection.json](konaplate.postman_collection.json): Postman 컬렉션 v2.1, 요청 전 스크립트가 서명합니다',
        '- [konaplate-api.pdf](konaplate-api.pdf): 인쇄용 한국어판: 모든 가이드, 모든 API와 필드, 모든 코드와 시나리오',
        '- [index.html](index.html): 한국어 문서; [../index.html](../index.html): 영어 문서; [../llms.txt](../llms.txt): 이 페이지들의 영어판',
      ],
      contents: '목차',
    },
    pdf: 'PDF(인쇄용)',
    noScript:
      '이 페이지는 자바스크립트가 필요합니다. 같은 내용이 인쇄용 PDF에, 그리고 API와 가이드마다 llms.txt에 나열된 Markdown 페이지에 있습니다.',
    postman: {
      variables: {
        baseUrl:
          '끝에 슬래시가 없는 서버 URL: 샌드박스(기본값), 운영 환경 호스트, 또는 이 명세의 모의 서버(http://127.0.0.1:4010)',
        aspId: '계약 시 받은 ASP ID(X-KM-User-AspId), 15자',
        accessKey: '프로젝트의 액세스 키(X-KM-Access-Key), 40자',
        secretKey: '프로젝트의 시크릿 키. 서명에만 쓰며 전송하지 않습니다.',
        cryptoKeyId:
          '암호화 키 ID(X-KM-Crypto-Key-Id). 암호화된 본문에는 필수이며 그때만 보냅니다. 모의 서버가 받아들이는 명세의 예시 값이 미리 들어 있습니다.',
        timeZone: 'X-KM-Tran-Time과 X-KM-Time-Zone의 시간대',
      },
      missing: (variable) => `요청을 보내기 전에 컬렉션 변수 "${variable}"을(를) 채우세요.`,
      badZone: (zones) => `변수 "timeZone"은 ${zones} 중 하나여야 합니다.`,
      test: (status, code) => `response.code가 ${code}입니다(HTTP ${status})`,
      encryptedTest: (status) => `암호화된 응답입니다(HTTP ${status}). response.code는 encData 안에 있습니다`,
      collection:
        '모든 요청은 컬렉션의 요청 전 스크립트가 서명합니다. X-KM-* 헤더와, 보내는 본문 그대로에 대한 HMAC 무결성 토큰을 만듭니다.',
      mockCards:
        '요청에 쓰인 카드는 플랫폼이 아니라 이 명세의 모의 서버가 쓰는 테스트 카드입니다. 샌드박스에서는 가맹점이 가진 카드로 보낸 요청의 응답만 의미가 있습니다.',
    },
  },
};

/** Markdown that a plain-text slot shows literally (server and tag names, summaries), made plain. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A source conflict as the paragraph beside its description, in one language. */
export function conflictParagraph(conflict: SourceConflict & JsonObject, language: Language): string {
  const l = labels[language].conflict;
  const text = (key: 'pages' | 'evidence' | 'decision') =>
    language === 'en' ? conflict[key] : String(conflict[koreanTwin[key]]);
  return `**${l.label}** ${l.pages}: ${text('pages')} ${l.evidence}: ${text('evidence')} ${l.decision}: ${text('decision')}`;
}

/** A description in one language, with its source conflicts, as the docs show it. */
export function describe(node: JsonObject, language: Language): string {
  if (language === 'en') return String(node.description ?? '');
  const conflicts = (node[ext.sourceConflicts] ?? []) as Array<SourceConflict & JsonObject>;
  return [String(node[koreanTwin.description] ?? ''), ...conflicts.map((c) => conflictParagraph(c, 'ko'))].join('\n\n');
}

/** Every Korean text the Korean edition needs is there, or generation stops naming each one missing. */
export function checkKorean(doc: OpenApiDocument): void {
  const problems = bilingualTexts(doc).flatMap((text) => {
    const problem = koreanProblem(text);
    return problem ? [`${text.path.join('.')}: ${problem}`] : [];
  });
  if (problems.length > 0) throw new SpecError(problems);
}

/**
 * The bundle in one language: for Korean, every text replaced by its twin
 * (descriptions with their source conflicts in Korean, derived example
 * summaries from the registry's Korean description). English is the bundle as is.
 */
export function inLanguage(bundle: OpenApiDocument, language: Language): OpenApiDocument {
  const doc = structuredClone(bundle);
  if (language === 'en') return doc;
  checkKorean(doc);
  const derived: Array<[JsonObject, string]> = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === 'object') {
      const object = node as JsonObject;
      if (typeof object.summary === 'string' && isDerivedSummary(doc, object))
        derived.push([object, derivedKoreanSummary(doc, object) ?? object.summary]);
      for (const value of Object.values(object)) visit(value);
    }
  };
  visit(doc);
  for (const text of bilingualTexts(doc)) {
    // A tag keeps its name (operations refer to it by name) and shows the Korean one.
    if (text.key === 'name') text.owner[toolExt.displayName] = text.korean;
    else text.owner[text.key] = text.key === 'description' ? describe(text.owner, 'ko') : text.korean;
  }
  for (const [example, summary] of derived) example.summary = summary;
  return doc;
}
