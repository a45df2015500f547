// The samples' comments and the encryption guide's furniture, in both languages. A sample's code is the
// same in both editions; only these texts change. Every name in them (headers, algorithms, files,
// variables) is handed in from the spec.
import type { Language } from '../docs-text.ts';

export interface SampleTexts {
  /** A call sample's first comment: what it calls, signed. */
  signedCall: (summary: string, method: string, path: string) => string;
  nodeCall: (summary: string, method: string, path: string) => string;
  /** Where the Node sample's client comes from: the download beside the docs, and the command that installs it. */
  nodeInstall: (folder: string, command: string) => string;
  /** How a TypeScript file runs: with tsx, or by Node itself from 22.18. */
  nodeRun: (file: string) => string;
  encryptedCall: (summary: string, method: string, path: string, alg: string, enc: string) => string;
  pythonStandard: string;
  pythonCryptography: string;
  javaOnly: string;
  saveAndRun: (file: string, command: string) => string;
  settings: (names: string) => string;
  oneInstant: (tranTime: string) => string;
  posixZone: (zone: string, utc: string) => string;
  serializeOnce: string;
  refusalJson: string;
  utf8Out: string;
  keys: string;
  encryptDoc: (alg: string) => string;
  decryptDoc: (alg: string, encs: string) => string;
  envelopeSigned: string;
  answerOpened: string;
  pemBlock: string;
  noJsonParser: string;
  quoted: string;
  /** The encryption guide: the TEST-ONLY files and the test vector. */
  keyRole: { serverPublicKey: string; serverPrivateKey: string; clientPublicKey: string; clientPrivateKey: string };
  testKeysIntro: string;
  testKeysMock: (envelope: string, example: string) => string;
  vectorIntro: (publicFile: string, privateFile: string, alg: string, enc: string) => string;
  plaintext: string;
}

const en: SampleTexts = {
  signedCall: (summary, method, path) => `${summary}: ${method} ${path}, signed with your secret key.`,
  nodeCall: (summary, method, path) =>
    `${summary}: ${method} ${path} with the TypeScript client, which signs every call.`,
  nodeInstall: (folder, command) =>
    `The client's tarball is in the docs folder's ${folder} (listed in llms.txt); save it in your npm project and install it there: ${command}`,
  nodeRun: (file) => `npx tsx ${file} (npx fetches tsx; on Node 22.18 or later: node ${file})`,
  encryptedCall: (summary, method, path, alg, enc) =>
    `${summary} (${method} ${path}) with an encrypted body: the request as a JWE (${alg}, ${enc}) to Konaplate's public key, the answer decrypted with your private key.`,
  pythonStandard: 'Python 3, standard library only.',
  pythonCryptography: 'Python 3 and the cryptography package (pip install cryptography).',
  javaOnly: 'The JDK only (Java 11 or later): java.net.http and javax.crypto.',
  saveAndRun: (file, command) => `Save as ${file}, then run: ${command}`,
  settings: (names) => `Settings come from the environment: ${names}.`,
  oneInstant: (tranTime) => `One instant for ${tranTime}, the token and the correlation id.`,
  posixZone: (zone, utc) => `${zone} is ${utc}; a POSIX TZ counts the hours west of UTC, hence the opposite sign.`,
  serializeOnce: 'Serialize once: these exact bytes are signed and sent.',
  refusalJson: 'A refusal (HTTP 4xx, 5xx) answers JSON too.',
  utf8Out: 'Printed as UTF-8, so Korean texts stay readable whatever the default charset.',
  keys: "Konaplate's public key (SPKI PEM) encrypts requests; your private key (PKCS#8 PEM) decrypts answers. These are the docs' TEST-ONLY files, which the mock answers to: use your real ones against the platform.",
  encryptDoc: (alg) =>
    `A compact JWE to Konaplate's public key: a fresh content key wrapped with ${alg}; the protected header is the AAD.`,
  decryptDoc: (alg, encs) => `The plaintext of a compact JWE encrypted to your public key (${alg}; ${encs}).`,
  envelopeSigned: 'The envelope is what is signed and sent, not the plaintext.',
  answerOpened: 'An encrypted answer is opened with your private key; an error answer comes in plaintext.',
  pemBlock:
    'The base64 between the BEGIN and END lines; a comment line before them (as on the TEST-ONLY files) is skipped.',
  noJsonParser:
    'The JDK has no JSON parser: this pattern reads a flat string field. Use your JSON library in production.',
  quoted: 'A JSON string of a visible-ASCII value (the key id may hold a quote or a backslash).',
  keyRole: {
    serverPublicKey: "Konaplate's public key: encrypt requests to it",
    serverPrivateKey: "Konaplate's private key: the mock decrypts requests with it",
    clientPublicKey: 'your public key: the mock encrypts answers to it',
    clientPrivateKey: 'your private key: decrypt answers with it',
  },
  testKeysIntro:
    'Two TEST-ONLY RSA-2048 key pairs are published beside these docs, so you can encrypt and decrypt before Konaplate gives you real keys. Everyone has their private keys: never use them for real data. Each file starts with a TEST-ONLY comment line, which PEM readers skip.',
  testKeysMock: (envelope, example) =>
    `The mock answers to them. Without keys, it answers a request with an \`${envelope}\` body with the spec's \`${example}\` example, which your TEST-ONLY private key decrypts to the success answer. In encryption mode, given Konaplate's TEST-ONLY private key and your TEST-ONLY public key (its README says how), it decrypts your request and encrypts its answer to you.`,
  vectorIntro: (publicFile, privateFile, alg, enc) =>
    `This JWE is encrypted to \`${publicFile}\` (${alg}, ${enc}). Decrypted with \`${privateFile}\`, it must give exactly the plaintext below: check your decryption against it before your first encrypted call.`,
  plaintext: 'Plaintext',
};

const ko: SampleTexts = {
  signedCall: (summary, method, path) => `${summary}: ${method} ${path} 요청을 시크릿 키로 서명해 보냅니다.`,
  nodeCall: (summary, method, path) =>
    `${summary}: TypeScript 클라이언트로 ${method} ${path}에 요청합니다. 서명은 클라이언트가 합니다.`,
  encryptedCall: (summary, method, path, alg, enc) =>
    `${summary}(${method} ${path}): 본문을 암호화해 호출합니다. 요청은 코나플레이트 공개키로 암호화한 JWE(${alg}, ${enc})이고, 응답은 가맹점 개인키로 복호화합니다.`,
  pythonStandard: 'Python 3 표준 라이브러리만 씁니다.',
  pythonCryptography: 'Python 3와 cryptography 패키지(pip install cryptography)가 필요합니다.',
  javaOnly: 'JDK(Java 11 이상)만 씁니다: java.net.http, javax.crypto.',
  saveAndRun: (file, command) => `${file} 파일로 저장한 뒤 실행합니다: ${command}`,
  nodeInstall: (folder, command) =>
    `클라이언트 tarball은 문서 폴더의 ${folder}에 있습니다(llms.txt에 목록이 있습니다). npm 프로젝트에 저장한 뒤 그곳에서 설치합니다: ${command}`,
  nodeRun: (file) => `npx tsx ${file} (npx가 tsx를 내려받습니다. Node 22.18 이상: node ${file})`,
  settings: (names) => `설정은 환경 변수에서 읽습니다: ${names}.`,
  oneInstant: (tranTime) => `${tranTime}, 토큰, 거래 번호(correlation id)에 같은 시각 하나를 씁니다.`,
  posixZone: (zone, utc) =>
    `${zone}는 ${utc}입니다. POSIX TZ는 UTC에서 서쪽으로 몇 시간인지를 적으므로 부호가 반대입니다.`,
  serializeOnce: '본문은 한 번만 직렬화합니다. 이 바이트 그대로 서명하고 보냅니다.',
  refusalJson: '거절 응답(HTTP 4xx, 5xx)도 JSON으로 옵니다.',
  utf8Out: '기본 문자 집합과 상관없이 한글이 깨지지 않도록 UTF-8로 출력합니다.',
  keys: '코나플레이트 공개키(SPKI PEM)로 요청을 암호화하고, 가맹점 개인키(PKCS#8 PEM)로 응답을 복호화합니다. 여기 적힌 파일은 문서에 공개된 TEST-ONLY 키로, 모의 서버만 이 키에 응답합니다. 실제 플랫폼에는 실제 키를 쓰세요.',
  encryptDoc: (alg) =>
    `코나플레이트 공개키로 compact JWE를 만듭니다. 새로 만든 콘텐츠 키를 ${alg}로 감싸고, 보호 헤더를 AAD로 씁니다.`,
  decryptDoc: (alg, encs) => `가맹점 공개키로 암호화된 compact JWE의 평문을 돌려줍니다(${alg}; ${encs}).`,
  envelopeSigned: '서명하고 보내는 것은 평문이 아니라 이 암호화 본문입니다.',
  answerOpened: '암호화된 응답은 가맹점 개인키로 엽니다. 오류 응답은 평문으로 옵니다.',
  pemBlock: 'BEGIN 줄과 END 줄 사이의 base64입니다. 그 앞의 주석 줄(TEST-ONLY 파일에 있는 것처럼)은 건너뜁니다.',
  noJsonParser:
    'JDK에는 JSON 파서가 없어, 평평한 문자열 필드 하나는 이 패턴으로 읽습니다. 운영 코드에서는 쓰시는 JSON 라이브러리를 쓰세요.',
  quoted: '출력 가능한 ASCII 값을 JSON 문자열로 만듭니다(키 ID에 따옴표나 백슬래시가 들어 있을 수 있습니다).',
  keyRole: {
    serverPublicKey: '코나플레이트 공개키: 요청을 이 키로 암호화합니다',
    serverPrivateKey: '코나플레이트 개인키: 모의 서버가 요청을 이 키로 복호화합니다',
    clientPublicKey: '가맹점 공개키: 모의 서버가 응답을 이 키로 암호화합니다',
    clientPrivateKey: '가맹점 개인키: 응답을 이 키로 복호화합니다',
  },
  testKeysIntro:
    '코나플레이트에서 실제 키를 받기 전에도 암호화와 복호화를 해 볼 수 있도록, 이 문서 옆에 TEST-ONLY RSA-2048 키 쌍 두 개를 공개해 두었습니다. 개인키까지 누구나 갖고 있으므로 실제 데이터에는 절대 쓰지 마세요. 파일마다 첫 줄에 TEST-ONLY 주석이 있으며, PEM을 읽는 프로그램은 이 줄을 건너뜁니다.',
  testKeysMock: (envelope, example) =>
    `모의 서버는 이 키에 응답합니다. 키 없이 띄운 모의 서버는 \`${envelope}\` 본문의 요청에 명세의 \`${example}\` 예시로 응답하며, 이 응답을 가맹점 TEST-ONLY 개인키로 복호화하면 성공 응답이 나옵니다. 코나플레이트 TEST-ONLY 개인키와 가맹점 TEST-ONLY 공개키를 주고 암호화 모드로 띄우면(방법은 모의 서버의 README 참고), 모의 서버가 요청을 복호화하고 응답을 가맹점 공개키로 암호화해 돌려줍니다.`,
  vectorIntro: (publicFile, privateFile, alg, enc) =>
    `아래 JWE는 \`${publicFile}\`로 암호화한 것입니다(${alg}, ${enc}). \`${privateFile}\`로 복호화하면 아래 평문과 정확히 같아야 합니다. 첫 암호화 호출 전에 복호화 구현을 이 값으로 확인하세요.`,
  plaintext: '평문',
};

export const sampleTexts: Record<Language, SampleTexts> = { en, ko };
