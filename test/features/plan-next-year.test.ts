import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/index.js';
import { planRegion } from '../../src/plan.js';
import { eligibleRecord } from '../helpers.js';

/** A region of T = `tahun` with an innovation of each kind the next edition treats apart. */
function region(tahun: number) {
  const record = (nama: string, fields: Record<string, unknown>) =>
    eligibleRecord({ nama, pemda: 'Kabupaten Uji', tahun, urusan: ['kesehatan'], ...fields });
  return {
    pemda: 'Kabupaten Uji',
    tahun,
    spd: {},
    inovasi: [
      // Implemented at the start of this window: next year's leaves it behind.
      record('Lama', { waktuPenerapan: `${tahun - 2}-03-01` }),
      // As old, but developed inside next year's window: it stays.
      record('Dikembangkan', {
        waktuPenerapan: `${tahun - 2}-03-01`,
        waktuPengembangan: `${tahun - 1}-06-01`,
      }),
      // Implemented last year: inside both windows. Its SDM document is dated T-2, inside this
      // year's period (T-2..T) and outside next year's (T-1..T+1); its SK is dated in the year of
      // implementation, which is the rule of a regulation in every year.
      record('Baru', {
        waktuPenerapan: `${tahun - 1}-02-01`,
        indikator: {
          regulasi: {
            jenis: 'sk_kepala_daerah',
            bukti: [
              { jenis: 'SK Bupati', nomor: '7/2025', tanggal: `${tahun - 1}-01-20`, url: 'sk.pdf' },
            ],
          },
          sdm: {
            jumlah: 5,
            bukti: [{ jenis: 'SK Tim', nomor: '3', tanggal: `${tahun - 2}-05-01`, url: 'tim.pdf' }],
          },
        },
      }),
    ],
  };
}

describe('planRegion with years: 2', () => {
  it('names the innovation leaving the window, with the development that keeps it and its cost', async () => {
    const plan = await planRegion(region(2026), { years: 2, budget: 0 });
    const next = plan.nextYear;
    expect(next?.tahun).toBe(2027);
    expect(next?.window).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(next?.leaving.map((l) => l.nama)).toEqual(['Lama']);
    expect(next?.leaving[0]).toMatchObject({
      innovation: 0,
      waktuPenerapan: '2024-03-01',
      develop: { from: '2025-01-01', by: '2026-12-31', cost: 20 },
    });
    expect(next?.leaving[0]?.message).toContain('2026-12-31');
    expect(next?.leaving[0]?.message).toContain('tanggal pengembangan');
  });

  it('reports a document dated outside next year’s period, and not the SK of the year of implementation', async () => {
    const next = (await planRegion(region(2026), { years: 2, budget: 0 })).nextYear;
    const baru = next?.problems.filter((p) => p.nama === 'Baru') ?? [];
    expect(baru.map((p) => [p.code, p.indicator, p.fields])).toEqual([
      ['bukti_di_luar_periode', 'sdm', ['indikator.sdm.bukti.0.tanggal']],
    ]);
    expect(baru[0]?.message).toContain('2024-05-01');
    // Nothing that is wrong this year already is repeated as next year's.
    expect(next?.problems.every((p) => p.code !== 'penerapan_di_luar_jendela')).toBe(true);
  });

  it('states an unpublished edition as an assumption, and a published one by its letter', async () => {
    const unpublished = (await planRegion(region(2026), { years: 2, budget: 0 })).nextYear;
    expect(unpublished?.assumed).toBe(true);
    expect(unpublished?.assumptions.some((a) => a.includes('IGA 2027 belum ditetapkan'))).toBe(
      true,
    );
    const published = (await planRegion(region(2025), { years: 2, budget: 0 })).nextYear;
    expect(published?.tahun).toBe(2026);
    expect(published?.assumed).toBe(false);
    expect(published?.citation).toContain('400.10.11/1887/BSKDN');
    expect(published?.assumptions).toHaveLength(1);
    expect(published?.leaving.map((l) => l.nama)).toEqual(['Lama']);
  });

  it('takes the development cost from the call, and speaks English on request', async () => {
    const plan = await planRegion(region(2026), {
      years: 2,
      budget: 0,
      costs: { develop: 35 },
      locale: 'en',
    });
    expect(plan.nextYear?.leaving[0]?.develop?.cost).toBe(35);
    expect(plan.nextYear?.leaving[0]?.message).toContain('leaves the IGA 2027 window');
    expect(plan.nextYear?.leaving[0]?.message).toContain('35 person-days');
  });

  it('is absent by default, and refuses any other number of years', async () => {
    expect((await planRegion(region(2026), { budget: 0 })).nextYear).toBeUndefined();
    await expect(planRegion(region(2026), { years: 3 as never })).rejects.toThrow(
      InvalidOptionError,
    );
  });
});
