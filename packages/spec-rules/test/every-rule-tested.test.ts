import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { konaRules } from '../src/rules.ts';
import ruleset from '../src/ruleset.ts';

describe('the ruleset', () => {
  it('has kona rules', () => {
    expect(Object.keys(konaRules).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(konaRules))('%s has its own test file', (rule) => {
    expect(existsSync(new URL(`./rules/${rule}.test.ts`, import.meta.url))).toBe(true);
  });

  it.each(Object.entries(konaRules) as Array<[string, (typeof konaRules)[keyof typeof konaRules]]>)(
    '%s has a message, a description of why, and a severity',
    (_, rule) => {
      expect(rule.message).toBeTruthy();
      expect(rule.description.length).toBeGreaterThan(40);
      expect(['error', 'warn']).toContain(rule.severity);
    },
  );

  it('includes every kona rule, namespaced', () => {
    const ids = Object.keys(ruleset.rules).filter((id) => id.startsWith('kona-'));
    expect(ids.sort()).toEqual(Object.keys(konaRules).sort());
  });
});
