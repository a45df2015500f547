import { maskLast4 } from '@konaplate-contract/contract/protocol';
import { sensitive } from './contract.ts';

/** A sensitive value as it may be shown: the last four characters of a card or account number, else nothing. */
export function maskValue(name: string, value: unknown): unknown {
  const mode = sensitive[name];
  if (mode === undefined) return value;
  if (mode === 'last4' && typeof value === 'string' && value.length > 4) return maskLast4(value);
  return '[redacted]';
}

/** A copy of a JSON value with every field the spec marks x-sensitive masked, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, Object.hasOwn(sensitive, k) ? maskValue(k, v) : redact(v)]),
  );
}
