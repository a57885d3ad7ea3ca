import { describe, expect, it } from 'vitest';
import {
  checkRuleSet,
  evaluateAll,
  loadRuleSet,
  type MultiEvaluation,
  UnknownRuleSetError,
} from '../../src/index.js';
import { eligibleRecord } from '../helpers.js';

const kovablik = (proposal: Record<string, number>, presentasi: Record<string, number> = {}) =>
  eligibleRecord({ kovablik: { proposal, presentasi } });

const weighted = (result: MultiEvaluation, id: string) => {
  const r = result.results.find((x) => x.ruleSet.id === id);
  if (r?.kind !== 'weighted') throw new Error(`no weighted result ${id}`);
  return r;
};

describe('KOVABLIK weighted scoring (kovablik-jatim)', () => {
  it('weights the proposal sections 10/15/5/30/20/5/15 and the presentation 30/50/10/10', async () => {
    const result = await evaluateAll(
      kovablik(
        {
          latarBelakang: 80,
          kebaruan: 75,
          implementasi: 70,
          signifikansi: 85,
          adaptabilitas: 60,
          sumberDaya: 70,
          keberlanjutan: 65,
        },
        { paparan: 90, materi: 80, video: 100, kehadiran: 50 },
      ),
      { ruleSets: ['kovablik-jatim'] },
    );
    const [proposal, presentasi] = weighted(result, 'kovablik-jatim').stages;
    // 8 + 11.25 + 3.5 + 25.5 + 12 + 3.5 + 9.75
    expect(proposal?.total).toBe(73.5);
    expect(proposal?.nodes.find((n) => n.id === 'signifikansi')).toMatchObject({
      weight: 30,
      raw: 85,
      stored: 25.5,
    });
    // 27 + 40 + 10 + 5
    expect(presentasi?.total).toBe(82);
    expect([proposal?.missing, presentasi?.missing]).toStrictEqual([[], []]);
  });

  it('counts an empty section as 0 and lists it as missing', async () => {
    const result = await evaluateAll(kovablik({ signifikansi: 100 }), {
      ruleSets: ['kovablik-jatim'],
    });
    const [proposal, presentasi] = weighted(result, 'kovablik-jatim').stages;
    expect(proposal?.total).toBe(30);
    expect(proposal?.missing).toHaveLength(6);
    expect(presentasi?.total).toBe(0);
  });

  it("rolls up nested groups: a leaf stores raw × weight / 100, a parent its children's sum × its weight / 100", async () => {
    const tree = loadRuleSet({
      id: 'lomba-contoh',
      kind: 'weighted',
      title: { id: 'Lomba contoh', en: 'Example contest' },
      jurisdiction: { level: 'kota', name: 'Kota Contoh' },
      legalBasis: [{ id: 'juknis', title: 'Juknis lomba contoh', citation: 'Juknis 2024' }],
      edition: '2024',
      effective: { from: '2024-01-01' },
      stages: [
        {
          id: 'tahap_1',
          title: { id: 'Tahap 1', en: 'Stage 1' },
          citation: 'Juknis 2024, Lampiran',
          nodes: [
            {
              id: 'substansi',
              title: { id: 'Substansi', en: 'Substance' },
              weight: 60,
              children: [
                {
                  id: 'baru',
                  title: { id: 'Kebaruan', en: 'Novelty' },
                  weight: 50,
                  field: 'kovablik.proposal.kebaruan',
                },
                {
                  id: 'dampak',
                  title: { id: 'Dampak', en: 'Impact' },
                  weight: 40,
                  field: 'kovablik.proposal.signifikansi',
                },
              ],
            },
            {
              id: 'sajian',
              title: { id: 'Sajian', en: 'Delivery' },
              weight: 30,
              field: 'kovablik.presentasi.paparan',
            },
          ],
        },
      ],
    });
    const result = await evaluateAll(
      kovablik({ kebaruan: 80, signifikansi: 50 }, { paparan: 100 }),
      {
        ruleSets: [tree],
      },
    );
    const [stage] = weighted(result, 'lomba-contoh').stages;
    // substansi: (80 × 0.5 + 50 × 0.4) × 0.6 = 36; sajian: 30; siblings sum to 90, so at most 90.
    expect(stage?.nodes.map((n) => n.stored)).toStrictEqual([36, 30]);
    expect(stage?.total).toBe(66);
  });

  it('rejects a malformed weighted rule set with paths', () => {
    const issues = checkRuleSet({
      id: 'rusak',
      kind: 'weighted',
      title: { id: 'x', en: 'x' },
      jurisdiction: { level: 'kota', name: 'x' },
      legalBasis: [{ id: 'x', title: 'x', citation: 'x' }],
      edition: '1',
      effective: { from: '2024-01-01' },
      stages: [
        {
          id: 's',
          title: { id: 'x', en: 'x' },
          citation: 'x',
          nodes: [
            {
              id: 'a',
              title: { id: 'x', en: 'x' },
              weight: 70,
              field: 'kovablik.proposal.kebaruan',
            },
            { id: 'b', title: { id: 'x', en: 'x' }, weight: 40, field: 'nilaiSihir' },
          ],
        },
      ],
    });
    expect(issues.map((i) => i.path.join('.'))).toStrictEqual(
      expect.arrayContaining(['stages.0.nodes.1.field', 'stages.0.nodes']),
    );
  });
});

describe('several rule sets at once', () => {
  it('judges one record by Perwali Batu, KIPP 2023, IGA and KOVABLIK, each with its own verdict and citations', async () => {
    const record = eligibleRecord({
      waktuPenerapan: '2021-06-01',
      proposal: {
        ringkasan: 'x',
        latarBelakangTujuan: 'x',
        kebaruan: 'x',
        implementasi: 'x',
        signifikansi: 'x',
        adaptabilitas: 'x',
        sumberDaya: 'x',
        strategiKeberlanjutan: 'x',
      },
      kipp: {
        kelompok: 'replikasi',
        replikasiDari: ' ',
        tanggalTutupPendaftaran: '2023-03-31',
        penghargaan: [],
        sdgs: [3],
        aplikasi: false,
        judulGanda: false,
      },
      kovablik: { proposal: { signifikansi: 90 } },
    });
    const result = await evaluateAll(record, {
      ruleSets: ['perwali-batu-36-2022', 'kipp-2023', 'iga-2026', 'kovablik-jatim'],
      locale: 'en',
    });
    expect(result.results.map((r) => [r.ruleSet.id, r.kind])).toStrictEqual([
      ['perwali-batu-36-2022', 'eligibility'],
      ['kipp-2023', 'eligibility'],
      ['iga-2026', 'rubric'],
      ['kovablik-jatim', 'weighted'],
    ]);
    const [batu, kipp] = result.results;
    expect(batu?.kind === 'eligibility' && batu.verdict).toBe('eligible');
    expect(kipp?.kind === 'eligibility' && kipp.verdict).toBe('not_eligible');
    const failing =
      kipp?.kind === 'eligibility' ? kipp.criteria.filter((c) => c.status === 'fail') : [];
    expect(failing.map((c) => [c.id, c.citation])).toStrictEqual([
      ['kelompok', expect.stringContaining('Pedoman MenPANRB 3/2023')],
    ]);
    expect(failing[0]?.reasons[0]?.fields).toStrictEqual(['kipp.kelompok', 'kipp.replikasiDari']);
    expect(weighted(result, 'kovablik-jatim').stages[0]?.total).toBe(27);
  });

  it('reports an unknown rule-set id', async () => {
    await expect(evaluateAll(eligibleRecord(), { ruleSets: ['kipp-2099'] })).rejects.toThrow(
      UnknownRuleSetError,
    );
  });
});
