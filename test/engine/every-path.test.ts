import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createFormSchema,
  draftProgress,
  evaluate,
  evaluateMany,
  evaluateRegion,
  safeEvaluate,
} from '../../src/index.js';
import { createApp } from '../../src/server/index.js';
import { cli } from '../helpers.js';

// Records of regions the project does not ship rules for, and of Kota Batu, which it does: each
// must be judged by the same rule set, for the same reason, on every path a user takes.
const records = [
  { nama: 'Sleman Smart Service', pemda: 'Kabupaten Sleman', tahun: 2024, kebaruan: 'seluruh' },
  { nama: 'Layanan Malang', pemda: 'Pemkab Malang', tahun: 2024, dapatDireplikasi: true },
  { nama: 'Among Tani', pemda: 'Pemerintah Kota Batu', tahun: 2024, dapatDireplikasi: true },
  { nama: 'Tanpa Pemda', tahun: 2024 },
];
const expected = [
  ['pp-38-2017', 'national_no_region_rule'],
  ['pp-38-2017', 'national_no_region_rule'],
  ['perwali-batu-36-2022', 'jurisdiction'],
  ['pp-38-2017', 'national_no_pemda'],
];

describe('the same record is judged by the same rule set on every path', () => {
  it('evaluate, safeEvaluate, evaluateMany, a region, draftProgress and the form schema', async () => {
    for (const [i, record] of records.entries()) {
      const want = expected[i];
      const one = await evaluate(record);
      expect([one.ruleSet.id, one.basis.ruleSet.why.code], record.nama).toStrictEqual(want);
      const safe = await safeEvaluate(record);
      expect(safe.success && safe.data.basis).toStrictEqual(one.basis);
      for await (const item of evaluateMany([record])) {
        expect(item.ok && item.evaluation).toStrictEqual(one);
      }
      // A region of that pemda judges its innovation as the record alone is judged.
      if (record.pemda) {
        const region = await evaluateRegion({
          pemda: record.pemda,
          tahun: 2024,
          inovasi: [record],
        });
        expect(region.ruleSet.id).toBe(one.ruleSet.id);
        expect(region.innovations[0]?.evaluation).toStrictEqual(one);
      }
      // Batu's Perwali asks for replication prerequisites; PP 38/2017 does not.
      const asksPrerequisites = one.ruleSet.id === 'perwali-batu-36-2022';
      expect(draftProgress(record).missingFields.includes('prasyaratReplikasi')).toBe(
        asksPrerequisites,
      );
      const form = await createFormSchema({ requireComplete: true }).safeParseAsync(record);
      const paths = form.success ? [] : form.error.issues.map((issue) => issue.path.join('.'));
      expect(paths.includes('prasyaratReplikasi')).toBe(asksPrerequisites);
    }
  });

  it('the CLI and the HTTP API, as the library', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-paths-'));
    const path = join(dir, 'usulan.json');
    writeFileSync(path, JSON.stringify(records));
    const { code, stdout } = cli('evaluate', path, '--format', 'json');
    expect(code).toBe(0);
    const fromCli = JSON.parse(stdout) as { ruleSet: { id: string }; basis: unknown }[];
    const app = createApp();
    for (const [i, record] of records.entries()) {
      const one = await evaluate(record);
      expect(fromCli[i]?.basis).toStrictEqual(one.basis);
      const res = await app.request('/evaluate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as typeof one;
      expect(body.basis).toStrictEqual(one.basis);
      expect(res.headers.get('x-inovasi-rule-set')).toBe(
        `${one.basis.ruleSet.id}; edition=${one.basis.ruleSet.edition}; ${one.basis.ruleSet.hash}`,
      );
      expect(res.headers.get('x-inovasi-rubric')).toContain(one.basis.rubric.hash);
      expect(res.headers.get('x-inovasi-version')).toBe(one.basis.version);
      expect(expected[i]?.[0]).toBe(one.ruleSet.id);
    }
  });
});
