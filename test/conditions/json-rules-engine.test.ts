import { describe, expect, it } from 'vitest';
import { createEngineRunner, resultsOf } from '../../src/conditions/json-rules-engine.js';
import { InternalError } from '../../src/index.js';

const checks = [
  { id: 'punya_nama', conditions: { all: [{ fact: 'nama', operator: 'isEmpty', value: false }] } },
  {
    id: 'tahun_tepat',
    conditions: { any: [{ fact: 'tahun', operator: 'equal', value: { fact: 'tahunLalu' } }] },
  },
];

describe('createEngineRunner', () => {
  it('runs every check through json-rules-engine, the added operators and fact references included', async () => {
    const run = createEngineRunner(checks as never);
    const outcomes = await run({ nama: 'Inovasi', tahun: 2024, tahunLalu: 2024 });
    const results = resultsOf(checks as never, outcomes);
    expect([results.status('punya_nama'), results.status(1)]).toStrictEqual(['pass', 'pass']);
    expect(results.outcome('tahun_tepat')).toMatchObject({
      any: [{ status: 'pass', actual: 2024, expected: 2024 }],
    });
    const missing = resultsOf(checks as never, await run({ nama: ' ', tahun: 2024 }));
    expect([missing.status(0), missing.status('tahun_tepat')]).toStrictEqual(['fail', 'unknown']);
  });
});

describe('resultsOf', () => {
  it.each([['nothing'], [2], [-1]])(
    'a check it has no outcome for (%j) is an internal error',
    (id) => {
      const results = resultsOf(checks as never, new Map());
      expect(() => results.status(id)).toThrow(InternalError);
      expect(() => results.outcome(id)).toThrow(`no outcome for check "${id}"`);
    },
  );
});
