// Hooks: plain functions the client calls with structured events of every call, for logs, metrics
// and traces. Every event is already safe to log: bodies only as `redact` shows them (computed when
// read), errors as the client's errors (which never hold a secret or a full card number). A hook that
// throws (or rejects) is ignored: it never breaks the call.
import type { OperationId } from './contract.ts';
import type { KonaplateFailure, TransportReason } from './errors.ts';
import type { Problem } from './validation.ts';

/** What every event names: the call's operation, the attempt, and the X-KM-Correlation-Id it sent. */
export interface CallEvent {
  operationId: OperationId;
  /** The attempt's X-KM-Correlation-Id (on `error` and `contractDrift`, the last attempt's). */
  correlationId: string;
  /** 1 for the first attempt (on `error`, the attempts made). */
  attempt: number;
  method: string;
  url: string;
}

/** The events, by name: `hooks.onRequest` gets `KonaplateEvents['request']`, and so on. */
export interface KonaplateEvents {
  /** An attempt is about to be sent (signed, encrypted when configured). `body` is the plaintext, redacted. */
  request: CallEvent & { readonly body: unknown };
  /**
   * An attempt got an HTTP answer: its status, the platform's result code (when the answer has one),
   * how long the attempt took, and the (decrypted) payload of a success, redacted.
   */
  response: CallEvent & { status: number; code: string | undefined; durationMs: number; readonly body: unknown };
  /** An attempt is retried after `delayMs`: why (a transport reason, or `http` with the status). */
  retry: CallEvent & { reason: TransportReason | 'http'; status: number | undefined; delayMs: number };
  /** The call ended with an error, of any kind (`error.kind`); `attempt` is the number of attempts sent. */
  error: CallEvent & { error: KonaplateFailure; durationMs: number };
  /**
   * A success answer differs from the contract in values the client could still use (`validateResponse:
   * 'tolerant'`): an enum value it does not list, a string longer or shaped otherwise, a field it does not
   * have. The payload was handed out as data; each difference names the field and the rule.
   */
  contractDrift: CallEvent & { status: number; drift: Problem[] };
}

/** Functions called with each event (all optional). */
export interface KonaplateHooks {
  onRequest?: (event: KonaplateEvents['request']) => unknown;
  onResponse?: (event: KonaplateEvents['response']) => unknown;
  onRetry?: (event: KonaplateEvents['retry']) => unknown;
  onError?: (event: KonaplateEvents['error']) => unknown;
  onContractDrift?: (event: KonaplateEvents['contractDrift']) => unknown;
}

/** Calls a hook with its event (built only when there is a hook); whatever it throws or rejects with is dropped. */
export function emit<E>(hook: (event: E) => unknown, event: () => E): void {
  try {
    const returned = hook(event()) as { catch?: unknown } | undefined;
    if (typeof returned?.catch === 'function') (returned as Promise<unknown>).catch(() => undefined);
  } catch {
    // A hook never breaks the call.
  }
}
