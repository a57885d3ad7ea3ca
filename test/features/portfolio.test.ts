import { describe, expect, it } from 'vitest';
import { evaluatePortfolio, InvalidOptionError, InvalidRecordError } from '../../src/index.js';
import { eligibleRecord, without } from '../helpers.js';

const units = [
  { opd: 'Dinas Kesehatan', unitKerja: 'Bidang Pelayanan Kesehatan' },
  { opd: 'Dinas Kesehatan', unitKerja: 'UPT Puskesmas Batu' },
  { opd: 'Dinas Pertanian dan Ketahanan Pangan', unitKerja: 'Bidang Hortikultura' },
  { opd: 'Badan Kepegawaian dan Pengembangan SDM' },
  { opd: 'Dinas Sosial' },
];

const innovation = (
  opd: string,
  unitKerja: string | undefined,
  change: Record<string, unknown> = {},
) => without(eligibleRecord({ opd, unitKerja, ...change }), ...(unitKerja ? [] : ['unitKerja']));

const inovasi = [
  innovation('Dinas Kesehatan', 'UPT Puskesmas Batu'),
  innovation('dinas  kesehatan', 'upt puskesmas batu', { nama: 'Lagi' }),
  innovation('Dinas Pertanian dan Ketahanan Pangan', 'Bidang Hortikultura', {
    membatasiAkses: true,
  }),
  innovation('Badan Kepegawaian dan Pengembangan SDM', undefined, {
    prasyaratReplikasi: undefined,
  }),
  innovation('Dinas Pariwisata', undefined),
  { nama: '', opd: 'Dinas Sosial' },
];

describe('evaluatePortfolio: Satu OPD Satu Inovasi', () => {
  it('counts innovations and eligible ones per agency and per unit against the targets', async () => {
    const p = await evaluatePortfolio({ pemda: 'Kota Batu', tahun: 2023, units, inovasi });
    expect(p.target).toStrictEqual({ perAgency: 1, perUnit: 1 });
    expect(p.agencies).toStrictEqual([
      { opd: 'Dinas Kesehatan', count: 2, eligible: 2, meetsTarget: true },
      { opd: 'Dinas Pertanian dan Ketahanan Pangan', count: 1, eligible: 0, meetsTarget: false },
      { opd: 'Badan Kepegawaian dan Pengembangan SDM', count: 1, eligible: 0, meetsTarget: false },
      { opd: 'Dinas Sosial', count: 0, eligible: 0, meetsTarget: false },
    ]);
    expect(p.units).toStrictEqual([
      {
        opd: 'Dinas Kesehatan',
        unitKerja: 'Bidang Pelayanan Kesehatan',
        count: 0,
        eligible: 0,
        meetsTarget: false,
      },
      {
        opd: 'Dinas Kesehatan',
        unitKerja: 'UPT Puskesmas Batu',
        count: 2,
        eligible: 2,
        meetsTarget: true,
      },
      {
        opd: 'Dinas Pertanian dan Ketahanan Pangan',
        unitKerja: 'Bidang Hortikultura',
        count: 1,
        eligible: 0,
        meetsTarget: false,
      },
    ]);
    expect(p.agenciesWithoutInnovation).toStrictEqual(['Dinas Sosial']);
    expect(p.unitsWithoutInnovation).toStrictEqual([
      { opd: 'Dinas Kesehatan', unitKerja: 'Bidang Pelayanan Kesehatan' },
    ]);
    expect(p.unlisted).toStrictEqual([
      { opd: 'Dinas Pariwisata', count: 1, eligible: 1, meetsTarget: false },
    ]);
    expect(p.invalid.map((i) => i.index)).toStrictEqual([5]);
    expect(p.totals).toStrictEqual({
      innovations: 5,
      verdicts: { eligible: 3, not_eligible: 1, incomplete: 1 },
      agencies: 4,
      agenciesMeetingTarget: 1,
      units: 3,
      unitsMeetingTarget: 1,
    });
  });

  it('takes a configurable minimum and compares with the year before', async () => {
    const p = await evaluatePortfolio(
      {
        pemda: 'Kota Batu',
        tahun: 2023,
        units,
        inovasi,
        previous: {
          tahun: 2022,
          inovasi: [
            innovation('Dinas Kesehatan', 'UPT Puskesmas Batu'),
            innovation('Dinas Sosial', undefined),
          ],
        },
      },
      { minPerAgency: 2, minPerUnit: 2 },
    );
    expect(p.agencies.map((a) => a.meetsTarget)).toStrictEqual([true, false, false, false]);
    expect(p.change?.innovations).toStrictEqual({ previous: 2, current: 5, delta: 3 });
    expect(p.change?.eligible).toStrictEqual({ previous: 2, current: 3, delta: 1 });
    expect(p.change?.agenciesWithInnovation).toStrictEqual({ previous: 2, current: 3, delta: 1 });
    expect(p.change?.agencies.find((a) => a.opd === 'Dinas Sosial')).toStrictEqual({
      opd: 'Dinas Sosial',
      previous: 1,
      current: 0,
      delta: -1,
    });
  });

  it('takes the year before as its records alone (a list), as those of tahun - 1', async () => {
    const last = [
      innovation('Dinas Kesehatan', 'UPT Puskesmas Batu'),
      innovation('Dinas Sosial', undefined),
    ];
    const input = { pemda: 'Kota Batu', tahun: 2023, units, inovasi };
    const asList = await evaluatePortfolio({ ...input, previous: last });
    const asYear = await evaluatePortfolio({ ...input, previous: { tahun: 2022, inovasi: last } });
    expect(asList).toStrictEqual(asYear);
    expect(asList.change?.innovations).toStrictEqual({ previous: 2, current: 5, delta: 3 });
  });
});

describe('evaluatePortfolio: malformed input is one structured error, never a TypeError', () => {
  it.each([
    ['a unit whose opd is a number', { units: [{ opd: 5 }] }, ['units', 0, 'opd']],
    ['a null unit', { units: [null] }, ['units', 0]],
    ['innovations that are null', { inovasi: null }, ['inovasi']],
    ['a previous year with no list', { previous: { tahun: 2022 } }, ['previous', 'inovasi']],
  ])('%s', async (_, change, path) => {
    const input = { pemda: 'Kota Batu', tahun: 2023, units: [], inovasi: [], ...change };
    const error = await evaluatePortfolio(input as never).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(error.issues[0].path).toStrictEqual(path);
  });

  it('checks the targets as options', async () => {
    const error = await evaluatePortfolio(
      { pemda: 'Kota Batu', tahun: 2023, units: [], inovasi: [] },
      { minPerAgency: -1, minPerUnit: 'dua' as never },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.issues.map((i: { path: string[] }) => i.path[0])).toStrictEqual([
      'minPerAgency',
      'minPerUnit',
    ]);
  });
});

describe('evaluatePortfolio: agencies ranked, with ties stated', () => {
  const doc = [{ jenis: 'sk', nomor: '1', tanggal: '2023-01-02', url: 'a.pdf' }];
  const withVideo = (opd: string, substansi: number, change: Record<string, unknown> = {}) =>
    innovation(opd, undefined, { indikator: { video: { substansi, bukti: doc } }, ...change });
  const agencies = [{ opd: 'A' }, { opd: 'B' }, { opd: 'C' }, { opd: 'D' }, { opd: 'E' }];

  it('ranks by Σ proven kematangan, then mean, eligible and target; equal rows share a rank', async () => {
    const p = await evaluatePortfolio({
      pemda: 'Kota Batu',
      tahun: 2023,
      units: agencies,
      inovasi: [
        withVideo('A', 5), // 12
        withVideo('B', 5), // 12 + 4 = 16, mean 8
        withVideo('B', 1),
        withVideo('C', 5), // 12 + 0 (not eligible) = 12, mean 6
        withVideo('C', 5, { membatasiAkses: true }),
        withVideo('D', 5), // 12, the same as A: tied
      ],
      previous: { tahun: 2022, inovasi: [withVideo('E', 5), withVideo('A', 1)] },
    });
    expect(
      p.ranking.agencies.map((r) => [r.rank, r.opd, r.kematangan, r.mean, r.tied, r.previousRank]),
    ).toStrictEqual([
      [1, 'B', 16, 8, false, 3],
      [2, 'A', 12, 12, true, 2],
      [2, 'D', 12, 12, true, 3],
      [4, 'C', 12, 6, false, 3],
      [5, 'E', 0, 0, false, 1],
    ]);
  });
});

describe('evaluatePortfolio: LAN 5D stages', () => {
  it('counts innovations per stage per agency and names stages reached without evidence', async () => {
    const doc = [{ jenis: 'foto' }];
    const p = await evaluatePortfolio({
      pemda: 'Kota Batu',
      tahun: 2023,
      units: [{ opd: 'A' }, { opd: 'B' }],
      inovasi: [
        innovation('A', undefined, {
          nama: 'Satu',
          labinov: { tahap: 'design', bukti: { drum_up: doc, diagnose: doc, design: doc } },
        }),
        innovation('A', undefined, {
          nama: 'Dua',
          labinov: { tahap: 'deliver', dokumentasi: true, bukti: { drum_up: doc, deliver: doc } },
        }),
        innovation('B', undefined, { nama: 'Tiga' }),
      ],
    });
    expect(p.pipeline).toStrictEqual([
      {
        opd: 'A',
        stages: { drum_up: 0, diagnose: 0, design: 1, deliver: 1, display: 0 },
        unstaged: 0,
      },
      {
        opd: 'B',
        stages: { drum_up: 0, diagnose: 0, design: 0, deliver: 0, display: 0 },
        unstaged: 1,
      },
    ]);
    expect(p.stagesWithoutEvidence).toStrictEqual([
      { opd: 'A', nama: 'Dua', stages: ['diagnose', 'design', 'documentation'] },
    ]);
  });

  it('refuses an unknown stage as an input error', async () => {
    await expect(
      evaluatePortfolio({
        pemda: 'Kota Batu',
        tahun: 2023,
        units: [],
        inovasi: [innovation('A', undefined, { labinov: { tahap: 'deploy' } })],
      }),
    ).resolves.toMatchObject({ invalid: [{ index: 0 }] });
  });
});
