import { describe, expect, it } from 'vitest';
import { evaluate, findUrusan, InvalidRecordError } from '../../src/index.js';
import { authorityOf, levelOfPemda, subUrusanCatalogue } from '../../src/record/kewenangan.js';
import { eligibleRecord } from '../helpers.js';

describe('sub-urusan catalogue', () => {
  it('has unique ids, known urusan, and at least one level for each entry', () => {
    const ids = subUrusanCatalogue.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of subUrusanCatalogue) {
      expect(findUrusan(s.urusan)?.id, s.id).toBe(s.urusan);
      expect(s.tingkat.length, s.id).toBeGreaterThan(0);
      expect(['V', '3P-copy', '3P-seed', 'S', 'I'], s.id).toContain(s.sumber);
    }
  });

  it('covers the affairs kewenangan.md splits between levels', () => {
    const urusan = new Set(subUrusanCatalogue.map((s) => s.urusan));
    for (const id of [
      'pendidikan',
      'kesehatan',
      'pekerjaan_umum_dan_penataan_ruang',
      'sosial',
      'perhubungan',
      'kehutanan',
      'energi_dan_sumber_daya_mineral',
      'tenaga_kerja',
      'perdagangan',
    ]) {
      expect(urusan.has(id), id).toBe(true);
    }
  });
});

describe('levelOfPemda', () => {
  it.each([
    ['Kota Batu', 'kota'],
    ['Kabupaten Malang', 'kabupaten'],
    ['Kab. Bantul', 'kabupaten'],
    ['kab.Tegal', 'kabupaten'],
    ['Provinsi Jawa Timur', 'provinsi'],
    ['Prov. Banten', 'provinsi'],
    ['Kotamobagu', undefined],
    ['Batu', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s → %s', (name, level) => {
    expect(levelOfPemda(name)).toBe(level);
  });
});

describe('authorityOf', () => {
  it.each([
    [['pendidikan_menengah'], 'kabupaten', 'di_luar'],
    [['pendidikan_menengah'], 'provinsi', 'sesuai'],
    [['pendidikan_dasar'], 'provinsi', 'di_luar'],
    [['pendidikan_dasar'], 'kota', 'sesuai'],
    [['pendidikan_dasar', 'pendidikan_menengah'], 'kota', 'di_luar'],
    [['tahura_kabupaten_kota'], 'kota', 'sesuai'],
    [['pengelolaan_hutan'], 'kabupaten', 'di_luar'],
    [['panas_bumi_langsung'], 'kabupaten', 'sesuai'],
    [['pelayanan_adminduk'], 'provinsi', 'perlu_ditinjau'],
    [['pelayanan_adminduk'], 'kota', 'sesuai'],
    [['terminal_tipe_a'], 'provinsi', 'di_luar'],
    [[], 'kota', 'belum_ditentukan'],
    [['pendidikan_menengah'], undefined, 'belum_ditentukan'],
  ] as const)('%j in a %s → %s', (sub, level, status) => {
    expect(authorityOf(sub, level)).toBe(status);
  });
});

describe('PP 38/2017 criterion (d): authority by level of government', () => {
  const kewenangan = async (change: Record<string, unknown>, ruleSet = 'pp-38-2017') => {
    const r = await evaluate(eligibleRecord(change), { ruleSet });
    return { verdict: r.verdict, d: r.criteria.find((c) => c.id === 'kewenangan_daerah') };
  };

  it('fails a kabupaten running senior high schools, at the field, citing the annex', async () => {
    const { verdict, d } = await kewenangan({
      pemda: 'Kabupaten Malang',
      subUrusan: ['pendidikan_menengah'],
    });
    expect(verdict).toBe('not_eligible');
    expect(d?.status).toBe('fail');
    expect(d?.citation).toContain('UU 23/2014');
    expect(d?.citation).toContain('Lampiran');
    expect(d?.reasons[0]).toMatchObject({
      code: 'sub_urusan_sesuai_tingkat_fail',
      fields: ['subUrusan', 'tingkatPemda', 'pemda'],
      actual: { subUrusan: ['pendidikan_menengah'], tingkatPemda: null, pemda: 'Kabupaten Malang' },
    });
    expect(d?.reasons[0]?.message).toContain('Pengelolaan pendidikan menengah (SMA, SMK)');
  });

  it('fails a province running primary schools; tingkatPemda wins over the name', async () => {
    const { d } = await kewenangan({
      pemda: 'Jawa Timur',
      tingkatPemda: 'provinsi',
      subUrusan: ['pendidikan_dasar'],
    });
    expect(d?.status).toBe('fail');
  });

  it('passes what the level holds, and leaves undecided what it cannot narrow down', async () => {
    for (const change of [
      { pemda: 'Provinsi Jawa Timur', subUrusan: ['pendidikan_menengah'] },
      { pemda: 'Kota Batu', subUrusan: ['tahura_kabupaten_kota'] },
      { pemda: 'Provinsi Banten', subUrusan: ['pelayanan_adminduk'] },
      { pemda: 'Batu', subUrusan: ['pendidikan_menengah'] },
      { pemda: 'Kota Batu' },
    ]) {
      const { verdict, d } = await kewenangan(change);
      expect(d?.status, JSON.stringify(change)).toBe('pass');
      expect(verdict).toBe('eligible');
    }
  });

  it('holds under Perwali Batu too, which extends the national criterion', async () => {
    const { d } = await kewenangan(
      { pemda: 'Kota Batu', subUrusan: ['pengelolaan_hutan'] },
      'perwali-batu-36-2022',
    );
    expect(d?.status).toBe('fail');
  });

  // UU 23/2014 Pasal 14: forestry, marine affairs and energy are the centre's and the province's.
  it.each([
    ['Kabupaten Malang', ['kehutanan'], undefined, 'fail'],
    ['Kabupaten Malang', ['kehutanan'], ['tahura_kabupaten_kota'], 'pass'],
    ['Kabupaten Malang', ['kehutanan'], ['pengelolaan_hutan'], 'fail'],
    ['Provinsi Jawa Timur', ['kehutanan'], undefined, 'pass'],
    ['Kota Batu', ['energi_dan_sumber_daya_mineral'], undefined, 'fail'],
    ['Kota Batu', ['energi_dan_sumber_daya_mineral'], ['panas_bumi_langsung'], 'pass'],
    ['Pemprov Jawa Timur', ['energi_dan_sumber_daya_mineral'], undefined, 'pass'],
    ['Kabupaten Malang', ['kelautan_dan_perikanan'], ['ruang_laut_12_mil'], 'fail'],
    ['Kabupaten Malang', ['kelautan_dan_perikanan'], ['pesisir_dan_pulau_kecil'], 'fail'],
    ['Kabupaten Malang', ['kelautan_dan_perikanan'], ['tempat_pelelangan_ikan'], 'pass'],
    ['Kabupaten Malang', ['kelautan_dan_perikanan'], ['nelayan_kecil'], 'pass'],
    ['Provinsi Jawa Timur', ['kelautan_dan_perikanan'], ['ruang_laut_12_mil'], 'pass'],
    ['Kabupaten Malang', ['kelautan_dan_perikanan'], undefined, 'pass'],
    ['Provinsi Jawa Timur', ['kecamatan'], undefined, 'fail'],
    ['Kota Batu', ['kecamatan'], undefined, 'pass'],
    ['Kabupaten Malang', ['pendidikan'], ['madrasah_dan_pesantren'], 'fail'],
    ['Kabupaten Malang', ['pariwisata', 'kehutanan'], undefined, 'pass'],
    [undefined, ['kehutanan'], undefined, 'unknown'],
  ])('%s, urusan %j, sub-urusan %j: criterion (d) %s', async (pemda, urusan, subUrusan, status) => {
    const { d } = await kewenangan({ pemda, urusan, subUrusan });
    expect(d?.status).toBe(status);
  });

  it('names the affair, the level and the exceptions when the main affair is not the level’s', async () => {
    const { verdict, d } = await kewenangan({ pemda: 'Kabupaten Malang', urusan: ['kehutanan'] });
    expect(verdict).toBe('not_eligible');
    expect(d?.reasons[0]).toMatchObject({
      code: 'urusan_sesuai_tingkat_fail',
      fields: ['urusan', 'subUrusan', 'tingkatPemda', 'pemda'],
    });
    expect(d?.reasons[0]?.message).toContain('Pasal 14');
    expect(d?.reasons[0]?.message).toContain('tahura_kabupaten_kota');
    expect(d?.citation).toContain('Pasal 14');
  });

  it('refuses an unknown sub-urusan as an input error', async () => {
    await expect(evaluate(eligibleRecord({ subUrusan: ['sma_negeri'] }))).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
  });
});
