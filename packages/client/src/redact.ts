import { sensitive } from './contract.ts';

/** A sensitive value as it may be shown: the last four characters of a card or account number, else nothing. */
export function maskValue(name: string, value: unknown): unknown {
  const mode = sensitive[name];
  if (mode === undefined) return value;
  if (mode === 'last4' && typeof value === 'string' && value.length > 4)
    return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
  return '[redacted]';
}

/** A copy of a JSON value with every field the spec marks x-sensitive masked, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k in sensitive ? maskValue(k, v) : redact(v)]));
}

/** Request headers for a log line: credentials hidden, the rest as sent. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const shown: Record<string, string> = {};
  const hidden = new Set(Object.keys(sensitive).map((k) => k.toLowerCase()));
  headers.forEach((value, name) => {
    shown[name] = hidden.has(name.toLowerCase()) ? '[redacted]' : value;
  });
  return shown;
}
