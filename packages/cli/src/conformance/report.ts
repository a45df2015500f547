// The conformance report: a table per operation, the guesses a failure points
// at, a totals line, and JUnit XML for CI. Server texts are masked (card
// numbers to their last four); no secret is ever in the report.
import { environmentVariables } from '../client.ts';
import { header, registry, successCode } from '../contract.ts';
import { maskCardNumbers } from '../io.ts';
import type { Case } from './cases.ts';
import type { Outcome } from './runner.ts';

const label = { pass: 'ok', fail: 'FAIL', skip: 'skip' } as const;

export function expectedText(c: Case): string {
  if (c.expect.anyRefusal) return 'refused (4xx)';
  const status = registry[c.expect.codes[0] ?? '']?.httpStatus ?? '?';
  return `${status} ${c.expect.codes.join('|')}`;
}

function gotText(o: Outcome): string {
  if (o.status === undefined) return '-';
  return `${o.status} ${o.code ?? '(no code)'}`;
}

/** Operations in the order their cases appear. */
function byOperation(outcomes: Outcome[]): Map<string, Outcome[]> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const id = o.case.operation.operationId;
    groups.set(id, [...(groups.get(id) ?? []), o]);
  }
  return groups;
}

/**
 * A table per operation: a row per case, and under a failing one its failures. A failure already
 * printed in full (the same check and message) is named only, on one line; the guesses a case bears
 * on are named only (the summary has their text).
 */
export function table(outcomes: Outcome[]): string {
  const lines: string[] = [];
  const shown = new Set<string>();
  for (const [operationId, group] of byOperation(outcomes)) {
    const op = group[0]?.case.operation;
    const caseWidth = Math.max(4, ...group.map((o) => o.case.name.length));
    const expectedWidth = Math.max(8, ...group.map((o) => expectedText(o.case).length));
    lines.push(`${operationId}  ${op?.method.toUpperCase()} ${op?.path}  (${group.length} cases)`);
    lines.push(
      `  ${'result'.padEnd(6)}  ${'kind'.padEnd(9)}  ${'case'.padEnd(caseWidth)}  ${'expected'.padEnd(expectedWidth)}  got`,
    );
    for (const o of group) {
      const result = o.result === 'pass' && o.warnings.length > 0 ? 'warn' : label[o.result];
      lines.push(
        `  ${result.padEnd(6)}  ${o.case.kind.padEnd(9)}  ${o.case.name.padEnd(caseWidth)}  ${expectedText(o.case).padEnd(expectedWidth)}  ${gotText(o)}`,
      );
      const again: string[] = [];
      for (const f of o.failures) {
        const key = `${f.check}\n${f.message}`;
        if (shown.has(key)) again.push(f.check);
        else lines.push(`          ✗ ${f.check}: ${maskCardNumbers(f.message)}`);
        shown.add(key);
      }
      if (again.length > 0) lines.push(`          ✗ as above: ${again.join('; ')}`);
      for (const w of o.warnings) lines.push(`          ! ${w.check}: ${maskCardNumbers(w.message)}`);
      if (o.conflicts.length > 0)
        lines.push(`          ? guesses at stake: ${unique(o.conflicts.map((g) => g.where)).join(', ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/**
 * After the cases: each check that failed, with the number of cases it failed in and its most frequent
 * message; then each guess of the contract at stake in a failing case, with the number of such cases.
 * Empty when every case conforms.
 */
export function summary(outcomes: Outcome[]): string[] {
  const failed = outcomes.filter((o) => o.result === 'fail');
  if (failed.length === 0) return [];
  const checks = new Map<string, { cases: number; messages: Map<string, number> }>();
  for (const o of failed) {
    for (const check of unique(o.failures.map((f) => f.check))) {
      const entry = checks.get(check) ?? { cases: 0, messages: new Map<string, number>() };
      entry.cases += 1;
      for (const f of o.failures.filter((f) => f.check === check))
        entry.messages.set(f.message, (entry.messages.get(f.message) ?? 0) + 1);
      checks.set(check, entry);
    }
  }
  const rows = [...checks].sort((a, b) => b[1].cases - a[1].cases);
  const width = Math.max(...rows.map(([check]) => check.length));
  const countWidth = String(failed.length).length;
  const lines = [`failing checks (${failed.length} failing cases):`];
  for (const [check, { cases, messages }] of rows) {
    const [common] = [...messages].sort((a, b) => b[1] - a[1]);
    const others = messages.size > 1 ? ` (and ${messages.size - 1} other message${messages.size > 2 ? 's' : ''})` : '';
    lines.push(
      `  ✗ ${check.padEnd(width)}  ${String(cases).padStart(countWidth)} case${cases === 1 ? ' ' : 's'}  ${maskCardNumbers(common?.[0] ?? '')}${others}`,
    );
  }
  const guesses = new Map<string, { guess: Outcome['conflicts'][number]; cases: number }>();
  for (const o of failed) {
    for (const g of o.conflicts) {
      const key = `${g.where}\n${g.decision}`;
      const entry = guesses.get(key) ?? { guess: g, cases: 0 };
      entry.cases += 1;
      guesses.set(key, entry);
    }
  }
  if (guesses.size > 0) {
    lines.push('guesses of the contract at stake (failing cases that bear on each):');
    for (const { guess, cases } of [...guesses.values()].sort((a, b) => b.cases - a.cases))
      lines.push(
        `  ? ${String(cases).padStart(countWidth)} case${cases === 1 ? ' ' : 's'}  ${guess.where}: ${guess.decision} (the pages: ${guess.pages})`,
      );
  }
  return lines;
}

/** Lines that say what a pattern of failures most likely means, before anyone doubts the contract. */
export function hints(outcomes: Outcome[]): string[] {
  const failed = outcomes.filter((o) => o.result === 'fail');
  const lines: string[] = [];
  const signing = failed.filter(
    (o) =>
      o.case.kind !== 'bounds' &&
      o.case.kind !== 'missing' &&
      [header.tranToken, header.tranTime].includes(o.named ?? ''),
  );
  if (signing.length > 0)
    lines.push(
      `hint: ${signing.length} failing case(s) were refused naming ${header.tranToken} or ${header.tranTime}: check the secret (${environmentVariables.secretKey} or --secret-file) and this machine's clock before the token and time guesses.`,
    );
  const accepted = failed.filter((o) => o.case.kind === 'signature' && o.code === successCode);
  if (accepted.length > 0)
    lines.push(
      `hint: the server accepted ${accepted.length} request(s) with a bad token: it does not verify signatures (the project's mock does only when started with a secret); --skip signature leaves these cases out.`,
    );
  return lines;
}

export interface Totals {
  cases: number;
  passed: number;
  failed: number;
  skipped: number;
  warnings: number;
  perOperation: Array<[string, number]>;
}

export function totals(outcomes: Outcome[]): Totals {
  return {
    cases: outcomes.length,
    passed: outcomes.filter((o) => o.result === 'pass').length,
    failed: outcomes.filter((o) => o.result === 'fail').length,
    skipped: outcomes.filter((o) => o.result === 'skip').length,
    warnings: outcomes.filter((o) => o.warnings.length > 0 && o.result === 'pass').length,
    perOperation: [...byOperation(outcomes)].map(([id, group]) => [id, group.length]),
  };
}

export function totalsLine(t: Totals, seconds: number): string {
  const per = t.perOperation.map(([id, n]) => `${n} ${id}`).join(', ');
  return `conformance: ${t.cases} cases (${per}): ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.warnings} with warnings, in ${seconds.toFixed(1)} s`;
}

const xml = (text: string) =>
  maskCardNumbers(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '?');

/** JUnit XML: a test suite per operation, a test case per conformance case. */
export function junit(outcomes: Outcome[], seconds: number, baseUrl: string): string {
  const t = totals(outcomes);
  const suites = [...byOperation(outcomes)].map(([operationId, group]) => {
    const time = group.reduce((sum, o) => sum + o.ms, 0) / 1000;
    const cases = group.map((o) => {
      const inner: string[] = [];
      if (o.result === 'skip') inner.push(`<skipped message="${xml(o.warnings[0]?.message ?? 'skipped')}"/>`);
      for (const f of o.failures) {
        const detail = [
          `expected ${expectedText(o.case)}, got ${gotText(o)}`,
          ...o.conflicts.map((g) => `guess at stake (${g.where}): ${g.decision}`),
        ].join('\n');
        inner.push(`<failure type="${xml(f.check)}" message="${xml(f.message)}">${xml(detail)}</failure>`);
      }
      if (o.result !== 'skip' && o.warnings.length > 0)
        inner.push(
          `<system-out>${xml(o.warnings.map((w) => `warning: ${w.check}: ${w.message}`).join('\n'))}</system-out>`,
        );
      const open = `<testcase classname="${xml(`${operationId}.${o.case.kind}`)}" name="${xml(o.case.name)}" time="${(o.ms / 1000).toFixed(3)}"`;
      return inner.length === 0 ? `    ${open}/>` : `    ${open}>\n      ${inner.join('\n      ')}\n    </testcase>`;
    });
    const counts = {
      tests: group.length,
      failures: group.filter((o) => o.result === 'fail').length,
      skipped: group.filter((o) => o.result === 'skip').length,
    };
    return `  <testsuite name="${xml(operationId)}" tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${xml(`konaplate conformance ${baseUrl}`)}" tests="${t.cases}" failures="${t.failed}" errors="0" skipped="${t.skipped}" time="${seconds.toFixed(3)}">
${suites.join('\n')}
</testsuites>
`;
}
