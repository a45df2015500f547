// What the mock needs beyond the scenario table: the contract's version, and whether an answer written by
// hand (a QA scenarios file's inline `answer`) keeps the registry's rules for result codes. Pure readings.
import type { JsonObject, OpenApiDocument } from './document.ts';
import { registryOf } from './facts.ts';

/** The contract's version (`info.version`), or undefined when the document has none. */
export function contractVersion(doc: OpenApiDocument): string | undefined {
  const info = doc.info as JsonObject | undefined;
  return typeof info?.version === 'string' ? info.version : undefined;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A registry message template (`Invalid input parameter. {field}`) as a pattern matching it with any field. */
function templatePattern(template: string): RegExp {
  const [before = '', after = ''] = template.split('{field}');
  const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${quote(before)}\\S.*${quote(after)}$`);
}

/**
 * What is wrong with an answer's result envelope (`{"response": {code, message, description}}`) against the
 * registry, for an answer sent with this HTTP status: a code the registry does not have, a code of another
 * HTTP status, a message that is neither the code's message nor its message naming a field, a description
 * other than the code's. Empty when it holds. (The answer's shape is the response schema's to judge.)
 */
export function mockAnswerProblems(doc: OpenApiDocument, status: number, body: unknown): string[] {
  const envelope = isObject(body) ? body.response : undefined;
  if (!isObject(envelope)) return ['it has no result envelope (response: {code, message, description})'];
  const code = envelope.code;
  const entry = typeof code === 'string' ? registryOf(doc)[code] : undefined;
  if (!entry) return [`result code ${JSON.stringify(code)} is not in the error registry`];
  const problems: string[] = [];
  if (entry.httpStatus !== status)
    problems.push(`result code ${code} is HTTP ${entry.httpStatus} in the registry, not ${status}`);
  const message = envelope.message;
  if (
    message !== undefined &&
    message !== entry.message &&
    !(typeof message === 'string' && entry.messageWithField && templatePattern(entry.messageWithField).test(message))
  ) {
    const expected = [entry.message, entry.messageWithField].filter(Boolean).map((m) => JSON.stringify(m));
    problems.push(`response.message ${JSON.stringify(message)} is not ${code}'s (${expected.join(' or ')})`);
  }
  if (envelope.description !== undefined && envelope.description !== entry.description)
    problems.push(
      `response.description ${JSON.stringify(envelope.description)} is not ${code}'s (${JSON.stringify(entry.description)})`,
    );
  return problems;
}
