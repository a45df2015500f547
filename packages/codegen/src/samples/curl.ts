// The curl sample: bash, openssl for the token, curl for the call (GNU and BSD date alike).
import type { Language } from '../docs-text.ts';
import { type CallFacts, callSettingNames, headerValues } from './facts.ts';
import { sampleTexts } from './text.ts';

/** A zone's offset as POSIX TZ writes it (hours west of UTC: KST, UTC+9, is `KST-9`). */
export function posixTz(name: string, offsetMinutes: number): string {
  const west = -offsetMinutes;
  const hours = Math.trunc(Math.abs(west) / 60);
  const minutes = Math.abs(west) % 60;
  return `${name}${west < 0 ? '-' : ''}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** `UTC+9`, `UTC+5:30`, `UTC`. */
export function utcLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const hours = Math.trunc(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

export function curlSample(facts: CallFacts, language: Language): string {
  const t = sampleTexts[language];
  const { env, zone } = facts;
  const tranTime = facts.headers.find((h) => h.source === 'tranTime')?.name ?? '';
  const headers = headerValues(
    facts,
    {
      aspId: `$${env.aspId}`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansion in the curl sample
      correlationId: '${TIME:2}-$(openssl rand -hex 4 | cut -c1-7)',
      accessKey: `$${env.accessKey}`,
      tranToken: `${facts.tokenPrefix}:\${TIME}000:$MAC`,
      tranTime: '$TIME',
      timeZone: zone.name,
    },
    'curl',
  ).map(({ name, value }) => `  -H "${name}: ${value}" \\`);
  return [
    `# ${t.signedCall(facts.summary, facts.method, facts.path)}`,
    `# ${t.settings(callSettingNames(env))}`,
    `BODY='${facts.body.replace(/'/g, `'\\''`)}'`,
    `# ${t.oneInstant(tranTime)}${zone.offsetMinutes ? ` ${t.posixZone(zone.name, utcLabel(zone.offsetMinutes))}` : ''}`,
    `TIME=$(TZ=${posixTz(zone.name, zone.offsetMinutes)} date +%Y%m%d%H%M%S)`,
    `MAC=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$${env.secretKey}" -binary | base64)`,
    `curl -sS -X ${facts.method} "\${${env.baseUrl}:-${facts.sandboxUrl}}${facts.path}" \\`,
    `  -H 'Content-Type: ${facts.contentType}' \\`,
    ...headers,
    '  --data "$BODY"',
  ].join('\n');
}
