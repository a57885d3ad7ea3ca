import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceSchema } from '../../src/eligibility/trace-schema.js';
import {
  evaluate,
  InvalidOptionError,
  safeEvaluate,
  type TraceLeaf,
  type TraceNode,
} from '../../src/index.js';
import { createApp } from '../../src/server/index.js';
import { recordArb } from '../arbitraries.js';
import { eligibleRecord } from '../helpers.js';
import { runs } from '../runs.js';

const leaves = (node: TraceNode): TraceLeaf[] =>
  'all' in node
    ? node.all.flatMap(leaves)
    : 'any' in node
      ? node.any.flatMap(leaves)
      : 'not' in node
        ? leaves(node.not)
        : [node];

const schema = JSON.parse(
  readFileSync(new URL('../../schema/trace.v1.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv2020({ strict: false }).compile(schema);

describe('explain: the trace of every condition, down to the field', () => {
  it('explains a failing levy criterion by the leaf that failed, with the value read', async () => {
    const record = eligibleRecord({
      pemda: 'Kota Batu',
      pungutanBaru: true,
      pungutanSesuaiPeraturan: false,
    });
    const result = await evaluate(record, { explain: true });
    expect(result.verdict).toBe('not_eligible');
    const trace = result.trace;
    if (!trace) throw new Error('no trace');
    expect([trace.version, trace.ruleSet, trace.rubric]).toStrictEqual([
      'trace.v1',
      'perwali-batu-36-2022',
      result.score.rubric.id,
    ]);
    const failed = trace.criteria.find((c) => c.status === 'fail');
    expect(failed?.citation).toBe(result.criteria.find((c) => c.status === 'fail')?.citation);
    const failing = failed?.checks
      .flatMap((c) => leaves(c.condition))
      .filter((l) => l.outcome === 'fail');
    expect(failing).toContainEqual(
      expect.objectContaining({
        fact: 'pungutanSesuaiPeraturan',
        given: true,
        value: false,
        outcome: 'fail',
      }),
    );
    expect(validate(trace), JSON.stringify(validate.errors)).toBe(true);
  });

  it('says "not given" for a missing fact, and which level of an indicator held', async () => {
    const result = await evaluate(
      { nama: 'Draf', tahun: 2026, indikator: { sdm: { jumlah: 15 } } },
      { explain: true },
    );
    const trace = result.trace;
    if (!trace) throw new Error('no trace');
    const unknown = trace.criteria
      .flatMap((c) => c.checks.flatMap((k) => leaves(k.condition)))
      .filter((l) => l.outcome === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const leaf of unknown) expect([leaf.given, 'value' in leaf]).toStrictEqual([false, false]);
    const sdm = trace.indicators.find((i) => i.id === 'sdm');
    expect(sdm?.level).toBe(result.score.indicators.find((i) => i.id === 'sdm')?.level);
    expect(sdm?.levels.map((l) => l.status)).toStrictEqual(['pass', 'pass', 'fail']);
  });

  it('holds to the verdicts and scores it explains, on random records (and to its JSON Schema)', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordArb,
        fc.constantFrom('Kota Batu', 'Kabupaten Sleman'),
        async (r, pemda) => {
          const record = { ...r, pemda };
          const plain = await evaluate(record);
          const explained = await evaluate(record, { explain: true });
          const { trace, ...rest } = explained;
          // The same evaluation, with a trace beside it.
          expect(rest).toStrictEqual(plain);
          if (!trace) throw new Error('no trace');
          expect(TraceSchema.safeParse(trace).success).toBe(true);
          expect(trace.criteria.map((c) => [c.id, c.status])).toStrictEqual(
            plain.criteria.map((c) => [c.id, c.status]),
          );
          for (const criterion of plain.criteria.filter((c) => c.status === 'fail')) {
            const traced = trace.criteria.find((c) => c.id === criterion.id);
            const failingFields = (traced?.checks ?? [])
              .flatMap((c) => leaves(c.condition))
              .filter((l) => l.outcome === 'fail')
              .flatMap((l) => l.fields);
            // Every failing criterion's trace has a failing leaf naming a field of its reason.
            const reasonFields = criterion.reasons
              .filter((x) => x.status === 'fail')
              .flatMap((x) => x.fields);
            expect(
              reasonFields.some((f) => failingFields.includes(f)),
              criterion.id,
            ).toBe(true);
          }
          expect(trace.indicators.map((i) => [i.id, i.level])).toStrictEqual(
            plain.score.indicators.map((i) => [i.id, i.level]),
          );
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('costs nothing unless asked, and refuses a value that is not a boolean', async () => {
    expect((await evaluate(eligibleRecord())).trace).toBeUndefined();
    expect((await evaluate(eligibleRecord(), { explain: false })).trace).toBeUndefined();
    await expect(evaluate(eligibleRecord(), { explain: 'yes' as never })).rejects.toThrow(
      InvalidOptionError,
    );
    const safe = await safeEvaluate(eligibleRecord(), { explain: true });
    expect(safe.success && safe.data.trace?.version).toBe('trace.v1');
  });

  it('over HTTP: POST /evaluate?explain=true, and 400 for another word', async () => {
    const app = createApp();
    const post = (query: string) =>
      app.request(`/evaluate${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(eligibleRecord()),
      });
    const traced = (await (await post('?explain=true')).json()) as { trace?: { version: string } };
    expect(traced.trace?.version).toBe('trace.v1');
    expect(((await (await post('')).json()) as { trace?: unknown }).trace).toBeUndefined();
    expect((await post('?explain=ya')).status).toBe(400);
  });
});
