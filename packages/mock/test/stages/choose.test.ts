// Stage 4, choose: control headers and injection, a scenario selected by content, Prefer, the default.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.ts';
import type { Preferences } from '../../src/prefer.ts';
import {
  type ChoiceInput,
  choose,
  faultChoice,
  preferredExample,
  readControls,
  selects,
} from '../../src/stages/choose.ts';
import { handMadeRuntime, validationCodes } from './fixture.ts';

const op = handMadeRuntime();
const scenario = (example: string) => {
  const found = op.scenarios.find((s) => s.example === example);
  if (!found) throw new Error(`no ${example}`);
  return found;
};

describe('readControls', () => {
  it('nothing asked, no injection: no delay, no fault', () => {
    expect(readControls({}, undefined, 'E')).toEqual({ delayMs: 0, fault: 'none' });
  });

  it('X-Konaplate-Mock-Latency and X-Konaplate-Mock-Fault for one request', () => {
    expect(readControls({ 'x-konaplate-mock-latency': '50' }, undefined, 'E')).toEqual({ delayMs: 50, fault: 'none' });
    expect(readControls({ 'x-konaplate-mock-fault': '503' }, undefined, 'E')).toEqual({ delayMs: 0, fault: '503' });
    expect(readControls({ 'x-konaplate-mock-fault': ' DROP ' }, undefined, 'E')).toEqual({ delayMs: 0, fault: 'drop' });
    expect(
      readControls({ 'x-konaplate-mock-latency': '10-10', 'x-konaplate-mock-fault': 'none' }, undefined, 'E'),
    ).toEqual({ delayMs: 10, fault: 'none' });
  });

  it('the configured injection applies unless the headers say otherwise', () => {
    const injection = { latency: { kind: 'fixed' as const, ms: 20 }, faultRate: 1, faultMode: 'drop' as const };
    expect(readControls({}, injection, 'E')).toEqual({ delayMs: 20, fault: 'drop' });
    expect(readControls({ 'x-konaplate-mock-latency': '0', 'x-konaplate-mock-fault': 'none' }, injection, 'E')).toEqual(
      { delayMs: 0, fault: 'none' },
    );
    expect(readControls({}, { faultRate: 0 }, 'E')).toEqual({ delayMs: 0, fault: 'none' });
    expect(readControls({}, { latency: { kind: 'uniform', min: 10, max: 20 }, random: () => 0.5 }, 'E')).toEqual({
      delayMs: 15,
      fault: 'none',
    });
  });

  it('a header it cannot read: refused naming it, and then no fault at all', () => {
    expect(
      readControls({ 'x-konaplate-mock-latency': 'slow', 'x-konaplate-mock-fault': '503' }, undefined, 'E'),
    ).toEqual({
      delayMs: 0,
      fault: 'none',
      error: {
        status: 400,
        code: 'E',
        field: 'X-Konaplate-Mock-Latency',
        reason: expect.stringMatching(/^"slow" is not a latency: unknown form/),
      },
    });
    expect(readControls({ 'x-konaplate-mock-fault': 'sometimes' }, { faultRate: 1 }, 'E')).toEqual({
      delayMs: 0,
      fault: 'none',
      error: {
        status: 400,
        code: 'E',
        field: 'X-Konaplate-Mock-Fault',
        reason: '"sometimes" is not a fault: use 503, drop, none',
      },
    });
  });

  it('both unreadable: the latency header is named (the first read)', () => {
    const controls = readControls({ 'x-konaplate-mock-latency': 'x', 'x-konaplate-mock-fault': 'y' }, undefined, 'E');
    expect(controls.error?.field).toBe('X-Konaplate-Mock-Latency');
  });
});

describe('selects', () => {
  const state = { decrypted: false, bodyValid: true, envelope: 'encData' };

  it('a designated value selects its scenario, even when the body is otherwise invalid', () => {
    const lost = scenario('lost-card');
    expect(selects(lost, { cardNo: '9491239999999991' }, state)).toBe(true);
    expect(selects(lost, { cardNo: '9491239999999991', extra: 1 }, { ...state, bodyValid: false })).toBe(true);
    expect(selects(lost, { cardNo: '9491239999999992' }, state)).toBe(false);
    expect(selects(lost, {}, state)).toBe(false);
  });

  it('a field merely present selects only a valid body, and never the envelope field of a decrypted payload', () => {
    const sealed = scenario('sealed');
    expect(selects(sealed, { encData: 'x' }, state)).toBe(true);
    expect(selects(sealed, { encData: 'x' }, { ...state, bodyValid: false })).toBe(false);
    expect(selects(sealed, { other: 'x' }, state)).toBe(false);
    expect(selects(sealed, { encData: 'x' }, { ...state, decrypted: true })).toBe(false);
  });

  it('only body scenarios, and only object payloads', () => {
    expect(selects(scenario('ok'), { cardNo: '1' }, state)).toBe(false);
    expect(selects(scenario('missing'), {}, state)).toBe(false);
    expect(selects(scenario('lost-card'), ['9491239999999991'], state)).toBe(false);
    expect(selects(scenario('lost-card'), undefined, state)).toBe(false);
  });
});

describe('preferredExample', () => {
  const prefer = (options: Omit<Preferences, 'source'>): Preferences => ({ ...options, source: 'Prefer' });
  const choices = 'codes: 200 (ok, sealed); 400 (lost-card, missing); 503 (down)';

  it('example, code, or both: that example; a code alone is its first', () => {
    expect(preferredExample(op, prefer({ example: 'missing' }), 'E')).toBe('missing');
    expect(preferredExample(op, prefer({ code: '400' }), 'E')).toBe('lost-card');
    expect(preferredExample(op, prefer({ code: '400', example: 'missing' }), 'E')).toBe('missing');
    expect(preferredExample(op, prefer({ code: '503' }), 'E')).toBe('down');
  });

  it('nothing chosen: dynamic=false or seed alone', () => {
    expect(preferredExample(op, prefer({ dynamic: 'false' }), 'E')).toBeUndefined();
    expect(preferredExample(op, prefer({ seed: '7' }), 'E')).toBeUndefined();
  });

  it.each([
    [
      { code: '404' },
      'Prefer',
      'Prefer code: inquireThing documents no 404 answer; codes: 200 (ok, sealed); 400 (lost-card, missing); 503 (down)',
    ],
    [{ code: 'abc' }, 'Prefer', `Prefer code: "abc" is not a 3-digit HTTP status; ${choices}`],
    [{ code: '2000' }, 'Prefer', `Prefer code: "2000" is not a 3-digit HTTP status; ${choices}`],
    [
      { example: 'nope' },
      'Prefer',
      'Prefer example: inquireThing has no example "nope"; examples: 200 (ok, sealed); 400 (lost-card, missing); 503 (down)',
    ],
    [
      { code: '400', example: 'nope' },
      'Prefer',
      'Prefer example: inquireThing has no example "nope"; 400 examples: lost-card, missing',
    ],
    [
      { code: '200', example: 'missing' },
      'Prefer',
      'Prefer example: "missing" is a 400 answer, not 200; 200 examples: ok, sealed',
    ],
    [{ dynamic: 'maybe' }, 'Prefer', 'Prefer dynamic: "maybe" is not true or false'],
  ])('%j: refused, naming the option and what there is', (options, field, reason) => {
    expect(preferredExample(op, prefer(options), 'E')).toEqual({ status: 400, code: 'E', field, reason });
  });

  it('dynamic=true: refused, with the examples to choose instead', () => {
    const refused = preferredExample(op, prefer({ dynamic: 'true' }), 'E');
    expect(refused).toMatchObject({ status: 400, code: 'E', field: 'Prefer' });
    expect((refused as { reason: string }).reason).toMatch(
      /^Prefer dynamic: dynamic=true is not supported: .* choose an example instead: 200 \(ok, sealed\); 400 \(lost-card, missing\); 503 \(down\)$/,
    );
  });

  it('from the query: the parameter is named', () => {
    expect(preferredExample(op, { code: '404', source: 'query' }, 'E')).toMatchObject({
      field: '__code',
      reason: expect.stringMatching(/^__code: inquireThing documents no 404 answer/),
    });
    expect(preferredExample(op, { example: 'x', source: 'query' }, 'E')).toMatchObject({ field: '__example' });
  });

  it('a card number in an option is masked in the reason', () => {
    const refused = preferredExample(op, prefer({ example: '9491231111111111' }), 'E') as { reason: string };
    expect(refused.reason).toContain('"************1111"');
  });
});

describe('choose', () => {
  const input = (changes: Partial<ChoiceInput>): ChoiceInput => ({
    payload: { cardNo: '9491231111111111' },
    decrypted: false,
    bodyErrors: [],
    prefs: undefined,
    envelope: 'encData',
    validationCodes,
    invalidCode: '000_002',
    ...changes,
  });
  const missing: Diagnostic = { code: 'required', path: ['body'], message: "must have required property 'cardNo'" };

  it('any other valid request: the default answer, marked as such', () => {
    expect(choose(op, input({}))).toEqual({ example: 'ok', fallback: true });
  });

  it('a test card: its scenario, before the body is judged and before Prefer', () => {
    const lost = { payload: { cardNo: '9491239999999991' }, prefs: { example: 'ok', source: 'Prefer' as const } };
    expect(choose(op, input({ ...lost, bodyErrors: [missing] }))).toEqual({ example: 'lost-card', fallback: false });
  });

  it("an invalid body: the platform's refusal for it, before Prefer", () => {
    expect(choose(op, input({ bodyErrors: [missing], prefs: { example: 'ok', source: 'Prefer' } }))).toEqual({
      error: { status: 400, code: '000_003', field: 'cardNo', reason: 'cardNo is missing' },
    });
  });

  it('Prefer: the example chosen, or its refusal; nothing chosen is the default', () => {
    expect(choose(op, input({ prefs: { code: '503', source: 'Prefer' } }))).toEqual({
      example: 'down',
      fallback: false,
    });
    expect(choose(op, input({ prefs: { code: '302', source: 'Prefer' } }))).toMatchObject({
      error: { status: 400, code: '000_002', field: 'Prefer' },
    });
    expect(choose(op, input({ prefs: { seed: '1', source: 'Prefer' } }))).toEqual({ example: 'ok', fallback: true });
  });
});

describe('faultChoice', () => {
  it("the operation's fault example, else the registry's 503", () => {
    expect(faultChoice(op)).toEqual({ example: 'down' });
    expect(faultChoice(handMadeRuntime({ fault: false }))).toEqual({ registry503: true });
    const unrendered = { ...op, examples: new Map([...op.examples].filter(([key]) => key !== 'down')) };
    expect(faultChoice(unrendered)).toEqual({ registry503: true });
  });
});
