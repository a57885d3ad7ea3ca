import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import indonesian from 'zod/v4/locales/id.js';
import { issuesFrom } from '../../src/errors.js';
import { inLocale } from '../../src/record/issue-locale.js';

// Each check the record schema uses, with inputs that fail it: zod's English message put in
// Indonesian must be zod's own Indonesian message (the core entry says a record's problems so).
const cases: [string, z.ZodType, unknown[]][] = [
  [
    'a string',
    z.string(),
    [5, null, undefined, [], {}, Number.NaN, Infinity, -Infinity, true, new Date(0)],
  ],
  [
    'an int',
    z.number().int(),
    ['5', 1.5, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2],
  ],
  ['a bounded number', z.number().min(1900).max(2200), [1800, 2300, -0.5]],
  ['an exclusive bound', z.number().gt(0).lt(100), [0, 100]],
  ['an enum', z.enum(['seluruh', 'sebagian', 'tidak']), ['baru', 1]],
  ['a literal', z.literal('pp-38-2017'), ['pp-38']],
  ['a list', z.array(z.string()).min(1), [[], 'x']],
  ['a text', z.string().min(3), ['ab']],
  ['a link', z.url(), ['not a link']],
  ['an object', z.object({ nama: z.string() }), [[], 'x', { nama: 1 }]],
  ['a union', z.union([z.string(), z.number()]), [true]],
  ['a boolean', z.boolean(), ['ya']],
];

describe('inLocale: zod’s English said as zod’s Indonesian', () => {
  it.each(cases)('%s', (_, schema, inputs) => {
    for (const input of inputs) {
      const english = schema.safeParse(input);
      const said = schema.safeParse(input, { error: indonesian().localeError });
      expect(english.success, String(input)).toBe(false);
      if (english.success || said.success) continue;
      const ours = issuesFrom(english.error, 'invalid_value').map((i) => inLocale(i, 'id'));
      expect(ours, String(input)).toStrictEqual(issuesFrom(said.error, 'invalid_value'));
    }
  });

  it('leaves English as it is, and an Indonesian message too', () => {
    const issue = {
      path: ['tahun'],
      code: 'invalid_type',
      message: 'Invalid input: expected number, received string',
    };
    expect(inLocale(issue, 'en')).toBe(issue);
    const said = { ...issue, message: 'Input tidak valid: diharapkan number, diterima string' };
    expect(inLocale(said, 'id')).toStrictEqual(said);
  });
});
