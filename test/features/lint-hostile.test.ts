import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/messages.js';
import { lintRuleSet } from '../../src/schemas.js';

const source = readFileSync(new URL('../../examples/perbup-contoh.json', import.meta.url), 'utf8');

describe('lintRuleSet on hostile rule files', () => {
  it('refuses a key written twice, at the line and column of the second', () => {
    const text = source.replace('"edition": "2024",', '"edition": "2024",\n  "edition": "2025",');
    const problems = lintRuleSet(JSON.parse(text), { source: text, locale: 'en' });
    const twice = problems.filter((p) => p.code === 'duplicate_key');
    expect(twice).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('"edition": "2025"')) + 1;
    expect(twice[0]).toMatchObject({ severity: 'error', path: ['edition'], line, column: 3 });
  });

  it('refuses a BigInt fact with a problem, never a TypeError', () => {
    const json = JSON.parse(source);
    json.criteria[2].checks[0].conditions.all[0].fact = 10n;
    const problems = lintRuleSet(json);
    expect(problems[0]).toMatchObject({ code: 'unknown_fact' });
    expect(problems[0]?.message).toContain('10n');
  });

  it('cuts a name of 10,000 characters to 80 in its message', () => {
    const json = JSON.parse(source);
    json.criteria[2].checks[0].conditions.all[0].fact = 'x'.repeat(10_000);
    const [problem] = lintRuleSet(json, { locale: 'en' });
    expect(problem?.message.length).toBeLessThan(2_000);
    expect(problem?.message).toContain('…');
  });
});

describe('suggest', () => {
  it('still finds near names, and none for words no name is near', () => {
    expect(suggest('kebarua', ['kebaruan', 'tahun'])).toBe('kebaruan');
    expect(suggest('Tahun', ['kebaruan', 'tahun'])).toBe('tahun');
    expect(suggest('x'.repeat(10_000), ['x'.repeat(9_999)])).toBeUndefined();
    expect(suggest('abc', ['abcdefghijkl'])).toBeUndefined();
  });
});
