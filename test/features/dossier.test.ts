import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  innovationDossier,
  regionDossier,
  renderDossier,
  verifyDossier,
} from '../../src/dossier/index.js';
import {
  evaluate,
  evaluateRegion,
  InvalidOptionError,
  InvalidRecordError,
  loadRuleSet,
} from '../../src/index.js';
import { checkSubmission } from '../../src/submission.js';
import { eligibleRecord } from '../helpers.js';

const region = JSON.parse(
  readFileSync(new URL('../../examples/kota-batu-2024.json', import.meta.url), 'utf8'),
) as { pemda: string; tahun: number; inovasi: Record<string, unknown>[] };
/** The city's first innovation as the region reports it (its region and year). */
const amongTani = { pemda: region.pemda, tahun: region.tahun, ...region.inovasi[0] };
const DATE = '2026-12-06';

/** The text a page shows for a figure. */
const figure = (html: string, key: string) =>
  new RegExp(`<span data-f="${key.replace(/\./g, '\\.')}">([^<]*)</span>`).exec(html)?.[1];

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
};

describe('innovationDossier', () => {
  it('shows what evaluate, the score and the submission check found, figure by figure', async () => {
    const dossier = await innovationDossier(amongTani, { date: DATE });
    const html = renderDossier(dossier);
    const e = await evaluate(amongTani);
    const s = await checkSubmission(amongTani);
    expect(figure(html, 'i1.verdict')).toBe('layak');
    expect(e.verdict).toBe('eligible');
    expect(figure(html, 'i1.proven')).toBe(String(e.score.proven));
    expect(figure(html, 'i1.claimed')).toBe(String(e.score.claimed));
    expect(figure(html, 'i1.atRisk')).toBe(String(s.points.atRisk));
    expect(s.points.atRisk).toBeGreaterThan(0);
    for (const ind of e.score.indicators) {
      expect(figure(html, `i1.${ind.id}.points`)).toBe(String(ind.points));
    }
    expect(figure(html, 'i1.ready')).toBe(s.ready ? 'ya' : 'tidak');
    // The stamp names the very rule sets the evaluation's basis names, with their hashes.
    expect(dossier.stamp.ruleSets.map((r) => [r.id, r.hash])).toStrictEqual([
      [e.basis.ruleSet.id, e.basis.ruleSet.hash],
      [e.basis.rubric.id, e.basis.rubric.hash],
    ]);
    expect(html).toContain(e.basis.ruleSet.hash);
    // Page numbers and the stamp are in every printed page's margin.
    expect(html).toMatch(
      /@bottom-right\{content:"Halaman " counter\(page\) " dari " counter\(pages\)/,
    );
    expect(html).toContain(`perwali-batu-36-2022 ${e.basis.ruleSet.hash.slice(7, 19)}`);
  });

  it('lists the facts each criterion read, from the trace, and links the regulation', async () => {
    const html = renderDossier(await innovationDossier(amongTani, { date: DATE }));
    // Criterion 1 (renewal) read `kebaruan`; the record says "seluruh" (Baru).
    expect(html).toMatch(/<code>kebaruan<\/code>: seluruh/);
    // The criteria cite PP 38/2017, whose source URL the rule set holds.
    expect(html).toContain('href="https://nasional.kompas.com/read/2017/09/28/');
    // A fact not given is said to be so, never left out.
    const draft = renderDossier(
      await innovationDossier(
        { nama: 'Draf', pemda: 'Kota Batu', tahun: 2024, kebaruan: 'sebagian' },
        { date: DATE },
      ),
    );
    expect(figure(draft, 'i1.verdict')).toBe('belum lengkap');
    expect(draft).toMatch(/<code>manfaatBagi<\/code>: <i>belum diisi<\/i>/);
  });

  it('prints the signatories, and blank lines for those not given', async () => {
    const html = renderDossier(
      await innovationDossier(amongTani, {
        date: DATE,
        place: 'Batu',
        signatories: {
          kepalaPerangkatDaerah: { nama: 'Ir. Contoh Nama, M.Si.', nip: '197001011995031001' },
        },
      }),
    );
    expect(html).toContain('Batu, 6 Desember 2026');
    expect(html).toContain('<b>Ir. Contoh Nama, M.Si.</b>');
    expect(html).toContain('NIP: 197001011995031001');
    const blank = renderDossier(await innovationDossier(amongTani, { date: DATE }));
    expect(blank).toMatch(/Nama: \.{36}/);
  });

  it('is English when asked', async () => {
    const html = renderDossier(await innovationDossier(amongTani, { date: DATE, locale: 'en' }));
    expect(html).toContain('<html lang="en">');
    expect(figure(html, 'i1.verdict')).toBe('eligible');
    expect(html).toContain('Page " counter(page) " of " counter(pages)');
  });

  it('escapes what a record says, and nothing in it can close the embedded data', async () => {
    const nama = 'A</script><script>alert(1)</script> \u202Egnp.exe';
    const html = renderDossier(await innovationDossier(eligibleRecord({ nama }), { date: DATE }));
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('[U+202E]gnp.exe');
    const result = await verifyDossier(html);
    expect(result.agree).toBe(true);
  });

  it('never changes the caller’s record or options', async () => {
    const record = deepFreeze(structuredClone(amongTani));
    const options = deepFreeze({
      date: DATE,
      signatories: { kepalaPerangkatDaerah: { nama: 'X' } },
    });
    await expect(innovationDossier(record, options)).resolves.toBeDefined();
  });

  it('refuses bad options and bad records with a structured error naming them', async () => {
    const refused = async (options: unknown) => {
      const error = await innovationDossier(amongTani, options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidOptionError);
      return (error as InvalidOptionError).issues.map((i) => i.path.join('.'));
    };
    expect(await refused({ date: '6/12/2026' })).toStrictEqual(['date']);
    expect(await refused({ tanggal: DATE })).toStrictEqual(['tanggal']);
    expect(await refused({ signatories: { kepalaPerangkatDaerah: { nip: '123' } } })).toStrictEqual(
      ['signatories.kepalaPerangkatDaerah.nip'],
    );
    expect(await refused({ signatories: { bupati: {} } })).toStrictEqual(['signatories.bupati']);
    expect(await refused(null)).toStrictEqual(['options']);
    const bad = await innovationDossier([amongTani, { nama: 5 }]).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidRecordError);
    expect((bad as InvalidRecordError).issues[0]?.path).toStrictEqual([1, 'nama']);
    await expect(innovationDossier([])).rejects.toBeInstanceOf(InvalidRecordError);
  });
});

describe('regionDossier', () => {
  it('shows the IID, its parts and each innovation as evaluateRegion computes them', async () => {
    const dossier = await regionDossier(region, { date: DATE });
    const html = renderDossier(dossier);
    const r = await evaluateRegion(region);
    const id = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 2 });
    expect(figure(html, 'iid')).toBe(id(r.iid));
    expect(figure(html, 'band')).toBe(r.bandTitle);
    expect(figure(html, 'sid')).toBe(id(r.sid.points));
    expect(figure(html, 'sid.divisor')).toBe(String(r.sid.divisor));
    expect(figure(html, 'total')).toBe(id(r.totalScore));
    r.innovations.forEach((inn, i) => {
      expect(figure(html, `n${i + 1}.proven`)).toBe(id(inn.kematangan));
    });
    // Rejected innovations score nothing yet count in n: the page says so.
    expect(r.rejected?.count).toBeGreaterThan(0);
    expect(html).toContain(r.rejected?.message.slice(0, 40));
    // One row per agency the innovations name, against the target of one eligible each.
    expect(dossier.portfolio.agencies.length).toBe(new Set(region.inovasi.map((x) => x.opd)).size);
    expect(html).toContain('Kepala Bappeda/BRIDA');
    expect(dossier.plan).toBeUndefined();
  });

  it('adds the plan when asked, and recomputes to the same figures', async () => {
    const dossier = await regionDossier(region, { date: DATE, plan: true });
    expect(dossier.plan?.steps.length).toBeGreaterThan(0);
    const html = renderDossier(dossier);
    expect(html).toContain(dossier.plan?.steps[0]?.message as string);
    const result = await verifyDossier(html);
    expect(result).toMatchObject({ agree: true, kind: 'region', differences: [] });
    expect(result.figures).toBeGreaterThan(30);
  });
});

describe('verifyDossier', () => {
  it('agrees with a dossier as printed, from the page or from its JSON', async () => {
    const html = renderDossier(
      await innovationDossier([amongTani, eligibleRecord()], { date: DATE }),
    );
    const fromPage = await verifyDossier(html);
    expect(fromPage.agree).toBe(true);
    expect(fromPage.dataIntact).toBe(true);
    expect(fromPage.ruleSets.every((r) => !r.changed)).toBe(true);
    expect(fromPage.messages[0]).toMatch(/^Cocok: \d+ angka/);
    const json = /<script type="application\/json" id="inovasi-rules-dossier">(.*)<\/script>/s.exec(
      html,
    )?.[1] as string;
    expect((await verifyDossier(json)).agree).toBe(true);
    expect((await verifyDossier(JSON.parse(json))).agree).toBe(true);
  });

  it('finds a figure edited by hand on the page', async () => {
    const html = renderDossier(await innovationDossier(amongTani, { date: DATE }));
    const proven = figure(html, 'i1.proven') as string;
    const edited = html.replace(
      `<span data-f="i1.proven">${proven}</span>`,
      '<span data-f="i1.proven">111</span>',
    );
    const result = await verifyDossier(edited, { locale: 'en' });
    expect(result.agree).toBe(false);
    expect(result.differences).toStrictEqual([{ figure: 'i1.proven', onPage: '111', now: proven }]);
    expect(result.messages[1]).toBe(`i1.proven: 111 in the dossier, ${proven} recomputed`);
  });

  it('finds embedded data changed after printing', async () => {
    const html = renderDossier(await innovationDossier(amongTani, { date: DATE }));
    const edited = html.replace('"kebaruan":"seluruh"', '"kebaruan":"tidak"');
    expect(edited).not.toBe(html);
    const result = await verifyDossier(edited);
    expect(result.dataIntact).toBe(false);
    expect(result.agree).toBe(false);
    expect(result.differences.map((d) => d.figure)).toContain('i1.verdict');
  });

  describe('when a rule set changes after printing', () => {
    const base = {
      $schema: '../schema/rule-set.schema.json',
      id: 'perbup-dossier-uji',
      kind: 'eligibility',
      extends: 'pp-38-2017',
      title: { id: 'Perbup uji', en: 'Test Perbup' },
      jurisdiction: { level: 'kabupaten', name: 'Kabupaten Uji' },
      legalBasis: [{ id: 'perbup-uji', title: 'Perbup Uji 1/2025', citation: 'Perbup Uji 1/2025' }],
      edition: '2025',
      effective: { from: '2025-01-01' },
      criteria: [
        {
          id: 'tim',
          title: { id: 'Ada tim', en: 'A team' },
          citation: 'Perbup Uji 1/2025 Pasal 5',
          checks: [
            {
              id: 'tim_cukup',
              fields: ['indikator.sdm.jumlah'],
              conditions: {
                all: [
                  {
                    fact: 'indikator',
                    path: 'sdm.jumlah',
                    operator: 'greaterThanInclusive',
                    value: 5,
                  },
                ],
              },
              messages: {
                pass: { id: 'Tim cukup.', en: 'Team enough.' },
                fail: { id: 'Tim terlalu kecil.', en: 'Team too small.' },
                unknown: { id: 'Isi jumlah SDM.', en: 'Fill in the team.' },
              },
            },
          ],
        },
      ],
    };
    afterAll(() => {
      loadRuleSet({ ...base }, { replace: true });
    });

    it('says which rule set changed, by its hash, and which figures moved', async () => {
      const first = loadRuleSet(base, { replace: true });
      const record = eligibleRecord({ pemda: 'Kabupaten Uji', indikator: { sdm: { jumlah: 8 } } });
      const html = renderDossier(
        await innovationDossier(record, { date: DATE, ruleSet: 'perbup-dossier-uji' }),
      );
      expect(figure(html, 'i1.verdict')).toBe('layak');
      const stricter = structuredClone(base);
      (stricter.criteria[0]?.checks[0]?.conditions.all[0] as { value: number }).value = 10;
      const second = loadRuleSet(stricter, { replace: true });
      const result = await verifyDossier(html);
      expect(result.agree).toBe(false);
      expect(result.differences).toContainEqual({
        figure: 'i1.verdict',
        onPage: 'layak',
        now: 'tidak layak',
      });
      const changed = result.ruleSets.filter((r) => r.changed);
      expect(changed).toStrictEqual([
        {
          id: 'perbup-dossier-uji',
          was: expect.stringMatching(/^sha256:/),
          now: expect.stringMatching(/^sha256:/),
          changed: true,
        },
      ]);
      expect(changed[0]?.was).not.toBe(changed[0]?.now);
      expect(first).not.toBe(second);
      expect(result.messages.join('\n')).toContain('Rule set perbup-dossier-uji berubah');
    });
  });

  it('refuses a page without a dossier, and data that is not a dossier’s', async () => {
    const none = await verifyDossier('<html><body>Laporan</body></html>').catch((e: unknown) => e);
    expect(none).toBeInstanceOf(InvalidOptionError);
    expect((none as InvalidOptionError).issues[0]?.code).toBe('no_dossier');
    const notJson = await verifyDossier(
      '<script type="application/json" id="inovasi-rules-dossier">{oops</script>',
    ).catch((e: unknown) => e);
    expect((notJson as InvalidOptionError).issues[0]?.code).toBe('invalid_json');
    const wrong = await verifyDossier({
      format: 'inovasi-rules-dossier.v1',
      kind: 'mystery',
    }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InvalidOptionError);
    expect((wrong as InvalidOptionError).issues.map((i) => i.path[1])).toContain('kind');
    await expect(verifyDossier('{}', { bahasa: 'id' } as never)).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
  });
});
