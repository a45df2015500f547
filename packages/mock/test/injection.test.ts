// Latency and fault injection: the distributions and their grammar, then the
// real server with injection from options and per request, and the fault
// answer taken from the spec when the spec documents one.

import { once } from 'node:events';
import { mockScenarios } from '@konaplate-contract/codegen';
import { ext, type OpenApiDocument, registryOf } from '@konaplate-contract/contract';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contract } from '../src/contract.ts';
import {
  describeFaults,
  describeLatency,
  drawFault,
  type InjectionOptions,
  type Latency,
  maxLatencyMs,
  parseLatency,
  sampleLatency,
} from '../src/injection.ts';
import { contract, post, rowsOf, spec, startMock, VA, validBodies } from './support.ts';

/** A small seeded PRNG (mulberry32), so that statistical checks are deterministic. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

describe('latency grammar', () => {
  it.each([
    ['50', { kind: 'fixed', ms: 50 }],
    ['0', { kind: 'fixed', ms: 0 }],
    ['20-200', { kind: 'uniform', min: 20, max: 200 }],
    [' 20 - 200 ', { kind: 'uniform', min: 20, max: 200 }],
    ['70-70', { kind: 'fixed', ms: 70 }],
    ['p50=40,p99=300', { kind: 'lognormal', p50: 40, p99: 300 }],
    ['p99=300, P50=40', { kind: 'lognormal', p50: 40, p99: 300 }],
    [`${maxLatencyMs}`, { kind: 'fixed', ms: maxLatencyMs }],
  ])('%j', (text, latency) => {
    expect(parseLatency(text)).toEqual(latency);
  });

  it.each([
    ['', /unknown form/],
    ['abc', /unknown form/],
    ['-5', /unknown form/],
    ['5-', /unknown form/],
    ['1.5', /unknown form/],
    ['200-20', /the lower bound is above the upper one/],
    ['60001', /at most 60000 ms/],
    ['10-60001', /each bound at most 60000 ms/],
    ['p50=50', /give exactly p50 and p99/],
    ['p50=50,p90=100', /give exactly p50 and p99/],
    ['p50=0,p99=5', /p50 must be at least 1 ms/],
    ['p50=60,p99=50', /p99 is below p50/],
    ['p50=x,p99=50', /whole milliseconds/],
  ])('%j is refused, naming the rule and the grammar', (text, why) => {
    const parsed = parseLatency(text);
    expect(parsed).toHaveProperty('error');
    const { error } = parsed as { error: string };
    expect(error).toMatch(why);
    expect(error).toContain('<ms>, <min>-<max> (uniform) or p50=<ms>,p99=<ms> (log-normal)');
  });
});

describe('latency distributions', () => {
  it('fixed is the value; uniform covers both bounds and stays within them', () => {
    expect(sampleLatency({ kind: 'fixed', ms: 75 })).toBe(75);
    const uniform: Latency = { kind: 'uniform', min: 20, max: 200 };
    expect(sampleLatency(uniform, () => 0)).toBe(20);
    expect(sampleLatency(uniform, () => 0.999_999)).toBe(200);
    const random = seeded(1);
    const draws = Array.from({ length: 20_000 }, () => sampleLatency(uniform, random));
    expect(Math.min(...draws)).toBe(20);
    expect(Math.max(...draws)).toBe(200);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(105);
    expect(mean).toBeLessThan(115);
  });

  it('log-normal has the asked p50 and p99 (within sampling error) and never exceeds the cap', () => {
    const random = seeded(7);
    const draws = Array.from({ length: 40_000 }, () =>
      sampleLatency({ kind: 'lognormal', p50: 40, p99: 300 }, random),
    ).sort((a, b) => a - b);
    expect(quantile(draws, 0.5)).toBeGreaterThanOrEqual(38);
    expect(quantile(draws, 0.5)).toBeLessThanOrEqual(42);
    expect(quantile(draws, 0.99)).toBeGreaterThanOrEqual(270);
    expect(quantile(draws, 0.99)).toBeLessThanOrEqual(330);
    const wide = Array.from({ length: 5_000 }, () =>
      sampleLatency({ kind: 'lognormal', p50: 30_000, p99: 60_000 }, random),
    );
    expect(Math.max(...wide)).toBe(maxLatencyMs);
  });

  it('describes itself for the banner', () => {
    expect(describeLatency(undefined)).toBe('latency off');
    expect(describeLatency({ kind: 'fixed', ms: 0 })).toBe('latency off');
    expect(describeLatency({ kind: 'fixed', ms: 50 })).toBe('latency 50 ms');
    expect(describeLatency({ kind: 'uniform', min: 20, max: 200 })).toBe('latency 20-200 ms (uniform)');
    expect(describeLatency({ kind: 'lognormal', p50: 40, p99: 300 })).toBe(
      'latency p50 40 ms, p99 300 ms (log-normal)',
    );
    expect(describeFaults(0, 'drop')).toBe('faults off');
    expect(describeFaults(0.1, '503')).toBe('faults 10% (503 answers)');
    expect(describeFaults(0.025, 'mixed')).toBe('faults 2.5% (503 answers or dropped connections)');
  });
});

describe('fault draws', () => {
  it('rate 0 never, rate 1 always, a rate in between about that share', () => {
    const random = seeded(3);
    expect(Array.from({ length: 1000 }, () => drawFault({ faultRate: 0, random })).every((f) => f === 'none')).toBe(
      true,
    );
    expect(
      Array.from({ length: 1000 }, () => drawFault({ faultRate: 1, faultMode: 'drop', random })).every(
        (f) => f === 'drop',
      ),
    ).toBe(true);
    const draws = Array.from({ length: 10_000 }, () => drawFault({ faultRate: 0.1, random }));
    const faults = draws.filter((f) => f === '503').length;
    expect(faults).toBeGreaterThan(900);
    expect(faults).toBeLessThan(1100);
    expect(draws.filter((f) => f !== '503' && f !== 'none')).toEqual([]);
    const mixed = Array.from({ length: 1000 }, () => drawFault({ faultRate: 1, faultMode: 'mixed', random }));
    expect(mixed.filter((f) => f === '503').length).toBeGreaterThan(400);
    expect(mixed.filter((f) => f === 'drop').length).toBeGreaterThan(400);
  });
});

// The real server.
let mock: Awaited<ReturnType<typeof startMock>> | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});
const start = async (injection?: InjectionOptions, using: Contract = contract) => {
  mock = await startMock({ injection, contract: using });
  return mock;
};
/** Milliseconds a call takes, and its answer. */
async function timed(call: () => Promise<Awaited<ReturnType<typeof post>>>) {
  const started = performance.now();
  const answer = await call();
  return { ms: performance.now() - started, answer };
}
/** A POST that must fail at the socket (no HTTP answer at all); resolves to the error code. */
async function dropped(url: URL, extra: Record<string, string> = {}): Promise<string> {
  try {
    const answer = await post(url, VA, validBodies[VA], extra);
    throw new Error(`expected a dropped connection, got HTTP ${answer.status}`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    expect((error as Error).message).toBe('fetch failed');
    return cause?.code ?? 'no code';
  }
}

describe('latency on the real server', () => {
  it('a fixed latency from the options delays every answer, errors included', async () => {
    const { url } = await start({ latency: { kind: 'fixed', ms: 250 } });
    for (const extra of [{}, { 'x-km-time-zone': undefined }]) {
      const { ms, answer } = await timed(() => post(url, VA, validBodies[VA], extra));
      expect(ms).toBeGreaterThanOrEqual(249);
      expect(answer.status).toBe('x-km-time-zone' in extra ? 400 : 200);
    }
    expect(mock?.logs.at(-1)).toMatch(/ 400 error 000_003 \d+\.\dms/);
    expect(Number(/ (\d+\.\d)ms/.exec(mock?.logs.at(-1) ?? '')?.[1])).toBeGreaterThanOrEqual(249);
  });

  it('X-Konaplate-Mock-Latency delays one answer, and 0 lifts the configured latency for it', async () => {
    const { url } = await start({ latency: { kind: 'fixed', ms: 1500 } });
    const fast = await timed(() => post(url, VA, validBodies[VA], { 'x-konaplate-mock-latency': '0' }));
    expect(fast.answer.status).toBe(200);
    expect(fast.ms).toBeLessThan(1200);
    await mock?.close();
    const plain = await start();
    const slow = await timed(() => post(plain.url, VA, validBodies[VA], { 'x-konaplate-mock-latency': '300' }));
    expect(slow.answer.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(299);
    const ranged = await timed(() => post(plain.url, VA, validBodies[VA], { 'x-konaplate-mock-latency': '150-200' }));
    expect(ranged.ms).toBeGreaterThanOrEqual(149);
  });

  it('stopping does not wait for delayed answers: they go out at once', async () => {
    const { url, server, close } = await start({ latency: { kind: 'fixed', ms: 30_000 } });
    const arrived = once(server, 'request');
    const pending = post(url, VA, validBodies[VA]);
    await arrived; // the request is in: its answer is held back, or about to be
    const started = performance.now();
    await close();
    mock = undefined;
    expect((await pending).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a bad X-Konaplate-Mock-Latency is refused in the envelope, naming the header and the grammar', async () => {
    const { url } = await start();
    const correlationId = '261122103000-0a1b2c3';
    const answer = await post(url, VA, validBodies[VA], {
      'x-konaplate-mock-latency': 'slow',
      'x-km-correlation-id': correlationId,
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      response: {
        code: '000_002',
        message: 'Invalid input parameter. X-Konaplate-Mock-Latency',
        description: registryOf(contract.spec)['000_002']?.description,
      },
    });
    expect(answer.headers.get('x-konaplate-mock-reason')).toMatch(/^"slow" is not a latency: unknown form \(use <ms>/);
    expect(answer.headers.get('x-km-correlation-id')).toBe(correlationId);
  });
});

describe("faults on the real server (each operation's fault example from the spec)", () => {
  const registry = registryOf(contract.spec);
  const [faultCode, faultEntry] = Object.entries(registry).find(([, e]) => e.httpStatus === 503) ?? [];
  const faultBody = {
    response: { code: faultCode, message: faultEntry?.message, description: faultEntry?.description },
  };

  it.each(rowsOf(contract.scenarios.operations, "the scenario table's operations"))(
    'rate 1, mode 503: every $operationId answer is 503 in the envelope',
    async (op) => {
      // The operation's own 503 example in the spec.
      const documented = Object.keys(
        spec.paths[op.path]?.post?.responses['503']?.content['application/json']?.examples ?? {},
      );
      expect(documented).toContain(op.fault?.example);
      const { url, logs } = await start({ faultRate: 1, faultMode: '503' });
      for (const extra of [{}, { 'x-km-time-zone': undefined }]) {
        const answer = await post(url, op.path, validBodies[op.path] ?? {}, {
          ...extra,
          'x-km-correlation-id': '261121103000-a3f09c2',
        });
        expect(answer.status).toBe(503);
        expect(answer.json).toEqual(faultBody);
        expect(answer.headers.get('x-km-correlation-id')).toBe('261121103000-a3f09c2');
        expect(answer.headers.get('x-konaplate-mock-scenario')).toBe(op.fault?.example);
      }
      expect(logs.at(-1)).toMatch(/ 503 fault /);
    },
  );

  it("an operation without a fault example answers with the registry's 503 code, saying so", async () => {
    const scenarios = structuredClone(contract.scenarios);
    for (const op of scenarios.operations) delete op.fault;
    const { url } = await start({ faultRate: 1, faultMode: '503' }, { ...contract, scenarios });
    const answer = await post(url, VA, validBodies[VA]);
    expect([answer.status, answer.json]).toEqual([503, faultBody]);
    expect(answer.headers.get('x-konaplate-mock-reason')).toMatch(
      new RegExp(
        `^injected fault: the spec documents no 503 example for inquireCardVirtualAccount, so the registry's ${faultCode} answers`,
      ),
    );
  });

  it('a registry without a 503 code: the mock refuses to start, saying why', async () => {
    const spec = structuredClone(contract.spec);
    const registry = registryOf(spec);
    for (const [code, entry] of Object.entries(registry)) if (entry.httpStatus === 503) delete registry[code];
    await expect(startMock({ contract: { ...contract, spec } })).rejects.toThrow(
      'the registry has no code with httpStatus 503: an injected fault would have no answer in the envelope',
    );
  });

  it('rate 1, mode drop: every connection is reset without an answer', async () => {
    const { url, logs } = await start({ faultRate: 1, faultMode: 'drop' });
    for (let i = 0; i < 5; i += 1) expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(await dropped(url));
    expect(logs.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z POST \/\S+ DROP fault drop [\d.]+ms correlationId=\S+/);
  });

  it('rate 1, mode mixed: both kinds occur', async () => {
    const { url } = await start({ faultRate: 1, faultMode: 'mixed', random: seeded(11) });
    const kinds = new Set<string>();
    for (let i = 0; i < 16; i += 1) {
      try {
        kinds.add(String((await post(url, VA, validBodies[VA])).status));
      } catch {
        kinds.add('drop');
      }
    }
    expect([...kinds].sort()).toEqual(['503', 'drop']);
  });

  it('rate 0 (and no injection at all): no request is faulted', async () => {
    for (const injection of [{ faultRate: 0, faultMode: 'drop' as const }, undefined]) {
      const { url } = await start(injection);
      const answers = await Promise.all(Array.from({ length: 40 }, () => post(url, VA, validBodies[VA])));
      expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
      await mock?.close();
      mock = undefined;
    }
  });

  it('a rate between: about that share of 400 requests (seeded), the rest answered normally', async () => {
    const { url } = await start({ faultRate: 0.25, faultMode: '503', random: seeded(5) });
    const statuses: number[] = [];
    for (let i = 0; i < 400; i += 1) statuses.push((await post(url, VA, validBodies[VA])).status);
    const faults = statuses.filter((s) => s === 503).length;
    expect(faults).toBeGreaterThan(70);
    expect(faults).toBeLessThan(130);
    expect(statuses.filter((s) => s !== 503 && s !== 200)).toEqual([]);
  });

  it('X-Konaplate-Mock-Fault injects one fault, or none under a configured rate', async () => {
    const plain = await start();
    const answer = await post(plain.url, VA, validBodies[VA], { 'x-konaplate-mock-fault': '503' });
    expect([answer.status, answer.json]).toEqual([503, faultBody]);
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(await dropped(plain.url, { 'x-konaplate-mock-fault': 'DROP' }));
    expect((await post(plain.url, VA, validBodies[VA])).status).toBe(200);
    await mock?.close();
    const faulty = await start({ faultRate: 1, faultMode: 'drop' });
    const spared = await post(faulty.url, VA, validBodies[VA], { 'x-konaplate-mock-fault': 'none' });
    expect(spared.status).toBe(200);
  });

  it('a bad X-Konaplate-Mock-Fault is refused, naming the choices; unknown paths are never faulted', async () => {
    const { url } = await start({ faultRate: 1 });
    const bad = await post(url, VA, validBodies[VA], { 'x-konaplate-mock-fault': 'sometimes' });
    expect([bad.status, bad.json.response?.message]).toEqual([400, 'Invalid input parameter. X-Konaplate-Mock-Fault']);
    expect(bad.headers.get('x-konaplate-mock-reason')).toBe('"sometimes" is not a fault: use 503, drop, none');
    expect((await post(url, '/api/v1/nothing', {})).status).toBe(404);
    for (const header of ['x-konaplate-mock-fault', 'x-konaplate-mock-latency']) {
      const echoed = await post(url, VA, validBodies[VA], { [header]: '9491231111111111x' });
      expect(echoed.headers.get('x-konaplate-mock-reason')).toMatch(/^"\*{12}1111x" is not a/);
    }
  });
});

/** The bundle with a 503 response documented on every operation (registry entry and example), and its scenario table. */
function contractWithFault(options: { example: boolean }): Contract {
  const spec: OpenApiDocument = structuredClone(contract.spec);
  const registry = registryOf(spec);
  // The spec's own fault answers out of the way: this fixture's stand in for them.
  for (const [code, entry] of Object.entries(registry)) if (entry.httpStatus === 503) delete registry[code];
  for (const op of contract.scenarios.operations) delete spec.paths[op.path]?.[op.method]?.responses['503'];
  registry['000_P09'] = {
    httpStatus: 503,
    message: 'Fixture outage.',
    description: '픽스처 장애',
    meaning: 'A test fixture.',
    operations: contract.scenarios.operations.map((o) => o.operationId),
    status: 'provisional',
    sources: ['test fixture'],
  } as never;
  if (options.example) {
    spec.components.examples.FixtureUnavailable = {
      summary: '503 - Fixture outage. (provisional code)',
      [ext.mockWhen]: { fault: true },
      value: { response: { code: '000_P09', message: 'Fixture outage.', description: '픽스처 장애' } },
    } as never;
    for (const op of contract.scenarios.operations) {
      const operation = spec.paths[op.path]?.[op.method];
      if (!operation) throw new Error(`no ${op.operationId}`);
      operation.responses['503'] = {
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/ErrorResponse' },
            examples: { 'fixture-unavailable': { $ref: '#/components/examples/FixtureUnavailable' } },
          },
        },
      };
    }
  }
  return { spec, scenarios: mockScenarios(spec) };
}

describe('faults when the spec documents the answer (no edit to the mock needed)', () => {
  it("the generator turns x-mock-when {fault: true} into the operation's fault answer", () => {
    const { scenarios } = contractWithFault({ example: true });
    for (const op of scenarios.operations) {
      expect(op.fault).toEqual({
        example: 'fixture-unavailable',
        status: 503,
        code: '000_P09',
        summary: '503 - Fixture outage. (provisional code)',
        provisional: true,
      });
      expect(op.scenarios.map((s) => s.example)).not.toContain('fixture-unavailable');
    }
  });

  it.each(rowsOf(contract.scenarios.operations, "the scenario table's operations"))(
    "$operationId: an injected 503 is the spec's example, and Prefer reaches it too",
    async (op) => {
      const { url } = await start({ faultRate: 1 }, contractWithFault({ example: true }));
      const expected = { response: { code: '000_P09', message: 'Fixture outage.', description: '픽스처 장애' } };
      const answer = await post(url, op.path, validBodies[op.path] ?? {});
      expect([answer.status, answer.json]).toEqual([503, expected]);
      expect(answer.headers.get('x-konaplate-mock-scenario')).toBe('fixture-unavailable');
      expect(answer.headers.get('x-konaplate-mock-reason')).toBeNull();
      const preferred = await post(url, op.path, validBodies[op.path] ?? {}, {
        prefer: 'code=503',
        'x-konaplate-mock-fault': 'none',
      });
      expect([preferred.status, preferred.json]).toEqual([503, expected]);
    },
  );

  it("a registry 503 code without an example: the registry's code and texts, said so in the reason", async () => {
    const { url } = await start({ faultRate: 1 }, contractWithFault({ example: false }));
    const answer = await post(url, VA, validBodies[VA]);
    expect([answer.status, answer.json]).toEqual([
      503,
      { response: { code: '000_P09', message: 'Fixture outage.', description: '픽스처 장애' } },
    ]);
    expect(answer.headers.get('x-konaplate-mock-reason')).toMatch(
      /no 503 example for inquireCardVirtualAccount, so the registry's 000_P09 answers/,
    );
  });
});
