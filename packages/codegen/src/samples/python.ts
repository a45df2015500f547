// The Python sample: one file, the standard library only (urllib.request, hmac, hashlib, base64, json), signing
// as the platform checks it. Its settings and the signed call are shared with the encryption sample.
import type { Language } from '../docs-text.ts';
import { type CallFacts, callSettingNames, headerValues } from './facts.ts';
import { sampleTexts } from './text.ts';

/** A JSON value as a Python literal (dicts keep their order, so json.dumps gives the same bytes back). */
export function pythonLiteral(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/** `inquireUnregisteredCard` → `inquire_unregistered_card`. */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The settings read from the environment (and the key id, for an encrypted call). */
export function pythonSettings(facts: CallFacts, encrypted: boolean): string {
  const { env, zone } = facts;
  return [
    `BASE_URL = os.environ.get(${JSON.stringify(env.baseUrl)}, ${JSON.stringify(facts.sandboxUrl)})`,
    `ASP_ID = os.environ[${JSON.stringify(env.aspId)}]`,
    `ACCESS_KEY = os.environ[${JSON.stringify(env.accessKey)}]`,
    `SECRET_KEY = os.environ[${JSON.stringify(env.secretKey)}]`,
    ...(encrypted ? [`CRYPTO_KEY_ID = os.environ[${JSON.stringify(env.cryptoKeyId)}]`] : []),
    `ZONE_NAME, ZONE = ${JSON.stringify(zone.name)}, datetime.timezone(datetime.timedelta(minutes=${zone.offsetMinutes}))`,
  ].join('\n');
}

/** `call(body)`: signs the exact body bytes, sends them, returns the answer's JSON. */
export function pythonCall(facts: CallFacts, language: Language, encrypted: boolean): string {
  const t = sampleTexts[language];
  const tranTime = facts.headers.find((h) => h.source === 'tranTime')?.name ?? '';
  const headers = headerValues(
    facts,
    {
      aspId: 'ASP_ID',
      correlationId: 'correlation_id',
      accessKey: 'ACCESS_KEY',
      tranToken: 'token',
      tranTime: 'tran_time',
      timeZone: 'ZONE_NAME',
      cryptoKeyId: 'CRYPTO_KEY_ID',
    },
    'Python',
    encrypted,
  );
  const lines = [
    `"Content-Type": ${JSON.stringify(facts.contentType)}`,
    ...headers.map(({ name, value }) => `${JSON.stringify(name)}: ${value}`),
  ];
  return `def call(body: bytes) -> dict:
    # ${t.oneInstant(tranTime)}
    now = datetime.datetime.now(ZONE)
    tran_time = now.strftime("%Y%m%d%H%M%S")
    mac = hmac.new(SECRET_KEY.encode("utf-8"), body, hashlib.sha256).digest()
    token = f"${facts.tokenPrefix}:{tran_time}{now.microsecond // 1000:03d}:{base64.b64encode(mac).decode('ascii')}"
    correlation_id = f"{now.strftime('%y%m%d%H%M%S')}-{secrets.token_hex(4)[:7]}"
    headers = {
${lines.map((l) => `        ${l},`).join('\n')}
    }
    request = urllib.request.Request(BASE_URL + ${JSON.stringify(facts.path)}, data=body, headers=headers, method=${JSON.stringify(facts.method)})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as refusal:
        # ${t.refusalJson}
        return json.load(refusal)`;
}

export const pythonImports = [
  'import base64',
  'import datetime',
  'import hashlib',
  'import hmac',
  'import json',
  'import os',
  'import secrets',
  'import urllib.error',
  'import urllib.request',
].join('\n');

export function pythonSample(facts: CallFacts, language: Language): string {
  const t = sampleTexts[language];
  const { env } = facts;
  const file = `${snakeCase(facts.operationId)}.py`;
  return `# ${t.signedCall(facts.summary, facts.method, facts.path)}
# ${t.pythonStandard} ${t.saveAndRun(file, `python3 ${file}`)}
# ${t.settings(callSettingNames(env))}
${pythonImports}

${pythonSettings(facts, false)}


${pythonCall(facts, language, false)}


payload = ${pythonLiteral(facts.payload)}
# ${t.serializeOnce}
body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
print(json.dumps(call(body), ensure_ascii=False, indent=2))
`;
}
