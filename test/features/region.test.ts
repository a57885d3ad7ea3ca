import { describe, expect, it } from 'vitest';
import { bandFor } from '../../src/features/region.js';
import {
  evaluateRegion,
  getRuleSet,
  InvalidRecordError,
  type RubricRuleSet,
  safeEvaluate,
} from '../../src/index.js';
import { eligibleRecord } from '../helpers.js';
import { runs } from '../runs.js';

// An eligible innovation whose proven kematangan is exactly `points`, from video (weight 4)
// and sdm (weight 2) levels: e.g. 12 + 6 = 18.
function innovation(
  urusan: string[],
  indikator: Record<string, unknown>,
  change: Record<string, unknown> = {},
) {
  return eligibleRecord({ urusan, indikator, ...change });
}
const proven = [{ jenis: 'dokumen' }];
const video = (substansi: number) => ({ substansi, bukti: proven });
const sdm = (jumlah: number) => ({ jumlah, bukti: proven });

/** Every SPD indicator at the same level. */
function spdAll(level: number, rubric = 'iga-2026'): Record<string, number> {
  const { region } = getRuleSet(rubric) as RubricRuleSet;
  return Object.fromEntries(region.spd.map((s) => [s.id, level]));
}

// Three innovations: 18 proven, 12 claimed-only +8 proven (= 8 counted), and one not eligible
// (a levy without a regulation) whose 12 proven points do not count.
const three = [
  innovation(['pendidikan', 'kesehatan'], { video: video(5), sdm: sdm(31) }),
  innovation(['pekerjaan_umum_dan_penataan_ruang', 'sosial'], {
    video: video(3),
    sdm: { jumlah: 31 },
  }),
  innovation(['1.04'], { video: video(5) }, { pungutanBaru: true, pungutanSesuaiPeraturan: false }),
];

describe('evaluateRegion: hand-computed', () => {
  it('2023: SPD 42 + SID (18 + 8 + 0) / max(10, 3) + 3 × 0.38 → IID 18.30, kurang inovatif', async () => {
    const result = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, spd: spdAll(2, 'iga-2023'), inovasi: three },
      { rubric: 'iga-2023' },
    );
    expect(result.spd.points).toBe(42);
    expect(result.sid).toStrictEqual({
      sumKematangan: 26,
      n: 3,
      floor: 10,
      divisor: 10,
      points: 2.6,
      max: 111,
    });
    expect(result.innovationCount).toMatchObject({ n: 3, counted: 3, points: 1.14 });
    expect(result.innovationCount.basicService).toBeUndefined();
    expect(result.totalScore).toBeCloseTo(45.74, 4);
    expect(result.iid).toBe(18.3);
    expect(result.band).toBe('kurang_inovatif');
    expect(result.innovations.map((i) => [i.verdict, i.rejected, i.kematangan])).toStrictEqual([
      ['eligible', false, 18],
      ['eligible', false, 8],
      ['not_eligible', true, 0],
    ]);
  });

  it('2026: the floor is 12, and 4 of 6 basic-service affairs zero the count points', async () => {
    const result = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, spd: spdAll(2), inovasi: three },
      { rubric: 'iga-2026' },
    );
    expect(result.sid.divisor).toBe(12);
    expect(result.sid.points).toBeCloseTo(26 / 12, 4);
    // perumahan (1.04) is covered only by the rejected innovation, so it does not count.
    expect(result.innovationCount.basicService).toStrictEqual({
      required: expect.any(Array),
      covered: ['pendidikan', 'kesehatan', 'pekerjaan_umum_dan_penataan_ruang', 'sosial'],
      minCovered: 5,
      met: false,
    });
    expect(result.innovationCount.points).toBe(0);
    expect(result.innovationCount.reason).toContain('4 dari 6');
    expect(result.iid).toBe(Math.round(((42 + 26 / 12) / 250) * 10_000) / 100);
  });

  it('2026: five affairs covered by eligible innovations earn the count points', async () => {
    const inovasi = [
      ...three.slice(0, 2),
      innovation(['perumahan_rakyat_dan_kawasan_permukiman'], {}),
    ];
    const result = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, spd: spdAll(2), inovasi },
      { rubric: 'iga-2026' },
    );
    expect(result.innovationCount.basicService?.met).toBe(true);
    expect(result.innovationCount.points).toBe(1.14);
    expect(result.iid).toBe(Math.round(((42 + 26 / 12 + 1.14) / 250) * 10_000) / 100);
  });

  it('divides by n above the floor and counts at most 200 innovations', async () => {
    const inovasi = Array.from({ length: 205 }, (_, i) => ({
      nama: `Inovasi ${i}`,
      urusan: ['pendidikan'],
    }));
    const result = await evaluateRegion(
      { pemda: 'Kab. Besar', tahun: 2024, inovasi },
      { rubric: 'iga-2023' },
    );
    expect(result.sid.divisor).toBe(205);
    expect(result.innovationCount).toMatchObject({ n: 205, counted: 200, points: 76 });
    expect(result.innovations[0]?.verdict).toBe('incomplete');
  });

  it('an empty region cannot be assessed; the next band says what it takes', async () => {
    const result = await evaluateRegion(
      { pemda: 'Kota Kosong', tahun: 2024, inovasi: [] },
      { locale: 'en' },
    );
    expect([result.iid, result.band]).toStrictEqual([0, 'tidak_dapat_dinilai']);
    expect(result.nextBand).toMatchObject({
      band: 'kurang_inovatif',
      min: 0.01,
      iidGap: 0.01,
      scoreGap: 0.025,
    });
  });

  it('a region that proves nothing is not assessed, whatever it reports (IID 0, not 0.76)', async () => {
    // Five eligible innovations, each claiming levels without a document: nothing is proven.
    const claimed = Array.from({ length: 5 }, (_, i) =>
      innovation(['pendidikan'], { video: { substansi: 5 } }, { nama: `Klaim ${i}` }),
    );
    const none = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, inovasi: claimed },
      { rubric: 'iga-2023' },
    );
    expect([none.iid, none.band, none.totalScore]).toStrictEqual([0, 'tidak_dapat_dinilai', 0]);
    expect(none.innovationCount.points).toBe(1.9);
    expect(none.notAssessed?.message).toContain('5 inovasi dilaporkan');
    expect(none.notAssessed?.citation).toContain('Tidak Dapat Dinilai');
    // One proven SPD level is evidence: the region is assessed again, count points included.
    const one = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, spd: { spd_visi_misi: 1 }, inovasi: claimed },
      { rubric: 'iga-2023' },
    );
    expect(one.notAssessed).toBeUndefined();
    // (1 + 0 / 10 + 5 × 0.38) / 250 = 1.16 %
    expect([one.iid, one.band]).toStrictEqual([1.16, 'kurang_inovatif']);
  });

  it('says what the rejected innovations cost: the divisor they fill against their count points', async () => {
    // 2023, 11 eligible innovations of 18 proven and one rejected: n = 12 is over the floor.
    const good = Array.from({ length: 11 }, (_, i) =>
      innovation(['pendidikan'], { video: video(5), sdm: sdm(31) }, { nama: `Baik ${i}` }),
    );
    const result = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, inovasi: [...good, three[2]] },
      { rubric: 'iga-2023', locale: 'en' },
    );
    // With: 198 / 12 + 12 × 0.38 = 21.06 → 8.42. Without: 198 / 11 + 11 × 0.38 = 22.18 → 8.87.
    expect(result.iid).toBe(8.42);
    expect(result.rejected).toMatchObject({ count: 1, iidWithout: 8.87, iidCost: 0.45 });
    expect(result.rejected?.message).toContain('they lower it by 0.45 points');
    // Under the floor a rejected innovation costs nothing in the divisor and adds 0.38 points.
    const small = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, spd: spdAll(2, 'iga-2023'), inovasi: three },
      { rubric: 'iga-2023' },
    );
    // 42 + 2.6 + 0.76 = 45.36 → 18.14 without, 18.30 with.
    expect(small.rejected).toMatchObject({ count: 1, iidWithout: 18.14, iidCost: -0.16 });
    expect(small.rejected?.message).toContain('menambah IID 0,16 poin');
    const clean = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, inovasi: good },
      { rubric: 'iga-2023' },
    );
    expect(clean.rejected).toBeUndefined();
  });

  it('IGA 2024 asked for 2 of the 6 basic-service affairs: a warning, since its effect is unknown', async () => {
    const one = [innovation(['pariwisata'], {}), innovation(['pendidikan'], {})];
    const warned = await evaluateRegion({ pemda: 'Kota Contoh', tahun: 2024, inovasi: one });
    expect(warned.warnings).toHaveLength(1);
    expect(warned.warnings?.[0]).toMatchObject({ code: 'pelayanan_dasar_kurang' });
    expect(warned.warnings?.[0]?.message).toContain('1 dari 6');
    expect(warned.warnings?.[0]?.citation).toContain('Makassar');
    const two = [...one, innovation(['kesehatan'], {})];
    expect(
      (await evaluateRegion({ pemda: 'Kota Contoh', tahun: 2024, inovasi: two })).warnings,
    ).toBeUndefined();
    // Another year has no such notice (2026 zeroes the count points instead).
    expect(
      (await evaluateRegion({ pemda: 'Kota Contoh', tahun: 2023, inovasi: one })).warnings,
    ).toBeUndefined();
  });

  it('reports the gap to the next band in IID, total score and kematangan', async () => {
    const result = await evaluateRegion(
      { pemda: 'Kota Contoh', tahun: 2024, spd: spdAll(3, 'iga-2023'), inovasi: three },
      { rubric: 'iga-2023' },
    );
    // 63 + 2.6 + 1.14 = 66.74 → IID 26.70; inovatif from 35.00: 8.30 IID = 20.75 points = 207.5 kematangan (÷ 10).
    expect(result.iid).toBe(26.7);
    expect(result.nextBand).toMatchObject({
      band: 'inovatif',
      min: 35,
      iidGap: 8.3,
      scoreGap: 20.75,
      kematanganGap: 207.5,
    });
  });
});

describe('bands by edition', () => {
  it.each([
    ['iga-2023', 100, 'sangat_inovatif'],
    ['iga-2023', 60.01, 'sangat_inovatif'],
    ['iga-2023', 60, 'inovatif'],
    ['iga-2023', 35, 'inovatif'],
    ['iga-2023', 34.99, 'kurang_inovatif'],
    ['iga-2023', 0.01, 'kurang_inovatif'],
    ['iga-2023', 0, 'tidak_dapat_dinilai'],
    ['iga-2026', 65.01, 'sangat_inovatif'],
    ['iga-2026', 65, 'inovatif'],
    ['iga-2026', 40.01, 'inovatif'],
    ['iga-2026', 40, 'kurang_inovatif'],
    ['iga-2026', 0.01, 'kurang_inovatif'],
    ['iga-2026', 0, 'tidak_dapat_dinilai'],
  ])('%s: IID %d is %s', (rubric, iid, band) => {
    const { region } = getRuleSet(rubric) as RubricRuleSet;
    expect(bandFor(iid, region.bands).band.id).toBe(band);
  });
});

describe('evaluateRegion: invalid input', () => {
  it('lists every problem of the region and its innovations with paths', async () => {
    const error = await evaluateRegion({
      pemda: 'Kota Contoh',
      tahun: 2024,
      spd: { spd_visi_misi: 4 },
      inovasi: [{ nama: 'ok' }, { nama: '', kebaruan: 'x' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues.map((i) => i.path.join('.'))).toStrictEqual([
      'spd.spd_visi_misi',
    ]);
    const second = await evaluateRegion({
      pemda: 'K',
      tahun: 2024,
      inovasi: [{ nama: 'ok' }, { nama: '', kebaruan: 'x' }],
    }).catch((e: unknown) => e);
    expect((second as InvalidRecordError).issues.map((i) => i.path.join('.'))).toStrictEqual([
      'inovasi.1.nama',
      'inovasi.1.kebaruan',
    ]);
    const third = await evaluateRegion({
      pemda: 'K',
      tahun: 2024,
      spd: { spd_sihir: 2 },
      inovasi: [],
    }).catch((e: unknown) => e);
    expect((third as InvalidRecordError).issues[0]).toMatchObject({
      path: ['spd', 'spd_sihir'],
      code: 'unknown_spd_indicator',
    });
  });
});

describe('evaluateRegion: every problem in one error', () => {
  it('reports SPD and innovation problems together', async () => {
    const error = await evaluateRegion({
      pemda: 'Kota Batu',
      tahun: 2024,
      spd: { spd_tidak_ada: 2 },
      inovasi: [{ nama: '' }],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toStrictEqual([
      ['spd', 'spd_tidak_ada'],
      ['inovasi', 0, 'nama'],
    ]);
  });

  it('refuses an SPD object of a million keys at the size limit', async () => {
    const spd: Record<string, number> = {};
    for (let i = 0; i < 1_000_000; i++) spd[`s${i}`] = 1;
    const error = await evaluateRegion({ pemda: 'X', tahun: 2024, spd, inovasi: [] }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].code).toBe('too_large');
  });
});

describe('the rule set of each region', () => {
  const blankPrasyarat = {
    ...eligibleRecord({ indikator: { video: { substansi: 5, bukti: [{ jenis: 'video' }] } } }),
    prasyaratReplikasi: '',
  };

  it('judges Kota Batu by its Perwali, another region by PP 38/2017, and says which decided', async () => {
    const batu = await evaluateRegion(
      { pemda: 'Kota Batu', tahun: 2024, inovasi: [blankPrasyarat] },
      { rubric: 'iga-2026' },
    );
    const lain = await evaluateRegion(
      { pemda: 'Kabupaten Lain', tahun: 2024, inovasi: [blankPrasyarat] },
      { rubric: 'iga-2026' },
    );
    expect(batu.ruleSet.id).toBe('perwali-batu-36-2022');
    expect(lain.ruleSet.id).toBe('pp-38-2017');
    // Batu's criterion 6 rejects a blank replication prerequisite; the national criteria do not.
    expect(batu.innovations[0]?.rejected).toBe(true);
    expect(batu.sid.sumKematangan).toBe(0);
    expect(lain.innovations[0]?.rejected).toBe(false);
    expect(lain.sid.sumKematangan).toBe(12);
  });

  it('matches a region’s own rule set in an engine by its jurisdiction, short forms too; an option still wins; loading it globally changes no default', async () => {
    const { readFileSync } = await import('node:fs');
    const { createEngine, loadRuleSet, listRuleSets } = await import('../../src/index.js');
    const json = JSON.parse(
      readFileSync(new URL('../../examples/perbup-contoh.json', import.meta.url), 'utf8'),
    );
    const engine = createEngine({ ruleSets: [json] });
    const region = { pemda: 'Pemkab Contoh', tahun: 2024, inovasi: [eligibleRecord()] };
    const own = await engine.evaluateRegion(region);
    expect(own.ruleSet.id).toBe('perbup-contoh-2024');
    expect(own.basis.ruleSet.why).toStrictEqual({
      code: 'jurisdiction',
      message: expect.stringMatching(/, karena pemda = Pemkab Contoh$/),
    });
    expect((await engine.evaluateRegion(region, { ruleSet: 'pp-38-2017' })).ruleSet.id).toBe(
      'pp-38-2017',
    );
    // Loaded into the process-wide list, it is found by id, but never chosen by default.
    if (!listRuleSets().some((r) => r.id === json.id)) loadRuleSet(json);
    const national = await evaluateRegion(region);
    expect([national.ruleSet.id, national.basis.ruleSet.why.code]).toStrictEqual([
      'pp-38-2017',
      'national_no_region_rule',
    ]);
    expect((await evaluateRegion(region, { ruleSet: json.id })).ruleSet.id).toBe(json.id);
  });

  it('scores a region by the edition of its year', async () => {
    const r2023 = await evaluateRegion({ pemda: 'Kota Contoh', tahun: 2023, inovasi: [] });
    const r2026 = await evaluateRegion({ pemda: 'Kota Contoh', tahun: 2026, inovasi: [] });
    expect([r2023.rubric.id, r2026.rubric.id]).toStrictEqual(['iga-2023', 'iga-2026']);
  });
});

describe('the same innovation entered twice', () => {
  it('is named with every copy, ignoring case, spaces and punctuation', async () => {
    const result = await evaluateRegion(
      {
        pemda: 'Kota Contoh',
        tahun: 2024,
        inovasi: [
          { nama: 'Lapor Jalan Rusak' },
          { nama: 'Sekolah Ramah' },
          { nama: 'lapor  jalan-rusak' },
        ],
      },
      { locale: 'en' },
    );
    expect(result.duplicates).toStrictEqual([
      {
        nama: 'Lapor Jalan Rusak',
        indices: [0, 2],
        message: expect.stringMatching(
          /^The innovation name "Lapor Jalan Rusak" is entered 2 times \(innovations 1, 3\)/,
        ),
      },
    ]);
    const none = await evaluateRegion({
      pemda: 'Kota Contoh',
      tahun: 2024,
      inovasi: [{ nama: 'A' }],
    });
    expect(none.duplicates).toStrictEqual([]);
  });
});

describe('indexTotal: the planner’s fast total', () => {
  it('equals the index’s exact total to the last bit, on random parts', async () => {
    const { computeIndex, indexTotal } = await import('../../src/features/region.js');
    const fc = await import('fast-check');
    const basic = (getRuleSet('iga-2026') as RubricRuleSet).region.basicServiceRule?.urusan ?? [];
    const part = fc.record({
      kematangan: fc.integer({ min: 0, max: 111 }),
      rejected: fc.boolean(),
      urusan: fc.subarray([...basic, 'pariwisata']),
    });
    for (const rubric of ['iga-2023', 'iga-2026']) {
      const r = getRuleSet(rubric) as RubricRuleSet;
      const levels = fc.dictionary(
        fc.constantFrom(...r.region.spd.map((s) => s.id)),
        fc.integer({ min: 0, max: 3 }),
      );
      fc.assert(
        fc.property(fc.array(part, { maxLength: 40 }), levels, (parts, spd) => {
          expect(indexTotal(r, spd, parts)).toBe(computeIndex(r, spd, parts, 'id').exactTotal);
        }),
        { numRuns: runs(300) },
      );
    }
  });
});

describe('innovations of a region are validated as evaluate validates a record', () => {
  it.each([
    [{ nama: 'x', kebaruan: 'baru' }],
    [{ nama: '', tahun: 2024.5 }],
    [{ nama: 'x', urusan: ['umkm'], indikator: { sdm: { jumlah: -1 } } }],
    [{ nama: 'x', waktuPenerapan: '2024-13-01' }],
  ])('%j: the same issues, under inovasi.<n>', async (record) => {
    const alone = await safeEvaluate({ tahun: 2024, ...record });
    if (alone.success) throw new Error('expected invalid');
    const error = await evaluateRegion({
      pemda: 'Kota Contoh',
      tahun: 2024,
      inovasi: [{ nama: 'sah' }, record],
    }).catch((e: unknown) => e);
    expect((error as InvalidRecordError).issues).toStrictEqual(
      alone.error.issues.map((issue) => ({ ...issue, path: ['inovasi', 1, ...issue.path] })),
    );
  });
});
