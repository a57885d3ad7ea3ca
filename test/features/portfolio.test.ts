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
