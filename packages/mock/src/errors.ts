import { type ErrorRegistry, expectedMessage } from '@konaplate-contract/contract';
import { maskLast4 } from '@konaplate-contract/contract/protocol';

/** One problem Prism's validator found in a request. */
export interface Diagnostic {
  /** Ajv's keyword (`required`, `minLength`, `pattern`, ...) or Prism's own code. */
  code: string;
  /** Where: `['header']`, `['body', 'cardNo']`, ... */
  path: string[];
  message: string;
}

/** A platform-style error the mock answers with: HTTP status, result code, the field it names, and why (for QA). */
export interface MockError {
  status: number;
  code: string;
  field?: string;
  /** Precise reason, sent as X-Konaplate-Mock-Reason: never a secret or a card number. */
  reason: string;
}

/** A caller's value for an error message: short, and with any card-number-like run of digits masked. */
export function echo(value: string): string {
  return value.slice(0, 64).replace(/\d{12,}/g, maskLast4);
}

/** The `{"response": {...}}` body of an error, texts from the registry. */
export function errorBody(registry: ErrorRegistry, error: MockError): string {
  const entry = registry[error.code];
  if (!entry) throw new Error(`mock error code ${error.code} is not in the registry`);
  const message = expectedMessage(entry, error.field) ?? entry.message;
  return JSON.stringify({ response: { code: error.code, message, description: entry.description } });
}

/**
 * Maps Prism's diagnostics to the platform's code, by the keyword→code table
 * derived from the registry: the first missing value wins (as `000_003`),
 * otherwise the first invalid one (`000_002`). Header names keep their
 * canonical case.
 */
export function errorFromDiagnostics(
  diagnostics: Diagnostic[],
  validationCodes: Record<string, string>,
  headerNames: Map<string, string>,
): MockError {
  const missing = diagnostics.find((d) => d.code === 'required');
  const chosen = missing ?? diagnostics.find((d) => d.code !== 'oneOf') ?? diagnostics[0];
  if (!chosen) throw new Error('no diagnostic to report');
  const named = /property '([^']+)'/.exec(chosen.message)?.[1];
  const [where, ...rest] = chosen.path;
  const raw =
    chosen.code === 'required' && named ? [...rest, named].join('.') : rest.join('.') || named || where || 'body';
  const field = where === 'header' ? (headerNames.get(raw.toLowerCase()) ?? raw) : raw;
  const code = validationCodes[chosen.code] ?? (validationCodes.type as string);
  const reason =
    chosen.code === 'required'
      ? `${field} is missing`
      : `${field}: ${chosen.message.replace(/^Request (header|body) (property|parameter) [^ ]+ /, '')}`;
  return { status: 400, code, field, reason };
}
