// The Java sample: one file run as `java File.java` (Java 11 or later), the JDK only (java.net.http,
// javax.crypto), signing as the platform checks it. Its settings and the signed call are shared with the
// encryption sample.
import type { Language } from '../docs-text.ts';
import { type CallFacts, callSettingNames, headerValues } from './facts.ts';
import { sampleTexts } from './text.ts';

/** A Java string literal of a text; anything beyond ASCII as \uXXXX, so the source's charset never matters. */
export function javaString(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `inquireUnregisteredCard` → `InquireUnregisteredCard`. */
export const pascalCase = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

export const javaImports = [
  'import java.io.PrintStream;',
  'import java.net.URI;',
  'import java.net.http.HttpClient;',
  'import java.net.http.HttpRequest;',
  'import java.net.http.HttpResponse;',
  'import java.nio.charset.StandardCharsets;',
  'import java.security.SecureRandom;',
  'import java.time.OffsetDateTime;',
  'import java.time.ZoneOffset;',
  'import java.time.format.DateTimeFormatter;',
  'import java.util.Base64;',
  'import javax.crypto.Mac;',
  'import javax.crypto.spec.SecretKeySpec;',
];

/** The settings read from the environment (and the key id, for an encrypted call), as static fields. */
export function javaSettings(facts: CallFacts, encrypted: boolean): string {
  const { env, zone } = facts;
  return [
    `  static final String BASE_URL = System.getenv().getOrDefault(${javaString(env.baseUrl)}, ${javaString(facts.sandboxUrl)});`,
    `  static final String ASP_ID = env(${javaString(env.aspId)});`,
    `  static final String ACCESS_KEY = env(${javaString(env.accessKey)});`,
    `  static final String SECRET_KEY = env(${javaString(env.secretKey)});`,
    ...(encrypted ? [`  static final String CRYPTO_KEY_ID = env(${javaString(env.cryptoKeyId)});`] : []),
    `  static final String ZONE_NAME = ${javaString(zone.name)};`,
    `  static final ZoneOffset ZONE = ZoneOffset.ofTotalSeconds(${zone.offsetMinutes} * 60);`,
  ].join('\n');
}

/** `call(body)`: signs the exact body bytes, sends them, returns the answer's JSON text; and `env(name)`. */
export function javaCall(facts: CallFacts, language: Language, encrypted: boolean): string {
  const t = sampleTexts[language];
  const tranTime = facts.headers.find((h) => h.source === 'tranTime')?.name ?? '';
  const headers = headerValues(
    facts,
    {
      aspId: 'ASP_ID',
      correlationId: 'correlationId',
      accessKey: 'ACCESS_KEY',
      tranToken: 'token',
      tranTime: 'tranTime',
      timeZone: 'ZONE_NAME',
      cryptoKeyId: 'CRYPTO_KEY_ID',
    },
    'Java',
    encrypted,
  );
  const lines = [
    `.header("Content-Type", ${javaString(facts.contentType)})`,
    ...headers.map(({ name, value }) => `.header(${javaString(name)}, ${value})`),
    `.method(${javaString(facts.method)}, HttpRequest.BodyPublishers.ofByteArray(body))`,
  ];
  return `  static String call(byte[] body) throws Exception {
    // ${t.oneInstant(tranTime)}
    OffsetDateTime now = OffsetDateTime.now(ZONE);
    String tranTime = now.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String token = ${javaString(`${facts.tokenPrefix}:`)} + tranTime + now.format(DateTimeFormatter.ofPattern("SSS")) + ":"
        + Base64.getEncoder().encodeToString(hmac.doFinal(body));
    String correlationId = now.format(DateTimeFormatter.ofPattern("yyMMddHHmmss")) + "-"
        + String.format("%08x", new SecureRandom().nextInt()).substring(0, 7);
    HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + ${javaString(facts.path)}))
${lines.map((l) => `        ${l}`).join('\n')}
        .build();
    // ${t.refusalJson}
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) throw new IllegalStateException(name + " is not set");
    return value;
  }`;
}

export function javaSample(facts: CallFacts, language: Language): string {
  const t = sampleTexts[language];
  const { env } = facts;
  const name = pascalCase(facts.operationId);
  return `// ${t.signedCall(facts.summary, facts.method, facts.path)}
// ${t.javaOnly} ${t.saveAndRun(`${name}.java`, `java ${name}.java`)}
// ${t.settings(callSettingNames(env))}
${javaImports.join('\n')}

public class ${name} {
${javaSettings(facts, false)}

  public static void main(String[] args) throws Exception {
    // ${t.serializeOnce}
    byte[] body = ${javaString(facts.body)}.getBytes(StandardCharsets.UTF_8);
    String answer = call(body);
    // ${t.utf8Out}
    new PrintStream(System.out, true, StandardCharsets.UTF_8).println(answer);
  }

${javaCall(facts, language, false)}
}
`;
}
