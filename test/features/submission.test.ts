import { describe, expect, it } from 'vitest';
import { InvalidOptionError, InvalidRecordError } from '../../src/index.js';
import { checkSubmission, type SubmissionCheck } from '../../src/submission.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

/** A 2023 entry a verifier accepts: implemented in the window, 300 words, numbered documents. */
function ready(overrides: Record<string, unknown> = {}) {
  return {
    nama: 'Sistem Antrean Puskesmas',
    pemda: 'Kabupaten Contoh',
    tahun: 2023,
    tahapan: 'penerapan',
    waktuUjiCoba: '2021-02-01',
    waktuPenerapan: '2021-06-01',
    rancangBangun: words(300),
    indikator: {
      sdm: {
        jumlah: 12,
        bukti: [
          {
            jenis: 'sk',
            nama: 'SK Tim',
            nomor: '800/12/2022',
            tanggal: '2022-01-10',
            url: 'sk-tim.pdf',
          },
        ],
      },
    },
    ...overrides,
  };
}
const codes = (r: SubmissionCheck) => r.problems.map((p) => p.code);
const problem = (r: SubmissionCheck, code: string) => r.problems.find((p) => p.code === code);

describe('checkSubmission: a record a verifier accepts', () => {
  it('is ready, with no problem and every proven point safe', async () => {
    const r = await checkSubmission(ready());
    expect(r).toMatchObject({
      nama: 'Sistem Antrean Puskesmas',
      tahun: 2023,
      window: { from: '2021-01-01', to: '2022-12-31' },
      asOf: '2023-07-28',
      ready: true,
      problems: [],
      points: { claimed: 4, proven: 4, atRisk: 0, safe: 4 },
      atRisk: [],
    });
  });
});

describe('checkSubmission: the implementation window, on both sides of each boundary', () => {
  it.each([
    [2023, '2020-12-31', true],
    [2023, '2021-01-01', false],
    [2023, '2022-12-31', false],
    [2023, '2023-01-01', true],
    [2026, '2023-12-31', true],
    [2026, '2024-01-01', false],
    [2026, '2025-12-31', false],
    [2026, '2026-01-01', true],
  ])('IGA %i, penerapan %s: outside the window = %s', async (tahun, waktuPenerapan, outside) => {
    const r = await checkSubmission(
      ready({ tahun, waktuPenerapan, waktuUjiCoba: undefined, indikator: undefined }),
      { rubric: 'iga-2026', asOf: `${tahun}-12-31` },
    );
    expect(codes(r).includes('penerapan_di_luar_jendela')).toBe(outside);
    if (outside) {
      const found = problem(r, 'penerapan_di_luar_jendela');
      expect(found?.status).toBe('fail');
      expect(found?.fields[0]).toBe('waktuPenerapan');
    }
  });

  // field-2026-12.md §1: implemented before the window, developed inside it, still counts
  // (2024 [S], 2026 [3P], 2025 by the pattern [I]); 2023 and before: unknown.
  describe('development inside the window', () => {
    const dev = (tahun: number, waktuPenerapan: string, waktuPengembangan?: string) =>
      checkSubmission(
        ready({ tahun, waktuPenerapan, waktuPengembangan, waktuUjiCoba: undefined }),
        { rubric: 'iga-2026', asOf: `${tahun}-12-31` },
      );

    it.each([
      [2026, '2022-03-01', '2024-01-01'],
      [2026, '2022-03-01', '2025-12-31'],
      [2024, '2020-03-01', '2022-01-01'],
    ])('IGA %i: implemented %s, developed %s (inside): counts, no problem', async (t, p, d) => {
      const r = await dev(t, p, d);
      expect(codes(r)).not.toContain('penerapan_di_luar_jendela');
      expect(codes(r)).not.toContain('pengembangan_dalam_jendela');
    });

    it.each([
      [2026, '2022-03-01', '2023-12-31'],
      [2026, '2022-03-01', '2026-01-01'],
      [2024, '2020-03-01', '2021-12-31'],
    ])(
      'IGA %i: implemented %s, developed %s (outside): out, naming both dates',
      async (t, p, d) => {
        const r = await dev(t, p, d);
        const found = problem(r, 'penerapan_di_luar_jendela');
        // 2024's window itself is inferred from the pattern: a warning there.
        expect(found?.status).toBe(t === 2024 ? 'warning' : 'fail');
        expect(found?.fields).toStrictEqual(['waktuPenerapan', 'waktuPengembangan']);
        expect(found?.message).toContain(d);
      },
    );

    it('asks for the development, never for a new implementation date', async () => {
      const r = await dev(2026, '2022-03-01');
      const found = problem(r, 'penerapan_di_luar_jendela');
      expect(found?.fields).toStrictEqual(['waktuPenerapan', 'waktuPengembangan']);
      expect(found?.message).toContain('Waktu Pengembangan');
      expect(found?.message).toContain('Tanggal penerapan tetap tanggal penerapan pertama');
      expect(found?.citation).toContain('400.10.11/1887/BSKDN');
    });

    it('2025 counts it by the pattern of 2024 and 2026, said as a warning', async () => {
      const r = await dev(2025, '2021-03-01', '2024-06-01');
      expect(codes(r)).not.toContain('penerapan_di_luar_jendela');
      expect(problem(r, 'pengembangan_dalam_jendela')?.status).toBe('warning');
    });

    it('2023: no known rule, so a development inside the window does not change the verdict', async () => {
      const r = await dev(2023, '2019-03-01', '2022-06-01');
      const found = problem(r, 'penerapan_di_luar_jendela');
      expect(found?.status).toBe('fail');
      expect(found?.message).toContain('tidak diketahui');
      expect(found?.fields).toStrictEqual(['waktuPenerapan']);
    });

    it('implemented after the window: a later edition, whatever the development', async () => {
      const r = await dev(2026, '2026-02-01', '2026-03-01');
      const found = problem(r, 'penerapan_di_luar_jendela');
      expect(found?.message).toContain('edisi berikutnya');
    });

    it('a development dated before the implementation is a mistake in the dates', async () => {
      const r = await dev(2026, '2024-03-01', '2024-01-01');
      const found = r.problems.find((x) => x.fields.includes('waktuPengembangan'));
      expect(found).toMatchObject({ code: 'urutan_tanggal', status: 'fail' });
    });

    it('an innovation entered before must show a development since (a warning)', async () => {
      const entered = (waktuPengembangan?: string) =>
        checkSubmission(
          ready({
            tahun: 2026,
            waktuPenerapan: '2024-03-01',
            waktuPengembangan,
            riwayatIga: [{ tahun: 2025 }],
          }),
          { rubric: 'iga-2026', asOf: '2026-12-31' },
        );
      const without = await entered();
      expect(problem(without, 'tanpa_pengembangan_sejak_keikutsertaan')).toMatchObject({
        status: 'warning',
        fields: ['waktuPengembangan', 'pengembangan', 'riwayatIga'],
      });
      expect(codes(await entered('2024-12-01'))).toContain(
        'tanpa_pengembangan_sejak_keikutsertaan',
      );
      expect(codes(await entered('2025-02-01'))).not.toContain(
        'tanpa_pengembangan_sejak_keikutsertaan',
      );
    });
  });

  it.each([
    // [S] Kota Yogyakarta 2020: implemented 2017-2019; a 2017 innovation is in, and a fail outside.
    [2020, '2017-03-01', undefined],
    [2020, '2016-12-31', 'fail'],
    // [S] one Kepala Balitbang 2021: 2019-2020.
    [2021, '2019-01-01', undefined],
    [2021, '2018-12-31', 'fail'],
  ])('IGA %i, penerapan %s: %s', async (tahun, waktuPenerapan, status) => {
    const r = await checkSubmission(ready({ tahun, waktuPenerapan, waktuUjiCoba: undefined }));
    expect(problem(r, 'penerapan_di_luar_jendela')?.status).toBe(status);
  });

  it.each([
    [2021, '2021-09-17', '2021-09-18'],
    [2024, '2024-08-22', '2024-08-23'],
  ])(
    'IGA %i closes on %s (extended or announced), so a date after it is late',
    async (tahun, close, after) => {
      const r = await checkSubmission(ready({ tahun, waktuPenerapan: `${tahun - 1}-03-01` }));
      expect(r.asOf).toBe(close);
      const late = await checkSubmission(
        ready({
          tahun,
          waktuPenerapan: `${tahun - 1}-03-01`,
          waktuUjiCoba: undefined,
          rancangBangun: undefined,
          indikator: {
            sdm: { jumlah: 3, bukti: [{ jenis: 'sk', nomor: '1', tanggal: after, url: 'a.pdf' }] },
          },
        }),
      );
      expect(problem(late, 'tanggal_sesudah_pelaporan')?.status).toBe('warning');
    },
  );

  it('IGA 2021 took only innovations never entered before: a warning naming the earlier entry', async () => {
    const r = await checkSubmission(
      ready({ tahun: 2021, waktuPenerapan: '2020-03-01', riwayatIga: [{ tahun: 2020 }] }),
    );
    expect(problem(r, 'pernah_diikutkan')).toMatchObject({
      status: 'warning',
      fields: ['riwayatIga'],
    });
    expect(problem(r, 'pernah_diikutkan')?.message).toContain('2020');
    const fresh = await checkSubmission(ready({ tahun: 2021, waktuPenerapan: '2020-03-01' }));
    expect(codes(fresh)).not.toContain('pernah_diikutkan');
    const later = await checkSubmission(
      ready({ tahun: 2023, waktuPenerapan: '2022-03-01', riwayatIga: [{ tahun: 2022 }] }),
    );
    expect(codes(later)).not.toContain('pernah_diikutkan');
  });

  it('uses the pattern T-2..T-1 for an edition with no facts of its own, as a warning', async () => {
    const r = await checkSubmission(ready({ tahun: 2030, waktuPenerapan: '2027-05-01' }));
    expect(r.window).toEqual({ from: '2028-01-01', to: '2029-12-31' });
    expect(problem(r, 'penerapan_di_luar_jendela')?.status).toBe('warning');
  });

  it('names the window and cites the edition', async () => {
    const r = await checkSubmission(ready({ waktuPenerapan: '2020-03-01' }));
    const p = problem(r, 'penerapan_di_luar_jendela');
    expect(p?.message).toContain('IGA 2023 (2021-01-01 sampai 2022-12-31)');
    expect(p?.citation).toContain('400.10.11/2704/SJ');
  });

  it('cannot judge without tahun, and asks for it', async () => {
    const r = await checkSubmission(ready({ tahun: undefined }));
    expect(r.ready).toBe(false);
    expect(problem(r, 'tahun_kosong')).toMatchObject({ status: 'unknown', fields: ['tahun'] });
    expect(r.window).toBeUndefined();
  });

  it('asks for waktuPenerapan of an implemented innovation', async () => {
    const r = await checkSubmission(ready({ waktuPenerapan: undefined, waktuUjiCoba: undefined }));
    expect(problem(r, 'penerapan_kosong')?.status).toBe('unknown');
    expect(r.ready).toBe(false);
  });
});

describe('checkSubmission: stage and order of dates', () => {
  it('warns for a trial that never became an implementation', async () => {
    const r = await checkSubmission(ready({ tahapan: 'uji_coba', waktuPenerapan: undefined }));
    expect(problem(r, 'tahapan_belum_penerapan')).toMatchObject({
      status: 'warning',
      fields: ['tahapan', 'waktuPenerapan'],
    });
    expect(problem(r, 'tahapan_belum_penerapan')?.message).toContain('tahap uji coba');
    expect(codes(r)).not.toContain('penerapan_kosong');
  });

  it.each([
    ['2021-06-01', false],
    ['2021-06-02', true],
  ])('a trial starting %s after implementation 2021-06-01: problem = %s', async (uji, bad) => {
    const r = await checkSubmission(ready({ waktuUjiCoba: uji }));
    expect(codes(r).includes('urutan_tanggal')).toBe(bad);
  });

  it.each([
    ['2023-07-28', false],
    ['2023-07-29', true],
  ])(
    'a document dated %s against the 2023 close of reporting: late = %s',
    async (tanggal, late) => {
      const r = await checkSubmission(
        ready({
          indikator: {
            sdm: { jumlah: 12, bukti: [{ jenis: 'sk', nomor: '1', tanggal, url: 'a.pdf' }] },
          },
        }),
      );
      const p = problem(r, 'tanggal_sesudah_pelaporan');
      expect(Boolean(p)).toBe(late);
      if (p)
        expect(p).toMatchObject({ status: 'warning', fields: ['indikator.sdm.bukti.0.tanggal'] });
    },
  );

  it('fails a date after the day given as asOf', async () => {
    const r = await checkSubmission(ready({ tahun: 2026, waktuPenerapan: '2025-12-01' }), {
      asOf: '2025-11-30',
    });
    expect(problem(r, 'tanggal_sesudah_pelaporan')).toMatchObject({
      status: 'fail',
      fields: ['waktuPenerapan'],
    });
  });
});

describe('checkSubmission: earlier entries', () => {
  it.each([
    [[{ tahun: 2023 }], false],
    [[{ tahun: 2022 }, { tahun: 2023 }], true],
  ])('entries %j before IGA 2024: over the limit = %s', async (riwayatIga, over) => {
    const r = await checkSubmission(
      ready({ tahun: 2024, waktuPenerapan: '2022-06-01', waktuUjiCoba: '2022-01-01', riwayatIga }),
    );
    expect(codes(r).includes('keikutsertaan_melebihi_batas')).toBe(over);
  });

  it('a third entry is a warning: one regional official is its only source (A.4)', async () => {
    const r = await checkSubmission(
      ready({
        tahun: 2024,
        waktuPenerapan: '2022-06-01',
        waktuUjiCoba: '2022-01-01',
        riwayatIga: [{ tahun: 2022 }, { tahun: 2023 }],
      }),
    );
    expect(problem(r, 'keikutsertaan_melebihi_batas')?.status).toBe('warning');
  });

  it('does not count entries before 2024, when the rule was first reported', async () => {
    const r = await checkSubmission(ready({ riwayatIga: [{ tahun: 2021 }, { tahun: 2022 }] }));
    expect(codes(r)).not.toContain('keikutsertaan_melebihi_batas');
  });

  it.each([
    [4, true],
    [3, false],
  ])('last entry scored %i, now 4 proven: no added maturity = %s', async (skor, flat) => {
    const r = await checkSubmission(
      ready({
        tahun: 2024,
        waktuPenerapan: '2022-06-01',
        waktuUjiCoba: '2022-01-01',
        riwayatIga: [{ tahun: 2023, skor }],
      }),
    );
    expect(codes(r).includes('tanpa_peningkatan_kematangan')).toBe(flat);
  });
});

describe('checkSubmission: the design text', () => {
  it.each([
    [299, true],
    [300, false],
  ])('%i words: too short = %s', async (n, short) => {
    const r = await checkSubmission(ready({ rancangBangun: words(n) }));
    expect(codes(r).includes('rancang_bangun_pendek')).toBe(short);
    if (short) expect(problem(r, 'rancang_bangun_pendek')?.message).toContain('299 kata');
  });

  it('asks for a missing design text', async () => {
    const r = await checkSubmission(ready({ rancangBangun: '  ' }));
    expect(problem(r, 'rancang_bangun_kosong')?.status).toBe('unknown');
  });
});

describe('checkSubmission: evidence behind each claimed indicator', () => {
  it('fails points claimed with no document', async () => {
    const r = await checkSubmission(ready({ indikator: { sdm: { jumlah: 12 } } }));
    expect(problem(r, 'bukti_kosong')).toMatchObject({
      status: 'fail',
      indicator: 'sdm',
      fields: ['indikator.sdm.bukti'],
    });
    expect(r.points).toEqual({ claimed: 4, proven: 0, atRisk: 0, safe: 0 });
  });

  it.each([
    ['2020-12-31', true],
    ['2021-01-01', false],
    ['2023-07-01', false],
  ])('an SDM decree dated %s for IGA 2023 (T-2..T-0): outside = %s', async (tanggal, outside) => {
    const r = await checkSubmission(
      ready({
        indikator: {
          sdm: { jumlah: 12, bukti: [{ jenis: 'sk', nomor: '1', tanggal, url: 'a.pdf' }] },
        },
      }),
    );
    expect(codes(r).includes('bukti_di_luar_periode')).toBe(outside);
    expect(r.points.atRisk).toBe(outside ? 4 : 0);
    expect(r.atRisk).toEqual(outside ? ['sdm'] : []);
  });

  it('warns for a document with no number, date or file, and names each field', async () => {
    const r = await checkSubmission(
      ready({ indikator: { sdm: { jumlah: 12, bukti: [{ jenis: 'sk' }] } } }),
    );
    expect(r.problems.map((p) => [p.code, p.status, p.fields])).toEqual([
      ['bukti_tanpa_nomor', 'warning', ['indikator.sdm.bukti.0.nomor']],
      ['bukti_tanpa_berkas', 'warning', ['indikator.sdm.bukti.0.url']],
      ['bukti_tanpa_tanggal', 'warning', ['indikator.sdm.bukti.0.tanggal']],
    ]);
    expect(r.ready).toBe(true);
  });

  it.each([
    ['terlampir', true],
    ['Lihat dokumen', true],
    ['  ', true],
    ['sk-sdm.pdf', false],
    [' sk-sdm.pdf ', false],
    ['drive.google.com/file/d/1', false],
    ['https://jdih.example.go.id/sk', false],
  ])('a document whose url is "%s" names no file or link: %s', async (url, warned) => {
    const r = await checkSubmission(
      ready({
        indikator: {
          sdm: { jumlah: 12, bukti: [{ jenis: 'sk', nomor: '1', tanggal: '2022-02-01', url }] },
          video: { substansi: 5, bukti: [{ jenis: 'video', url }] },
        },
      }),
    );
    expect(codes(r).includes('bukti_tanpa_berkas')).toBe(warned);
    expect(codes(r).includes('video_tanpa_tautan')).toBe(warned);
  });

  it('fails a regulation level whose document is of another kind', async () => {
    const r = await checkSubmission(
      ready({
        indikator: {
          regulasi: {
            jenis: 'perda',
            bukti: [{ jenis: 'SK Bupati', nomor: '1', tanggal: '2021-03-01', url: 'sk.pdf' }],
          },
        },
      }),
    );
    expect(problem(r, 'regulasi_jenis_tidak_sesuai')).toMatchObject({
      status: 'fail',
      fields: ['indikator.regulasi.jenis', 'indikator.regulasi.bukti'],
    });
    expect(r.points).toEqual({ claimed: 9, proven: 9, atRisk: 9, safe: 0 });
  });

  it.each([
    ['perda', 'Perda', '2022-12-31', false],
    ['perda', 'Perda', '2023-01-01', true],
    ['perkada', 'Peraturan Bupati', '2022-05-01', false],
    ['sk_kepala_daerah', 'SK', '2021-12-31', false],
    ['sk_kepala_daerah', 'SK', '2022-01-01', true],
  ])(
    'regulasi %s as "%s" dated %s for IGA 2023 (implemented 2021): rejected = %s',
    async (jenis, kind, tanggal, bad) => {
      const r = await checkSubmission(
        ready({
          indikator: {
            regulasi: { jenis, bukti: [{ jenis: kind, nomor: '1', tanggal, url: 'r.pdf' }] },
          },
        }),
      );
      const found = codes(r).filter((c) => c.startsWith('regulasi_'));
      expect(found.length > 0).toBe(bad);
      expect(codes(r)).not.toContain('regulasi_jenis_tidak_sesuai');
    },
  );

  it('fails a video with no link and warns when parts are missing', async () => {
    const r = await checkSubmission(
      ready({ indikator: { video: { substansi: 4, bukti: [{ jenis: 'video' }] } } }),
    );
    expect(problem(r, 'video_tanpa_tautan')?.status).toBe('fail');
    expect(problem(r, 'video_bagian_kurang')?.message).toContain('4 dari 5 bagian');
    expect(r.atRisk).toEqual(['video']);
  });
});

describe('checkSubmission: authority hints from the name', () => {
  it('warns when a kabupaten names a provincial school, unless subUrusan is given', async () => {
    const r = await checkSubmission(ready({ nama: 'Beasiswa Siswa SMA Miskin' }));
    expect(problem(r, 'kewenangan_kata_kunci')).toMatchObject({
      status: 'warning',
      fields: ['nama', 'subUrusan'],
    });
    expect(problem(r, 'kewenangan_kata_kunci')?.message).toContain('"sma"');
    const named = await checkSubmission(
      ready({ nama: 'Beasiswa Siswa SMA Miskin', subUrusan: ['pendidikan_dasar'] }),
    );
    expect(codes(named)).not.toContain('kewenangan_kata_kunci');
  });

  it('says nothing to a province running an SMA, or for a word inside another word', async () => {
    for (const nama of ['Beasiswa Siswa SMA', 'Smart Kampung']) {
      const r = await checkSubmission(ready({ nama, pemda: 'Provinsi Jawa Timur' }));
      expect(codes(r)).not.toContain('kewenangan_kata_kunci');
    }
  });
});

describe('checkSubmission: input and options', () => {
  it('refuses an invalid record and a bad asOf, and never changes its input', async () => {
    await expect(checkSubmission({ nama: 5 })).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(checkSubmission(ready(), { asOf: '2023' })).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
    const record = ready();
    const copy = structuredClone(record);
    await checkSubmission(record);
    expect(record).toEqual(copy);
  });

  it('writes English on request', async () => {
    const r = await checkSubmission(ready({ rancangBangun: 'short' }), { locale: 'en' });
    expect(problem(r, 'rancang_bangun_pendek')?.message).toMatch(
      /^The design text has only 1 words/,
    );
  });
});

describe('checkSubmission: regulation documents as people name them', () => {
  it.each([
    ['sk_kepala_daerah', 'SK Bupati Contoh', true],
    ['sk_kepala_daerah', 'Keputusan Kepala Dinas', false],
    ['sk_kepala_daerah', 'SK Kepala Dinas a.n. Bupati', true],
    ['sk_kepala_perangkat_daerah', 'Keputusan Kepala Dinas', true],
    ['sk_kepala_perangkat_daerah', 'SK Nomor 12', true],
    ['sk_kepala_perangkat_daerah', 'SK Bupati', false],
    ['sk_kepala_perangkat_daerah', 'Perbup No. 4', false],
    ['perkada', 'Peraturan Wali Kota Batu Nomor 12 Tahun 2022', true],
    ['perkada', 'Perbup No. 4', true],
    ['perda', 'Perda No. 3 Tahun 2021', true],
    ['perda', 'Perkada 3/2021', false],
    ['perkada', 'SK Bupati', false],
  ])('a %s level proved by "%s": accepted = %s', async (jenis, kind, accepted) => {
    const r = await checkSubmission(
      ready({
        indikator: {
          regulasi: {
            jenis,
            bukti: [{ jenis: kind, nomor: '1', tanggal: '2021-03-01', url: 'r.pdf' }],
          },
        },
      }),
    );
    expect(codes(r).includes('regulasi_jenis_tidak_sesuai')).toBe(!accepted);
  });
});

describe('checkSubmission: one asOf moves the scoring and the checks', () => {
  it('a 2026 record checked as of 2024: the 2024 window, scored by the 2023 rules, said', async () => {
    const r = await checkSubmission(ready({ tahun: 2026, waktuPenerapan: '2025-03-01' }), {
      asOf: '2024-06-01',
    });
    expect(r.window).toEqual({ from: '2022-01-01', to: '2023-12-31' });
    expect(r.basis.rubric.id).toBe('iga-2023');
    expect(problem(r, 'tahun_berbeda_dengan_asof')).toMatchObject({
      status: 'warning',
      fields: ['tahun'],
    });
    expect(codes(r)).toContain('penerapan_di_luar_jendela');
  });

  it('no asOf: the record’s tahun decides both', async () => {
    const r = await checkSubmission(ready({ tahun: 2026, waktuPenerapan: '2025-03-01' }));
    expect(r.window).toEqual({ from: '2024-01-01', to: '2025-12-31' });
    expect(r.basis.rubric.id).toBe('iga-2026');
    expect(codes(r)).not.toContain('tahun_berbeda_dengan_asof');
  });
});

describe('checkSubmission: evidence by edition, counted as verifiers count it', () => {
  const doc = (tanggal: string, extra: Record<string, unknown> = {}) => ({
    jenis: 'dokumen',
    nomor: '1',
    tanggal,
    url: 'd.pdf',
    ...extra,
  });
  const check = (tahun: number, indikator: Record<string, unknown>) =>
    checkSubmission(ready({ tahun, waktuPenerapan: `${tahun - 1}-03-01`, indikator }), {
      rubric: 'iga-2026',
      asOf: `${tahun}-12-31`,
    });

  it('applies the 2026 app’s date rules as failures in 2026 only, as warnings elsewhere', async () => {
    const perkada = (tahun: number) =>
      check(tahun, {
        regulasi: { jenis: 'perkada', bukti: [doc(`${tahun}-02-01`, { jenis: 'Perkada 1' })] },
      });
    expect(problem(await perkada(2026), 'regulasi_sesudah_edisi')?.status).toBe('fail');
    expect(problem(await perkada(2023), 'regulasi_sesudah_edisi')?.status).toBe('warning');
    const sdm = (tahun: number) =>
      check(tahun, { sdm: { jumlah: 12, bukti: [doc(`${tahun - 4}-01-01`)] } });
    expect(problem(await sdm(2026), 'bukti_di_luar_periode')?.status).toBe('fail');
    expect(problem(await sdm(2024), 'bukti_di_luar_periode')?.status).toBe('warning');
  });

  it.each([
    // sosialisasi: "documents from T-0 allowed", no lower bound.
    ['sosialisasi', { jenis: 'media_pemda' }, '2019-05-01', false],
    ['sosialisasi', { jenis: 'media_pemda' }, '2026-05-01', false],
    // jejaring and pengaduan: "the last 2 years", T-1 and T-0.
    ['jejaring', { jumlahPd: 2 }, '2025-01-01', false],
    ['jejaring', { jumlahPd: 2 }, '2024-12-31', true],
    ['pengaduan', { persenSelesai: 80 }, '2024-06-01', true],
    ['pengaduan', { persenSelesai: 80 }, '2025-06-01', false],
    // sdm: T-2..T-0.
    ['sdm', { jumlah: 12 }, '2024-01-01', false],
    ['sdm', { jumlah: 12 }, '2023-12-31', true],
  ])('IGA 2026, %s %j dated %s: outside its period = %s', async (id, value, tanggal, outside) => {
    const r = await check(2026, { [id]: { ...value, bukti: [doc(tanggal)] } });
    expect(codes(r).includes('bukti_di_luar_periode')).toBe(outside);
  });

  it.each([
    ['bimtek', { jumlah: 3 }, 1, 2],
    ['bimtek', { jumlah: 5 }, 2, 1],
    ['informasiLayanan', { kanal: 3 }, 1, 2],
    ['anggaran', { tahun: [2024, 2025, 2026] }, 2, 1],
    ['rkpd', { tahun: [2024, 2025] }, 1, 1],
  ])(
    '%s %j with %i document(s): %i missing, its points at risk',
    async (id, value, docs, missing) => {
      const bukti = Array.from({ length: docs }, () => doc('2025-06-01'));
      const r = await check(2026, { [id]: { ...value, bukti } });
      const found = problem(r, 'bukti_kurang');
      expect(found).toMatchObject({ status: 'fail', indicator: id });
      expect(found?.message).toContain(`Lampirkan ${missing} dokumen lagi`);
      expect(r.atRisk).toContain(id);
    },
  );

  it('one document per training is enough, and only up to the top level', async () => {
    const three = Array.from({ length: 3 }, () => doc('2025-06-01'));
    const r = await check(2026, { bimtek: { jumlah: 7, bukti: three } });
    expect(codes(r)).not.toContain('bukti_kurang');
  });
});
