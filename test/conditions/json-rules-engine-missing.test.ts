import { describe, expect, it, vi } from 'vitest';
import { createEngineRunner } from '../../src/conditions/json-rules-engine.js';
import { InovasiRulesError } from '../../src/index.js';

// json-rules-engine is an optional peer: here it is not installed, until the last step. Mocked
// for the whole file (not re-imported inside a test), so that no test re-runs module-level code.
vi.mock('json-rules-engine', () => {
  throw new Error('Cannot find package json-rules-engine');
});

const checks = [
  { id: 'punya_nama', conditions: { all: [{ fact: 'nama', operator: 'isEmpty', value: false }] } },
];

describe('without json-rules-engine installed', () => {
  it('a reference run rejects with E_MISSING_PEER and the install command, and tries again next time', async () => {
    const error = await createEngineRunner(checks as never)({ nama: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InovasiRulesError);
    expect(error).toMatchObject({
      code: 'E_MISSING_PEER',
      message: 'inovasi-rules/reference needs json-rules-engine: npm install json-rules-engine@7',
    });
    vi.doUnmock('json-rules-engine');
    const outcomes = await createEngineRunner(checks as never)({ nama: 'x' });
    expect(outcomes.get('punya_nama')?.status).toBe('pass');
  });
});
