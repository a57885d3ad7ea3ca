import { describe, expect, it } from 'vitest';
import iga2026 from '../../rules/iga-2026.json' with { type: 'json' };
import {
  getRuleSet,
  loadRuleSet,
  type RubricRuleSet,
  UnknownRuleSetError,
} from '../../src/index.js';
import { compareEditions, compareInnovationEditions } from '../../src/plan.js';
import { eligibleRecord } from '../helpers.js';

const BASIC4 = [
  'pendidikan',
  'kesehatan',
  'pekerjaan_umum_dan_penataan_ruang',
  'perumahan_rakyat_dan_kawasan_permukiman',
];
const doc = [{ jenis: 'sk', nomor: '1', tanggal: '2025-01-02', url: 'a.pdf' }];
const spdAll = (level: number) =>
  Object.fromEntries(
    (getRuleSet('iga-2026') as RubricRuleSet).region.spd.map((s) => [s.id, level]),
  );

// 11 innovations covering 4 of the 6 basic-service affairs, each with video level 3 proven (12).
const region = {
  pemda: 'Kabupaten Uji',
  tahun: 2025,
  spd: spdAll(2),
  inovasi: Array.from({ length: 11 }, (_, i) =>
    eligibleRecord({
      nama: `Inovasi ${i}`,
      urusan: [BASIC4[i % 4]],
      indikator: { video: { substansi: 5, bukti: doc } },
    }),
  ),
};

describe('compareEditions', () => {
  it('shows the floor and the basic-service rule moving the index, computed by hand', async () => {
    const c = await compareEditions(region, 'iga-2023', 'iga-2026');
    // iga-2023: (42 + 132/11 + 11 × 0.38) / 2.5 = (42 + 12 + 4.18) / 2.5 = 23.27
    expect(c.a).toMatchObject({ iid: 23.27, spd: 42, sid: 12, divisor: 11, count: 4.18 });
    // iga-2026: floor 12 and only 4 of 6 basic-service affairs: (42 + 11 + 0) / 2.5 = 21.2
    expect(c.b).toMatchObject({ iid: 21.2, spd: 42, sid: 11, divisor: 12, count: 0 });
    expect(c.delta).toEqual({ iid: -2.07, spd: 0, sid: -1, count: -4.18 });
    expect(c.reasons[0]).toBe(
      'Pembagi minimal berubah dari 10 menjadi 12: dengan 11 inovasi, Σ kematangan dibagi 11 lalu 12.',
    );
    expect(c.reasons[1]).toContain('syarat 5 dari 6 urusan pelayanan dasar tidak terpenuhi (4)');
    expect(c.reasons[2]).toContain('Inovatif ≥ 35');
    expect(c.innovations).toEqual([]);
  });

  it('compares a caller’s draft rubric the same way', async () => {
    const draft = structuredClone(iga2026) as Record<string, unknown> & typeof iga2026;
    draft.id = 'iga-draf-2027';
    // A province's own draft: not a national edition, so no record is scored by it unasked.
    draft.jurisdiction = { level: 'provinsi', name: 'Jawa Timur' };
    draft.region.divisorFloor = 14;
    // Video weighs 5 and regulasi 2 (the maximum stays 111).
    draft.indicators = draft.indicators.map((i) =>
      i.id === 'video' ? { ...i, weight: 5 } : i.id === 'regulasi' ? { ...i, weight: 2 } : i,
    );
    const rubric = loadRuleSet(draft);
    const c = await compareEditions(region, 'iga-2026', rubric, { locale: 'en' });
    // (42 + 11 × 15 / 14 + 0) / 2.5 = 21.51
    expect(c.b).toMatchObject({ iid: 21.51, divisor: 14 });
    expect(c.innovations).toHaveLength(11);
    expect(c.innovations[0]).toEqual({ index: 0, nama: 'Inovasi 0', a: 12, b: 15, delta: 3 });
    expect(c.reasons).toContain('Weight of Innovation video: 4, then 5.');
    expect(c.reasons).toContain('Weight of Legal instrument naming the innovation: 3, then 2.');
  });

  it('says when the editions agree, and refuses an unknown rubric', async () => {
    const c = await compareEditions(region, 'iga-2026', 'iga-2026');
    expect(c.reasons).toEqual(['Kedua edisi memberi hasil yang sama.']);
    await expect(compareEditions(region, 'iga-2023', 'iga-1999')).rejects.toBeInstanceOf(
      UnknownRuleSetError,
    );
  });
});

describe('compareInnovationEditions', () => {
  it('lists the indicators whose points or mandatory flag differ', async () => {
    const record = eligibleRecord({ indikator: { sdm: { jumlah: 12, bukti: doc } } });
    const c = await compareInnovationEditions(record, 'iga-2023', 'iga-2026');
    expect(c.a).toMatchObject({ claimed: 4, proven: 4 });
    expect(c.b).toMatchObject({ claimed: 4, proven: 4 });
    expect(c.indicators.map((i) => i.id)).toEqual([
      'regulasi',
      'sdm',
      'kecepatanPenciptaan',
      'kemanfaatan',
      'video',
    ]);
    expect(c.indicators[1]).toEqual({ id: 'sdm', a: 4, b: 4, mandatoryA: false, mandatoryB: true });
  });
});
