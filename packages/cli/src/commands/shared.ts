import { brokenKeywords, describeRule } from '@konaplate-contract/contract';
import { KonaplateValidationError, validateRequest } from '../client.ts';
import { envelope, findOperation, type Operation, operations } from '../contract.ts';
import { UsageError } from '../io.ts';

/** The operation of an id, or a usage error that lists the valid ones. */
export function requireOperation(operationId: string): Operation {
  const found = findOperation(operationId);
  if (!found)
    throw new UsageError(
      `unknown operation "${operationId.slice(0, 80)}"; operations: ${operations.map((o) => o.operationId).join(', ')}`,
    );
  return found;
}

/** Parses a JSON body text, or a usage error saying where it breaks (the text itself is not repeated). */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const where = /position (\d+)/.exec(reason)?.[1];
    const at =
      where !== undefined ? ` (at character ${where})` : /end of JSON/.test(reason) ? ' (it ends too early)' : '';
    throw new UsageError(`--body is not valid JSON${at}: give one JSON object, e.g. '{"cardNo":"…"}'`);
  }
}

/** What is wrong with a body text for an operation, in one line naming the field and the rule; null when fine. */
export function bodyProblem(operation: Operation | undefined, text: string): string | null {
  try {
    const body = parseBody(text);
    if (!operation) return null;
    if (typeof body === 'object' && body !== null && envelope in body) {
      // An envelope encrypted elsewhere: only its own fields can be checked.
      for (const field of operation.envelope) {
        const value = (body as Record<string, unknown>)[field.name];
        const broken =
          value === undefined ? (field.required ? 'required' : undefined) : brokenKeywords(field.schema, value)[0];
        if (broken)
          return `${field.name} ${broken === 'required' ? 'is required' : describeRule(field.schema, broken)} (rule: ${broken})`;
      }
      return null;
    }
    validateRequest(operation.operationId, body);
    return null;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    if (error instanceof KonaplateValidationError) return validationLine(error);
    throw error;
  }
}

/** One line for a request field that breaks the spec: the field, what the rule asks, the rule's name. */
export function validationLine(error: KonaplateValidationError): string {
  return `${error.message} (rule: ${error.rule})`;
}

/** A base URL and an operation path, one slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError('--base-url must be an absolute http(s) URL, e.g. http://127.0.0.1:4010');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError('--base-url must be an absolute http(s) URL, e.g. http://127.0.0.1:4010');
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** `Name: value` pairs of -H/--header, in the order given; a header name is HTTP's token characters. */
export function headerFlags(values: string[] | undefined): Array<[string, string]> {
  return (values ?? []).map((text) => {
    const at = text.indexOf(':');
    const name = at < 0 ? '' : text.slice(0, at).trim();
    // The value is never repeated in an error: it may be a credential.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new UsageError(
        `--header must be 'Name: value' with a header name of letters, digits and -, e.g. -H 'Prefer: example=card-not-found'`,
      );
    const value = text.slice(at + 1).trim();
    if (/[\r\n\0]/.test(value)) throw new UsageError(`--header ${name}: the value must be one line`);
    return [name, value];
  });
}

/**
 * Headers with the -H ones applied: a name given (in any case) replaces the computed header of that name,
 * in its place and with its spelling; other names follow in the order given (the last of a name wins).
 */
export function withHeaders(computed: Record<string, string>, given: Array<[string, string]>): Record<string, string> {
  const headers = { ...computed };
  for (const [name, value] of given) {
    const existing = Object.keys(headers).find((n) => n.toLowerCase() === name.toLowerCase());
    headers[existing ?? name] = value;
  }
  return headers;
}
