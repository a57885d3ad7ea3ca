import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import samples from '../examples/kota-batu-2024.json' with { type: 'json' };
import { checkRuleSet } from '../src/index.js';

// The shipped JSON Schemas are for editors and form builders in other languages: check that a
// standard validator accepts every shipped file with them, and refuses a broken one.
const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const schema = (name: string) => ajv.compile(read(new URL(`../schema/${name}`, import.meta.url)));
const validators: Record<string, ReturnType<typeof schema>> = {
  eligibility: schema('rule-set.schema.json'),
  rubric: schema('rubric.schema.json'),
  weighted: schema('weighted.schema.json'),
};
const rules = new URL('../rules/', import.meta.url);
// Rule sets are the JSON files with a `kind`; the rest of rules/ is data (urusan, messages, …).
const ruleSetFiles = readdirSync(rules).filter(
  (f) =>
    f.endsWith('.json') &&
    !f.endsWith('.cases.json') &&
    typeof (read(new URL(f, rules)) as { kind?: unknown }).kind === 'string',
);

describe('shipped JSON Schemas, through a standard validator', () => {
  it.each(ruleSetFiles)('rules/%s is valid against the schema of its kind', (file) => {
    const json = read(new URL(file, rules));
    const validate = validators[json.kind];
    expect(validate?.(json), JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses a broken rule set', () => {
    const broken = read(new URL('./fixtures/rule-sets/broken.json', import.meta.url));
    expect(validators.eligibility?.(broken)).toBe(false);
  });

  it('accepts the bundled records and the case files', () => {
    const record = schema('innovation.schema.json');
    for (const r of samples.inovasi)
      expect(record(r), JSON.stringify(record.errors?.slice(0, 2))).toBe(true);
    expect(record({ nama: 'x', kebaruan: 'baru' })).toBe(false);
    expect(schema('region.schema.json')(samples)).toBe(true);
    const cases = schema('cases.schema.json');
    for (const f of readdirSync(rules).filter((n) => n.endsWith('.cases.json'))) {
      expect(cases(read(new URL(f, rules))), f).toBe(true);
    }
  });
});

describe('the rule-set JSON Schema points where checkRuleSet points', () => {
  const example = read(new URL('../examples/perbup-contoh.json', import.meta.url));
  const leafAt = '/criteria/2/checks/0/conditions/all/0';
  // One mistake each, as authors make them, in the first condition of the example Perbup.
  // biome-ignore lint/suspicious/noExplicitAny: a mutation reaches into the parsed JSON.
  const mistakes: [string, (r: Record<string, any>) => void, string][] = [
    [
      'an unknown fact',
      (r) => {
        r.criteria[2].checks[0].conditions.all[0].fact = 'tahapn';
      },
      `${leafAt}/fact`,
    ],
    [
      'an unknown operator',
      (r) => {
        r.criteria[2].checks[0].conditions.all[0].operator = 'equals';
      },
      `${leafAt}/operator`,
    ],
    [
      'a missing English text',
      (r) => {
        delete r.criteria[2].checks[0].messages.fail.en;
      },
      '/criteria/2/checks/0/messages/fail',
    ],
    [
      'a bad id',
      (r) => {
        r.id = 'Perbup Contoh';
      },
      '/id',
    ],
  ];

  it('takes the example rule set as it is', () => {
    expect(checkRuleSet(example)).toStrictEqual([]);
    expect(validators.eligibility?.(example)).toBe(true);
  });

  it.each(mistakes)('%s: both name %s', (_, mutate, pointer) => {
    const broken = structuredClone(example);
    mutate(broken);
    const validate = validators.eligibility as ReturnType<typeof schema>;
    expect(validate(broken)).toBe(false);
    const ajvPaths = (validate.errors ?? []).map((e) => e.instancePath);
    const ours = checkRuleSet(broken).map((i) => `/${i.path.join('/')}`);
    expect(ours.some((p) => p.startsWith(pointer))).toBe(true);
    expect(
      ajvPaths.some((p) => p.startsWith(pointer) || (pointer.startsWith(p) && p.length > 1)),
    ).toBe(true);
    // No noise: the validator reports nothing outside the place of the mistake.
    expect(ajvPaths.every((p) => p === '' || p.startsWith(pointer) || pointer.startsWith(p))).toBe(
      true,
    );
  });

  it('flags a value the field cannot hold, as the loader does', () => {
    const broken = structuredClone(example);
    const leaf = { fact: 'tahapan', operator: 'equal', value: 'Penerapan' };
    broken.criteria[2].checks[0].conditions = { all: [leaf] };
    broken.criteria[2].checks[0].fields = ['tahapan'];
    const validate = validators.eligibility as ReturnType<typeof schema>;
    expect(validate(broken)).toBe(false);
    expect((validate.errors ?? []).some((e) => e.instancePath === `${leafAt}/value`)).toBe(true);
    expect(checkRuleSet(broken).map((i) => i.path.join('/'))).toContain(
      'criteria/2/checks/0/conditions/all/0/value',
    );
    leaf.value = 'penerapan';
    expect(validate(broken)).toBe(true);
  });
});
