import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { parseRuleSet } from '../../src/rule-sets/_load.js';
import { shippedRuleSet } from '../../src/rule-sets/_resolve.js';
import { listRuleSets } from '../../src/rule-sets/registry.js';
import type { RuleSet } from '../../src/rule-sets/types.js';

const rules = new URL('../../rules/', import.meta.url);
const modules = new URL('../../src/rule-sets/shipped/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, rules), 'utf8'));

/** Every rule-set file of rules/ (the other files there are catalogues, messages, cases). */
const files = readdirSync(rules)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'))
  .filter((f) => ['eligibility', 'rubric', 'weighted'].includes(read(f).kind))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

const shipped = async (id: string) =>
  ((await import(new URL(`${id}.ts`, modules).href)) as { ruleSet: RuleSet }).ruleSet;

/** Each file loaded the validating way (zod, then resolution), parents first. */
function validated(): Map<string, RuleSet> {
  const loaded = new Map<string, RuleSet>();
  const lookup = { get: (id: string) => loaded.get(id), ids: () => [...loaded.keys()] };
  const pending = [...files];
  while (pending.length > 0) {
    const i = pending.findIndex((id) => {
      const parent = read(`${id}.json`).extends;
      return parent === undefined || loaded.has(parent);
    });
    const [id] = pending.splice(i, 1) as [string];
    loaded.set(id, parseRuleSet(read(`${id}.json`), lookup));
  }
  return loaded;
}

describe('the shipped rule sets, importable one by one', () => {
  it('has a module for every rule-set file in rules/, and the registry ships exactly those', () => {
    const ids = readdirSync(modules).map((f) => f.replace(/\.ts$/, ''));
    expect(ids.sort()).toStrictEqual(files);
    expect(
      listRuleSets()
        .filter((r) => r.builtIn)
        .map((r) => r.id)
        .sort(),
    ).toStrictEqual(files);
  });

  it.each(files)(
    '%s: the module gives what loadRuleSet makes of the file (validated by zod)',
    async (id) => {
      const ruleSet = await shipped(id);
      expect(ruleSet.id).toBe(id);
      expect(ruleSet).toStrictEqual(validated().get(id));
      expect(Object.isFrozen(ruleSet)).toBe(true);
    },
  );

  it('refuses a parent other than the one the file extends', async () => {
    const batu = read('perwali-batu-36-2022.json');
    const kipp = await shipped('kipp-permenpanrb-91-2021');
    const pp38 = await shipped('pp-38-2017');
    expect(() => shippedRuleSet(batu)).toThrow(InternalError);
    expect(() => shippedRuleSet(batu, kipp)).toThrow(
      /extends pp-38-2017, given kipp-permenpanrb-91-2021/,
    );
    expect(() => shippedRuleSet(read('pp-38-2017.json'), pp38)).toThrow(InternalError);
  });

  it('refuses a file that does not resolve against its parent', async () => {
    const broken = { ...read('perwali-batu-36-2022.json'), remove: ['no-such-criterion'] };
    const pp38 = await shipped('pp-38-2017');
    expect(() => shippedRuleSet(broken, pp38)).toThrow(
      /does not resolve: "no-such-criterion" is not an inherited criterion/,
    );
  });
});

describe('the words of the shipped rule sets', () => {
  /** Every message text of a file, with where it sits. */
  function messages(value: unknown, at: string, out: [string, string][] = []): [string, string][] {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) messages(v, `${at}/${i}`, out);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (at.includes('/messages') && (key === 'id' || key === 'en') && typeof v === 'string') {
          out.push([`${at}/${key}`, v]);
        } else messages(v, `${at}/${key}`, out);
      }
    }
    return out;
  }

  it.each(files)(
    '%s: a reason names a field by its label, never a bare field id inside a sentence',
    (id) => {
      // A field id may stand in a placeholder (`{waktuPenerapan}`), or in parentheses after
      // its words (`(kipp.replikasiDari)`) so that a user can find the column; not alone.
      const bare = messages(read(`${id}.json`), '')
        .map(([at, text]) => [at, text.replace(/\{[^}]*\}|\([^)]*\)/g, '')] as const)
        .filter(([, text]) => /\b[a-z]+(?:\.[a-z]+)*[A-Z][A-Za-z]*\b/.test(text));
      expect(bare).toStrictEqual([]);
    },
  );
});
