// The encryption guide's samples: the first operation called with its body as a compact JWE to Konaplate's
// public key, signed as sent, and the answer decrypted with the partner's private key. Python with the
// `cryptography` package; Java with the JDK only (RSA/ECB/OAEPWithSHA-256AndMGF1Padding with SHA-256 and
// MGF1-SHA-256, AES/GCM/NoPadding). Algorithms, the envelope's field, the key id's header and variable, and
// the key files' names come from the spec.
import { SpecError } from '@konaplate-contract/contract';
import type { Language } from '../docs-text.ts';
import { type CallFacts, contentKeyBytes, type EncryptionFacts } from './facts.ts';
import { javaCall, javaImports, javaSettings, javaString, pascalCase } from './java.ts';
import { pythonCall, pythonImports, pythonLiteral, pythonSettings, snakeCase } from './python.ts';
import { sampleTexts } from './text.ts';

/** The one key management algorithm the samples implement, by its JOSE name. */
const rsaOaep256 = 'RSA-OAEP-256';

function checked(jwe: EncryptionFacts): EncryptionFacts {
  if (jwe.alg !== rsaOaep256)
    throw new SpecError([`the encryption samples implement ${rsaOaep256} key management, not ${jwe.alg}`]);
  for (const enc of [jwe.requestEnc, ...jwe.responseEnc]) contentKeyBytes(enc);
  return jwe;
}

const settingNames = (facts: CallFacts) =>
  [facts.env.baseUrl, facts.env.aspId, facts.env.accessKey, facts.env.secretKey, facts.env.cryptoKeyId].join(', ');

export function pythonEncryptionSample(facts: CallFacts, encryption: EncryptionFacts, language: Language): string {
  const t = sampleTexts[language];
  const jwe = checked(encryption);
  const file = `${snakeCase(facts.operationId)}_encrypted.py`;
  const encBytes = jwe.responseEnc.map((enc) => `${JSON.stringify(enc)}: ${contentKeyBytes(enc)}`).join(', ');
  const header = `{"alg": ${JSON.stringify(jwe.alg)}, "enc": ${JSON.stringify(jwe.requestEnc)}, "kid": CRYPTO_KEY_ID}`;
  return `# ${t.encryptedCall(facts.summary, facts.method, facts.path, jwe.alg, jwe.requestEnc)}
# ${t.pythonCryptography} ${t.saveAndRun(file, `python3 ${file}`)}
# ${t.settings(settingNames(facts))}
${pythonImports}

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

${pythonSettings(facts, true)}
# ${t.keys}
SERVER_PUBLIC_KEY_FILE = ${JSON.stringify(jwe.serverPublicKeyFile)}
CLIENT_PRIVATE_KEY_FILE = ${JSON.stringify(jwe.clientPrivateKeyFile)}
OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
ANSWER_KEY_BYTES = {${encBytes}}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encrypt(plaintext: bytes) -> str:
    # ${t.encryptDoc(jwe.alg)}
    with open(SERVER_PUBLIC_KEY_FILE, "rb") as file:
        public_key = serialization.load_pem_public_key(file.read())
    header = b64url(json.dumps(${header}, separators=(",", ":")).encode("ascii"))
    content_key, iv = secrets.token_bytes(${contentKeyBytes(jwe.requestEnc)}), secrets.token_bytes(12)
    sealed = AESGCM(content_key).encrypt(iv, plaintext, header.encode("ascii"))
    parts = [public_key.encrypt(content_key, OAEP), iv, sealed[:-16], sealed[-16:]]
    return ".".join([header, *map(b64url, parts)])


def decrypt(jwe: str) -> bytes:
    # ${t.decryptDoc(jwe.alg, jwe.responseEnc.join(', '))}
    header, encrypted_key, iv, ciphertext, tag = jwe.split(".")
    protected = json.loads(b64url_decode(header))
    if protected.get("alg") != ${JSON.stringify(jwe.alg)} or protected.get("enc") not in ANSWER_KEY_BYTES:
        raise ValueError(f"unexpected JWE algorithms: {protected}")
    with open(CLIENT_PRIVATE_KEY_FILE, "rb") as file:
        private_key = serialization.load_pem_private_key(file.read(), password=None)
    content_key = private_key.decrypt(b64url_decode(encrypted_key), OAEP)
    if len(content_key) != ANSWER_KEY_BYTES[protected["enc"]]:
        raise ValueError("the content key does not fit the JWE's enc")
    sealed = b64url_decode(ciphertext) + b64url_decode(tag)
    return AESGCM(content_key).decrypt(b64url_decode(iv), sealed, header.encode("ascii"))


${pythonCall(facts, language, true)}


payload = ${pythonLiteral(facts.payload)}
plaintext = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
# ${t.envelopeSigned}
body = json.dumps({${JSON.stringify(jwe.envelope)}: encrypt(plaintext)}, separators=(",", ":")).encode("ascii")
answer = call(body)
# ${t.answerOpened}
if ${JSON.stringify(jwe.envelope)} in answer:
    answer = json.loads(decrypt(answer[${JSON.stringify(jwe.envelope)}]))
print(json.dumps(answer, ensure_ascii=False, indent=2))
`;
}

export function javaEncryptionSample(facts: CallFacts, encryption: EncryptionFacts, language: Language): string {
  const t = sampleTexts[language];
  const jwe = checked(encryption);
  const name = `${pascalCase(facts.operationId)}Encrypted`;
  const encBytes = jwe.responseEnc.map((enc) => `${javaString(enc)}, ${contentKeyBytes(enc)}`).join(', ');
  const imports = [
    ...javaImports,
    'import java.nio.file.Files;',
    'import java.nio.file.Path;',
    'import java.security.KeyFactory;',
    'import java.security.PrivateKey;',
    'import java.security.PublicKey;',
    'import java.security.spec.MGF1ParameterSpec;',
    'import java.security.spec.PKCS8EncodedKeySpec;',
    'import java.security.spec.X509EncodedKeySpec;',
    'import java.util.Arrays;',
    'import java.util.Map;',
    'import java.util.regex.Matcher;',
    'import java.util.regex.Pattern;',
    'import javax.crypto.Cipher;',
    'import javax.crypto.spec.GCMParameterSpec;',
    'import javax.crypto.spec.OAEPParameterSpec;',
    'import javax.crypto.spec.PSource;',
  ].sort((a, b) => a.localeCompare(b));
  const header = `${javaString(`{"alg":"${jwe.alg}","enc":"${jwe.requestEnc}","kid":`)} + quoted(CRYPTO_KEY_ID) + "}"`;
  const envelopeOpen = javaString(`{"${jwe.envelope}":"`);
  return `// ${t.encryptedCall(facts.summary, facts.method, facts.path, jwe.alg, jwe.requestEnc)}
// ${t.javaOnly} ${t.saveAndRun(`${name}.java`, `java ${name}.java`)}
// ${t.settings(settingNames(facts))}
${imports.join('\n')}

public class ${name} {
${javaSettings(facts, true)}
  // ${t.keys}
  static final String SERVER_PUBLIC_KEY_FILE = ${javaString(jwe.serverPublicKeyFile)};
  static final String CLIENT_PRIVATE_KEY_FILE = ${javaString(jwe.clientPrivateKeyFile)};
  static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  static final Map<String, Integer> ANSWER_KEY_BYTES = Map.of(${encBytes});

  public static void main(String[] args) throws Exception {
    byte[] plaintext = ${javaString(facts.body)}.getBytes(StandardCharsets.UTF_8);
    // ${t.envelopeSigned}
    byte[] body = (${envelopeOpen} + encrypt(plaintext) + "\\"}").getBytes(StandardCharsets.UTF_8);
    String answer = call(body);
    // ${t.answerOpened}
    String encrypted = field(answer, ${javaString(jwe.envelope)});
    if (encrypted != null) answer = new String(decrypt(encrypted), StandardCharsets.UTF_8);
    // ${t.utf8Out}
    new PrintStream(System.out, true, StandardCharsets.UTF_8).println(answer);
  }

  static String encrypt(byte[] plaintext) throws Exception {
    // ${t.encryptDoc(jwe.alg)}
    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(SERVER_PUBLIC_KEY_FILE, "PUBLIC KEY")));
    String header = b64url((${header}).getBytes(StandardCharsets.UTF_8));
    SecureRandom random = new SecureRandom();
    byte[] contentKey = new byte[${contentKeyBytes(jwe.requestEnc)}];
    byte[] iv = new byte[12];
    random.nextBytes(contentKey);
    random.nextBytes(iv);
    Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    rsa.init(Cipher.ENCRYPT_MODE, key, OAEP);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, iv));
    aes.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
    byte[] sealed = aes.doFinal(plaintext);
    int tag = sealed.length - 16;
    return String.join(".", header, b64url(rsa.doFinal(contentKey)), b64url(iv),
        b64url(Arrays.copyOfRange(sealed, 0, tag)), b64url(Arrays.copyOfRange(sealed, tag, sealed.length)));
  }

  static byte[] decrypt(String jwe) throws Exception {
    // ${t.decryptDoc(jwe.alg, jwe.responseEnc.join(', '))}
    String[] part = jwe.split("\\\\.");
    if (part.length != 5) throw new IllegalArgumentException("not a compact JWE");
    String header = new String(b64urlDecode(part[0]), StandardCharsets.UTF_8);
    Integer keyBytes = ANSWER_KEY_BYTES.get(String.valueOf(field(header, "enc")));
    if (!${javaString(jwe.alg)}.equals(field(header, "alg")) || keyBytes == null)
      throw new IllegalArgumentException("unexpected JWE algorithms: " + header);
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(CLIENT_PRIVATE_KEY_FILE, "PRIVATE KEY")));
    Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    rsa.init(Cipher.DECRYPT_MODE, key, OAEP);
    byte[] contentKey = rsa.doFinal(b64urlDecode(part[1]));
    if (contentKey.length != keyBytes) throw new IllegalArgumentException("the content key does not fit the JWE's enc");
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, b64urlDecode(part[2])));
    aes.updateAAD(part[0].getBytes(StandardCharsets.US_ASCII));
    byte[] ciphertext = b64urlDecode(part[3]);
    byte[] tag = b64urlDecode(part[4]);
    byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
    System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
    return aes.doFinal(sealed);
  }

  static byte[] pem(String file, String kind) throws Exception {
    // ${t.pemBlock}
    String text = Files.readString(Path.of(file));
    Matcher block = Pattern.compile("-----BEGIN " + kind + "-----([A-Za-z0-9+/=\\\\s]+)-----END " + kind + "-----").matcher(text);
    if (!block.find()) throw new IllegalArgumentException(file + " holds no " + kind + " PEM block");
    return Base64.getMimeDecoder().decode(block.group(1));
  }

  static String field(String json, String name) {
    // ${t.noJsonParser}
    Matcher value = Pattern.compile("\\"" + name + "\\"\\\\s*:\\\\s*\\"([^\\"]*)\\"").matcher(json);
    return value.find() ? value.group(1) : null;
  }

  static String quoted(String text) {
    // ${t.quoted}
    return "\\"" + text.replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\"") + "\\"";
  }

  static String b64url(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }

  static byte[] b64urlDecode(String text) {
    return Base64.getUrlDecoder().decode(text);
  }

${javaCall(facts, language, true)}
}
`;
}
