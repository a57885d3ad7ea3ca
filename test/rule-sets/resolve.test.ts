import { describe, expect, it } from 'vitest';
import { InternalError, type Issue } from '../../src/errors.js';
import {
  deepFreeze,
  metaOf,
  resolveCriteria,
  shippedRuleSet,
} from '../../src/rule-sets/_resolve.js';
import type { Criterion, CriterionFile } from '../../src/rule-sets/format.js';
import type { EligibilityRuleSet, RuleSet } from '../../src/rule-sets/types.js';

// Resolution of `extends` on small hand-made rule sets, each expectation written out: the
// shipped rule sets are held to `loadRuleSet` in shipped.test.ts, but both go through this code.

const text = (s: string) => ({ id: s, en: s });
const check = (id: string, fact = 'kebaruan') => ({
  id,
  conditions: { all: [{ fact, operator: 'equal', value: 'x' }] },
  fields: [fact],
  messages: { pass: text('ok'), fail: text('gagal'), unknown: text('isi') },
});
const criterion = (id: string, checks: string[], ref?: string): Criterion => ({
  id,
  ...(ref ? { ref } : {}),
  title: text(id),
  citation: `pasal ${id}`,
  checks: checks.map((c) => check(c)),
});
const ids = (criteria: readonly Criterion[]) =>
  criteria.map((c) => `${c.id}(${c.ref ?? ''}):${c.checks.map((k) => k.id).join(',')}`);

const inherited = [
  criterion('a', ['a1', 'a2'], '1'),
  criterion('b', ['b1'], '2'),
  criterion('c', ['c1'], '3'),
];

function resolve(own: unknown[], remove: string[] = []) {
  const issues: Issue[] = [];
  const criteria = resolveCriteria(own as CriterionFile[], remove, inherited, issues);
  return { criteria: ids(criteria), issues };
}

describe('resolving a rule set on top of the one it extends', () => {
  it('replaces a criterion in place, adds new ones after, removes what is removed', () => {
    const { criteria, issues } = resolve(
      [criterion('b', ['b9']), criterion('d', ['d1'], '9')],
      ['c'],
    );
    expect(issues).toStrictEqual([]);
    expect(criteria).toStrictEqual(['a(1):a1,a2', 'b(2):b1,b9', 'd(9):d1']);
  });

  it('replaces an inherited check in place by its id, drops removed checks, keeps its own ref', () => {
    const replaced = { ...check('a1', 'bentuk') };
    const { criteria } = resolve([
      {
        id: 'a',
        ref: '1b',
        title: text('a'),
        citation: 'baru',
        checks: [replaced, check('a3')],
        removeChecks: ['a2'],
      },
    ]);
    expect(criteria).toStrictEqual(['a(1b):a1,a3', 'b(2):b1', 'c(3):c1']);
    const issues: Issue[] = [];
    const [a] = resolveCriteria(
      [{ id: 'a', title: text('a'), citation: 'baru', checks: [replaced] }] as CriterionFile[],
      [],
      inherited,
      issues,
    );
    expect(a?.checks[0]).toBe(replaced);
    expect(a?.checks[1]).toBe(inherited[0]?.checks[1]);
    expect(a?.citation).toBe('baru');
  });

  it('keeps an inherited criterion without checks of its own (a new title or citation only)', () => {
    expect(resolve([{ id: 'c', title: text('C'), citation: 'x' }]).criteria).toStrictEqual([
      'a(1):a1,a2',
      'b(2):b1',
      'c(3):c1',
    ]);
  });

  it('names every problem at its path', () => {
    const { issues } = resolve(
      [
        { id: 'n', title: text('n'), citation: 'x' },
        { id: 'm', title: text('m'), citation: 'x', checks: [check('m1')], removeChecks: ['x'] },
        { id: 'a', title: text('a'), citation: 'x', removeChecks: ['a1', 'zz'] },
        criterion('e', ['b1']),
      ],
      ['nope', 'b'],
    );
    expect(issues).toStrictEqual([
      {
        path: ['remove', 0],
        code: 'invalid_rule',
        message: '"nope" is not an inherited criterion',
        params: { rule: 'remove_unknown', id: 'nope' },
      },
      {
        path: ['criteria', 0, 'checks'],
        code: 'invalid_rule',
        message: 'a criterion that replaces none needs checks',
        params: { rule: 'criterion_needs_checks' },
      },
      {
        path: ['criteria', 1, 'removeChecks'],
        code: 'invalid_rule',
        message: '"removeChecks" only applies to a criterion that replaces an inherited one',
        params: { rule: 'remove_checks_new' },
      },
      {
        path: ['criteria', 1, 'removeChecks', 0],
        code: 'invalid_rule',
        message: '"x" is not a check of the inherited criterion',
        params: { rule: 'remove_check_unknown', id: 'x' },
      },
      {
        path: ['criteria', 2, 'removeChecks', 1],
        code: 'invalid_rule',
        message: '"zz" is not a check of the inherited criterion',
        params: { rule: 'remove_check_unknown', id: 'zz' },
      },
    ]);
  });

  it('refuses a check id used by two criteria, at the criterion that repeats it', () => {
    expect(resolve([criterion('e', ['a1'])]).issues).toStrictEqual([
      {
        path: ['criteria', 0, 'checks'],
        code: 'invalid_rule',
        message: 'check id "a1" is used by more than one criterion',
        params: { rule: 'check_twice', id: 'a1' },
      },
    ]);
    const issues: Issue[] = [];
    resolveCriteria([], [], [criterion('x', ['k']), criterion('y', ['k'])], issues);
    expect(issues.map((i) => i.path)).toStrictEqual([['criteria']]);
  });

  it('merges legal basis and assumptions, its own first, and records the lineage', () => {
    const parent = {
      id: 'induk',
      legalBasis: [{ id: 'pp' }, { id: 'perda' }],
      assumptions: [{ id: 'asumsi-1' }],
      lineage: ['kakek'],
    } as unknown as RuleSet;
    const file = {
      id: 'anak',
      title: text('anak'),
      jurisdiction: { level: 'kota', name: 'Kota X' },
      legalBasis: [{ id: 'perwali' }, { id: 'perda', status: 'secondary' }],
      edition: '2024',
      effective: { from: '2024-01-01' },
      assumptions: [{ id: 'asumsi-2' }],
    } as never;
    const meta = metaOf(file, parent);
    expect(meta.legalBasis.map((l) => l.id)).toStrictEqual(['perwali', 'perda', 'pp']);
    expect(meta.legalBasis[1]).toStrictEqual({ id: 'perda', status: 'secondary' });
    expect(meta.assumptions.map((a) => a.id)).toStrictEqual(['asumsi-2', 'asumsi-1']);
    expect(meta.lineage).toStrictEqual(['induk', 'kakek']);
    expect(metaOf(file).lineage).toStrictEqual([]);
    expect(metaOf(file).legalBasis.map((l) => l.id)).toStrictEqual(['perwali', 'perda']);
  });

  it('freezes everything it keeps, arrays and nested objects too', () => {
    const value = deepFreeze({ a: [{ b: { c: 1 } }], d: null, e: 'x' });
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a[0]?.b)).toBe(true);
  });
});

describe('shippedRuleSet', () => {
  const meta = {
    title: text('t'),
    jurisdiction: { level: 'nasional', name: 'Indonesia' },
    legalBasis: [{ id: 'x' }],
    edition: '1',
    effective: { from: '2020-01-01' },
    assumptions: [],
  };

  it('keeps a rubric’s indicators and region rules, and a weighted rule set’s stages', () => {
    const rubric = shippedRuleSet({
      ...meta,
      $schema: 's',
      id: 'r',
      kind: 'rubric',
      indicators: [1],
      region: { r: 1 },
    });
    expect(rubric).toStrictEqual({
      ...meta,
      id: 'r',
      lineage: [],
      kind: 'rubric',
      indicators: [1],
      region: { r: 1 },
    });
    expect(Object.isFrozen((rubric as unknown as { indicators: unknown[] }).indicators)).toBe(true);
    const weighted = shippedRuleSet({ ...meta, id: 'w', kind: 'weighted', stages: [2] });
    expect(weighted).toStrictEqual({
      ...meta,
      id: 'w',
      lineage: [],
      kind: 'weighted',
      stages: [2],
    });
  });

  it('resolves an eligibility file against its parent, and refuses a parent of another kind', () => {
    const parent = shippedRuleSet<EligibilityRuleSet>({
      ...meta,
      id: 'p',
      kind: 'eligibility',
      criteria: inherited,
    });
    const child = shippedRuleSet<EligibilityRuleSet>(
      {
        ...meta,
        id: 'k',
        kind: 'eligibility',
        extends: 'p',
        criteria: [criterion('d', ['d1'])],
        remove: ['a'],
      },
      parent,
    );
    expect(ids(child.criteria)).toStrictEqual(['b(2):b1', 'c(3):c1', 'd():d1']);
    expect(child.lineage).toStrictEqual(['p']);
    const rubric = shippedRuleSet({ ...meta, id: 'r', kind: 'rubric', indicators: [], region: {} });
    expect(() =>
      shippedRuleSet({ ...meta, id: 'k', kind: 'eligibility', extends: 'r', criteria: [] }, rubric),
    ).toThrow(InternalError);
  });
});
