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

  const leaf = '{"fact": "rancangBangun", "operator": "wordCountAtLeast", "value": 300}';
  it.each([
    ['an unknown key', 'zzz', (d: number) => `${'{\n"a": '.repeat(d)}1${'}'.repeat(d)}`],
    ['a leaf value', 'value', (d: number) => `${'[\n'.repeat(d)}${']'.repeat(d)}`],
    [
      'the conditions',
      'conditions',
      (d: number) => `${'{"all": [\n'.repeat(d)}${leaf}${']}'.repeat(d)}`,
    ],
  ])(
    'refuses %s nested 100,000 deep in one problem, at the line where the limit is passed',
    (_, key, nest) => {
      // Nested 100 deep, the file is parsed whole and located by its tree; 100,000 deep, it is too
      // deep for any parser's recursion and is located by walking the text. Both name one place.
      const at = (depth: number) => {
        const json = JSON.parse(source);
        const check = json.criteria[2].checks[0];
        if (key === 'value') check.conditions.all[0].value = '@@';
        else check[key] = '@@';
        return JSON.stringify(json, null, 2).replace('"@@"', nest(depth));
      };
      const located = (text: string) =>
        lintRuleSet(JSON.parse(text), { source: text, locale: 'en' })
          .filter((p) => p.severity === 'error')
          .map((p) => [p.code, p.line, p.column]);
      const expected = located(at(100));
      expect(expected).toHaveLength(1);
      expect(expected[0]?.[1]).toBeGreaterThan(60);
      expect(located(at(100_000))).toEqual(expected);
    },
  );

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
