import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRuleSet, evaluate, InvalidRuleSetError, loadRuleSet } from '../../src/index.js';
import { eligibleRecord, fixture } from '../helpers.js';
import { runs } from '../runs.js';

const shipped = ['pp-38-2017', 'perwali-batu-36-2022', 'iga-2023', 'iga-2026'].map((id) => ({
  id,
  json: JSON.parse(
    readFileSync(new URL(`../../rules/${id}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>,
}));

type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...at, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function mutate(json: unknown, path: Path, kind: string, replacement: unknown): unknown {
  const copy = structuredClone(json);
  if (path.length === 0) return replacement;
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>(
      (o, k) => o[k] as Record<string | number, unknown>,
      copy as Record<string, unknown>,
    );
  const key = path.at(-1) as string | number;
  if (kind === 'delete') {
    if (Array.isArray(parent)) (parent as unknown[]).splice(key as number, 1);
    else delete parent[key];
  } else if (kind === 'proto') {
    Object.defineProperty(parent, '__proto__', {
      value: replacement,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  } else {
    parent[key] = replacement;
  }
  return copy;
}

const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '$..sdm',
    'sdm[0]',
    'constructor.prototype',
    'regex',
    'matches',
    '',
    -1,
    1e308,
    null,
    {},
  ),
);

let loaded = 0;

describe('rule-set loader under random mutation', () => {
  it.each(shipped)(
    '$id: every mutation is rejected with paths, or loads and still evaluates',
    async ({ json }) => {
      const all = paths(json);
      // Half the mutations land inside conditions, where a slip is most dangerous.
      const inConditions = all.filter((p) => p.includes('conditions'));
      const target = fc.oneof(fc.constantFrom(...all), fc.constantFrom(...inConditions));
      await fc.assert(
        fc.asyncProperty(
          target,
          fc.constantFrom('delete', 'replace', 'proto'),
          replacement,
          async (path, kind, value) => {
            const mutated = mutate(json, path, kind, value) as Record<string, unknown>;
            const renamed =
              mutated && typeof mutated === 'object' && !Array.isArray(mutated)
                ? { ...mutated, id: `fuzz-${loaded++}` }
                : mutated;
            const issues = checkRuleSet(renamed);
            for (const issue of issues) {
              expect(Array.isArray(issue.path)).toBe(true);
              expect(issue.message.length).toBeGreaterThan(0);
            }
            if (issues.length > 0) {
              expect(() => loadRuleSet(renamed)).toThrow(InvalidRuleSetError);
              return;
            }
            const ruleSet = loadRuleSet(renamed);
            const options = ruleSet.kind === 'rubric' ? { rubric: ruleSet } : { ruleSet };
            const result = await evaluate(
              eligibleRecord({
                indikator: fixture<{ indikator: unknown }>('scored.json').indikator,
              }),
              options,
            );
            expect(['eligible', 'not_eligible', 'incomplete']).toContain(result.verdict);
          },
        ),
        { numRuns: runs(400) },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe('a condition whose fact or path is no text', () => {
  it.each([
    ['path', { toString: 0 }],
    ['path', ['sdm']],
    ['fact', { valueOf: 1 }],
  ])('is refused at its %s with a problem, never a TypeError (%j)', (key, value) => {
    const json = JSON.parse(
      readFileSync(new URL('../../rules/iga-2026.json', import.meta.url), 'utf8'),
    ) as {
      id: string;
      indicators: { levels: { conditions: { all: Record<string, unknown>[] } }[] }[];
    };
    const condition = json.indicators[16]?.levels[1]?.conditions.all[0] as Record<string, unknown>;
    condition[key] = value;
    json.id = 'fakta-bukan-teks';
    const issues = checkRuleSet(json);
    expect(issues.length).toBeGreaterThan(0);
    expect(() => loadRuleSet(json)).toThrow(InvalidRuleSetError);
  });
});
