import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Evaluation,
  evaluate,
  evaluateAll,
  InvalidOptionError,
  InvalidRecordError,
  safeEvaluate,
  safeEvaluateAll,
} from '../../src/index.js';
import { MESSAGES } from '../../src/messages.js';
import { recordArb } from '../arbitraries.js';
import { eligibleRecord, without } from '../helpers.js';
import { runs } from '../runs.js';

const BATU = 'perwali-batu-36-2022';
const PP38 = 'pp-38-2017';

const criterion = (result: Evaluation, id: string) => {
  const found = result.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
};

describe('evaluate: a complete record', () => {
  it('is eligible under Perwali Batu, with every criterion passing in the regulation order', async () => {
    const result = await evaluate(eligibleRecord());
    expect(result.verdict).toBe('eligible');
    expect(result.ruleSet).toStrictEqual({ id: BATU, edition: '2022' });
    expect(result.criteria.map((c) => [c.ref, c.status])).toStrictEqual([
      ['1', 'pass'],
      ['2', 'pass'],
      ['3', 'pass'],
      ['5', 'pass'],
      ['6', 'pass'],
    ]);
    expect(result.missingFields).toStrictEqual([]);
    expect(result.id).toBe('fx-001');
  });

  it('is eligible under PP 38/2017, whose five criteria are (a) to (e)', async () => {
    const result = await evaluate(eligibleRecord(), { ruleSet: PP38 });
    expect(result.verdict).toBe('eligible');
    expect(result.criteria.map((c) => c.ref)).toStrictEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

// Each row: the change to a complete record, the criterion, its status, the reason code and fields.
const batuCases: [string, Record<string, unknown>, string, string, string, string[]][] = [
  [
    'kebaruan tidak',
    { kebaruan: 'tidak' },
    'pembaharuan',
    'fail',
    'kebaruan_ada_fail',
    ['kebaruan'],
  ],
  [
    'kebaruan seluruh',
    { kebaruan: 'seluruh' },
    'pembaharuan',
    'pass',
    'kebaruan_ada_pass',
    ['kebaruan'],
  ],
  [
    'no benefit chosen',
    { manfaatBagi: [] },
    'bermanfaat',
    'fail',
    'manfaat_ada_fail',
    ['manfaatBagi'],
  ],
  [
    'private interest',
    { untukKepentinganPribadi: true },
    'bermanfaat',
    'fail',
    'bukan_kepentingan_pribadi_fail',
    ['untukKepentinganPribadi'],
  ],
  [
    'levy without regulation',
    { pungutanBaru: true, pungutanSesuaiPeraturan: false },
    'tidak_membebani',
    'fail',
    'pungutan_berdasar_peraturan_fail',
    ['pungutanBaru', 'pungutanSesuaiPeraturan'],
  ],
  [
    'levy with regulation',
    { pungutanBaru: true, pungutanSesuaiPeraturan: true },
    'tidak_membebani',
    'pass',
    'pungutan_berdasar_peraturan_pass',
    ['pungutanBaru', 'pungutanSesuaiPeraturan'],
  ],
  [
    'levy, basis not stated',
    { pungutanBaru: true },
    'tidak_membebani',
    'unknown',
    'pungutan_berdasar_peraturan_unknown',
    ['pungutanSesuaiPeraturan'],
  ],
  [
    'restricts access',
    { membatasiAkses: true },
    'tidak_membebani',
    'fail',
    'akses_tidak_dibatasi_fail',
    ['membatasiAkses'],
  ],
  [
    'absolute affair',
    { urusan: ['kesehatan', 'agama'] },
    'kewenangan_daerah',
    'fail',
    'urusan_kewenangan_daerah_fail',
    ['urusan'],
  ],
  [
    'no affair chosen',
    { urusan: [] },
    'kewenangan_daerah',
    'fail',
    'urusan_kewenangan_daerah_fail',
    ['urusan'],
  ],
  [
    'supporting function',
    { urusan: ['kepegawaian'] },
    'kewenangan_daerah',
    'pass',
    'urusan_kewenangan_daerah_pass',
    ['urusan'],
  ],
  [
    'not replicable',
    { dapatDireplikasi: false },
    'kewenangan_daerah',
    'fail',
    'dapat_direplikasi_fail',
    ['dapatDireplikasi'],
  ],
  [
    'blank prerequisites',
    { prasyaratReplikasi: '   ' },
    'dapat_direplikasi',
    'fail',
    'prasyarat_replikasi_fail',
    ['prasyaratReplikasi'],
  ],
];

describe('evaluate: each Perwali Batu criterion', () => {
  it.each(batuCases)('%s', async (_, change, id, status, code, fields) => {
    const result = await evaluate(eligibleRecord(change));
    const c = criterion(result, id);
    expect(c.status).toBe(status);
    const reason = c.reasons.find((r) => r.code === code);
    expect(reason?.fields).toStrictEqual(fields);
    expect(result.verdict).toBe(
      status === 'fail' ? 'not_eligible' : status === 'unknown' ? 'incomplete' : 'eligible',
    );
  });

  it.each([
    ['kebaruan', 'pembaharuan', ['kebaruan']],
    ['manfaatBagi', 'bermanfaat', ['manfaatBagi']],
    ['untukKepentinganPribadi', 'bermanfaat', ['untukKepentinganPribadi']],
    // With no levy stated, whether it rests on a regulation is still open too.
    ['pungutanBaru', 'tidak_membebani', ['pungutanBaru', 'pungutanSesuaiPeraturan']],
    ['membatasiAkses', 'tidak_membebani', ['membatasiAkses']],
    ['urusan', 'kewenangan_daerah', ['urusan']],
    ['dapatDireplikasi', 'kewenangan_daerah', ['dapatDireplikasi']],
    ['prasyaratReplikasi', 'dapat_direplikasi', ['prasyaratReplikasi']],
  ])('a missing %s leaves %s unknown and the verdict incomplete', async (field, id, fields) => {
    const result = await evaluate(without(eligibleRecord(), field));
    expect(criterion(result, id).status).toBe('unknown');
    expect(criterion(result, id).reasons[0]?.fields).toStrictEqual(fields);
    expect(result.verdict).toBe('incomplete');
    expect(result.missingFields).toStrictEqual(fields);
  });

  it('treats null as not filled in, as forms send it', async () => {
    const result = await evaluate(eligibleRecord({ membatasiAkses: null }));
    expect(criterion(result, 'tidak_membebani').status).toBe('unknown');
  });

  it('lets a definite failure beat missing facts, in the criterion and in the verdict', async () => {
    const record = without(
      eligibleRecord({ untukKepentinganPribadi: true }),
      'manfaatBagi',
      'kebaruan',
    );
    const result = await evaluate(record);
    const c = criterion(result, 'bermanfaat');
    expect(c.status).toBe('fail');
    expect(c.reasons.map((r) => r.code)).toStrictEqual([
      'bukan_kepentingan_pribadi_fail',
      'manfaat_ada_unknown',
    ]);
    expect(result.verdict).toBe('not_eligible');
  });

  it('reports expected and actual values of a failure, and its citation', async () => {
    const result = await evaluate(
      eligibleRecord({ pungutanBaru: true, pungutanSesuaiPeraturan: false }),
    );
    const c = criterion(result, 'tidak_membebani');
    expect(c.citation).toContain('Perwali Kota Batu 36/2022');
    expect(c.reasons[0]).toStrictEqual({
      code: 'pungutan_berdasar_peraturan_fail',
      status: 'fail',
      ref: '4a',
      message: expect.stringContaining('4a'),
      fields: ['pungutanBaru', 'pungutanSesuaiPeraturan'],
      expected: [
        { field: 'pungutanBaru', operator: 'equal', value: false },
        { field: 'pungutanSesuaiPeraturan', operator: 'equal', value: true },
      ],
      actual: { pungutanBaru: true, pungutanSesuaiPeraturan: false },
    });
  });

  it('accepts urusan codes and aliases in place of ids', async () => {
    const result = await evaluate(eligibleRecord({ urusan: ['1.02', '2.08'] }));
    expect(criterion(result, 'kewenangan_daerah').status).toBe('pass');
    expect(criterion(result, 'kewenangan_daerah').reasons[0]?.message).toContain(
      'Kesehatan, Pemberdayaan Perempuan dan Pelindungan Anak',
    );
  });
});

describe('evaluate: PP 38/2017 differs from Batu where Batu tightens it', () => {
  it('does not look at private interest or replication prerequisites', async () => {
    const record = without(eligibleRecord({ untukKepentinganPribadi: true }), 'prasyaratReplikasi');
    expect((await evaluate(record, { ruleSet: PP38 })).verdict).toBe('eligible');
    expect((await evaluate(record, { ruleSet: BATU })).verdict).toBe('not_eligible');
  });
});

describe('evaluate: locales', () => {
  it('writes titles and messages in Indonesian by default and in English on request', async () => {
    const record = eligibleRecord({ membatasiAkses: true });
    const id = criterion(await evaluate(record), 'tidak_membebani');
    const en = criterion(await evaluate(record, { locale: 'en' }), 'tidak_membebani');
    expect(id.title).toMatch(/^Tidak mengakibatkan/);
    expect(en.title).toMatch(/^Imposes no burden/);
    expect(id.reasons[0]?.message).toMatch(/membatasi akses/);
    expect(en.reasons[0]?.message).toMatch(/restricts access/);
    expect(en.reasons[0]?.code).toBe(id.reasons[0]?.code);
  });

  it('fills placeholders with the record values in the locale', async () => {
    const result = await evaluate(eligibleRecord({ kebaruan: 'tidak' }), { locale: 'en' });
    expect(criterion(result, 'pembaharuan').reasons[0]?.message).toContain('(kebaruan: tidak)');
  });

  it('rejects an unknown locale as an invalid option, naming it', async () => {
    const error = await evaluate(eligibleRecord(), { locale: 'fr' as 'en' }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.code).toBe('E_INVALID_OPTION');
    expect(error.issues).toStrictEqual([
      { path: ['locale'], code: 'invalid_value', message: 'locale must be "id" or "en"; got "fr"' },
    ]);
  });

  it('rejects options of the wrong type instead of reading them', async () => {
    const wrong = [
      [null, []],
      ['pp-38-2017', []],
      [{ ruleSet: 5 }, ['ruleSet']],
      [{ rubric: ['iga-2026'] }, ['rubric']],
    ] as const;
    for (const [options, path] of wrong) {
      const error = await evaluate(eligibleRecord(), options as never).catch((e) => e);
      expect(error, JSON.stringify(options)).toBeInstanceOf(InvalidOptionError);
      expect(error.issues[0].path).toStrictEqual(path);
    }
    const all = await evaluateAll(eligibleRecord(), { ruleSets: 'pp-38-2017' as never }).catch(
      (e) => e,
    );
    expect(all).toBeInstanceOf(InvalidOptionError);
    expect(all.issues[0].path).toStrictEqual(['ruleSets']);
  });

  it('refuses options it cannot read (a getter that throws, a Proxy) as an option error', async () => {
    const getter = Object.defineProperty({}, 'locale', {
      enumerable: true,
      get() {
        throw new Error('jebakan');
      },
    });
    const proxy = new Proxy(
      { ruleSets: ['pp-38-2017'] },
      {
        ownKeys() {
          throw new Error('jebakan');
        },
      },
    );
    for (const run of [
      () => evaluate(eligibleRecord(), getter),
      () => safeEvaluate(eligibleRecord(), getter),
      () => evaluateAll(eligibleRecord(), proxy),
    ]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).issues).toStrictEqual([
        { path: [], code: 'unreadable', message: 'the options could not be read: Error: jebakan' },
      ]);
    }
  });

  it('reads each option once', async () => {
    let reads = 0;
    const options = Object.defineProperty({}, 'locale', {
      enumerable: true,
      get() {
        reads += 1;
        return 'en';
      },
    });
    expect((await evaluate(eligibleRecord(), options)).locale).toBe('en');
    expect(reads).toBe(1);
  });
});

describe('evaluate: invalid input', () => {
  it('rejects with every problem and its path, never a TypeError', async () => {
    const error = await evaluate({
      nama: ' ',
      tahun: 'dua ribu',
      kebaruan: 'baru',
      urusan: ['kesehatan', 'sihir'],
      manfaatBagi: 'mutu_pelayanan',
      indikator: { sdm: { jumlah: -1 } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    const { code, issues } = error as InvalidRecordError;
    expect(code).toBe('E_INVALID_RECORD');
    expect(issues.map((i) => i.path.join('.')).sort()).toStrictEqual(
      ['indikator.sdm.jumlah', 'kebaruan', 'manfaatBagi', 'nama', 'tahun', 'urusan.1'].sort(),
    );
    expect(issues.find((i) => i.path[0] === 'urusan')?.code).toBe('unknown_urusan');
  });

  it.each([null, undefined, 42, 'text', [], [{ nama: 'x' }]])(
    'rejects %j as a record',
    async (input) => {
      await expect(evaluate(input)).rejects.toBeInstanceOf(InvalidRecordError);
    },
  );

  it('requires nama', async () => {
    const result = await safeEvaluate({ kebaruan: 'seluruh' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toStrictEqual(['nama']);
  });

  it('keeps unknown extra fields and ignores them', async () => {
    const result = await evaluate(
      eligibleRecord({ catatanInternal: 'dari formulir', nomorUrut: 7 }),
    );
    expect(result.verdict).toBe('eligible');
  });

  it('safeEvaluate returns the evaluation of a valid record', async () => {
    const result = await safeEvaluate(eligibleRecord());
    expect(result.success && result.data.verdict).toBe('eligible');
  });
});

describe('evaluate: purity', () => {
  it('never mutates its input and gives byte-identical output for the same input', async () => {
    const record = eligibleRecord({ urusan: ['1.02'], indikator: { sdm: { jumlah: 3 } } });
    const before = JSON.stringify(record);
    const first = JSON.stringify(await evaluate(record));
    const second = JSON.stringify(await evaluate(structuredClone(record)));
    expect(JSON.stringify(record)).toBe(before);
    expect(second).toBe(first);
  });

  it('on random valid records: pure, deterministic, verdict agrees with statuses, every non-pass has a reason naming a field', async () => {
    await fc.assert(
      fc.asyncProperty(recordArb, async (record) => {
        const snapshot = JSON.stringify(record);
        const result = await evaluate(record);
        expect(JSON.stringify(record)).toBe(snapshot);
        expect(JSON.stringify(await evaluate(record))).toBe(JSON.stringify(result));
        const statuses = result.criteria.map((c) => c.status);
        const expected = statuses.includes('fail')
          ? 'not_eligible'
          : statuses.includes('unknown')
            ? 'incomplete'
            : 'eligible';
        expect(result.verdict).toBe(expected);
        for (const c of result.criteria) {
          if (c.status === 'pass') continue;
          expect(c.reasons.some((r) => r.status === c.status && r.fields.length > 0)).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('on arbitrary JSON: resolves or rejects with InvalidRecordError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const result = await safeEvaluate(value);
        expect(typeof result.success).toBe('boolean');
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('safeEvaluateAll', () => {
  it('returns every rule set’s result, or the record’s problems; bad options still reject', async () => {
    const ok = await safeEvaluateAll(eligibleRecord(), { ruleSets: ['pp-38-2017', 'iga-2023'] });
    expect(ok.success).toBe(true);
    if (ok.success) {
      expect(ok.data.results.map((r) => [r.ruleSet.id, r.kind])).toStrictEqual([
        ['pp-38-2017', 'eligibility'],
        ['iga-2023', 'rubric'],
      ]);
      expect(ok.data).toStrictEqual(
        await evaluateAll(eligibleRecord(), { ruleSets: ['pp-38-2017', 'iga-2023'] }),
      );
    }
    const bad = await safeEvaluateAll({ nama: 42 }, { ruleSets: ['pp-38-2017'] });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error).toBeInstanceOf(InvalidRecordError);
      expect(bad.error.issues[0]?.path).toStrictEqual(['nama']);
    }
    await expect(safeEvaluateAll(eligibleRecord(), { ruleSets: [] })).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
  });
});

describe('the id of a record leads its result, when it has one', () => {
  it.each([
    [{ id: 'A-1' }, ['id', 'nama']],
    [{ id: 7 }, ['id', 'nama']],
    [{ id: null }, ['nama']],
    [{}, ['nama']],
  ])('%j', async (id, head) => {
    const record = { ...id, nama: 'Uji' };
    const one = await evaluate(record);
    expect(Object.keys(one).slice(0, head.length)).toStrictEqual(head);
    expect(Object.keys(one).slice(head.length)).toStrictEqual([
      'ruleSet',
      'locale',
      'verdict',
      'criteria',
      'missingFields',
      'score',
      'basis',
    ]);
    const all = await evaluateAll(record, {
      ruleSets: ['pp-38-2017', 'iga-2026', 'kovablik-jatim'],
    });
    expect(Object.keys(all)).toStrictEqual([...head, 'locale', 'results', 'basis']);
    expect(all.basis.ruleSets.map((r) => [r.id, r.why.code])).toStrictEqual([
      ['pp-38-2017', 'given'],
      ['iga-2026', 'given'],
      ['kovablik-jatim', 'given'],
    ]);
    expect(all.results.map((r) => r.kind)).toStrictEqual(['eligibility', 'rubric', 'weighted']);
    if ('id' in id && id.id !== null) expect([one.id, all.id]).toStrictEqual([id.id, id.id]);
  });
});

describe("evaluate: a record's problems in the call's language", () => {
  const bad = { nama: 5, tahun: 'x', kebaruan: 'baru', urusan: ['umkmx'] };
  const issuesOf = async (options?: { locale: 'id' | 'en' }) => {
    const result = await safeEvaluate(bad, options);
    return result.success ? [] : result.error.issues;
  };

  it('says them in Indonesian by default and in English on request, with the same paths and codes', async () => {
    const id = await issuesOf();
    const en = await issuesOf({ locale: 'en' });
    const byPath = (issues: typeof id) =>
      Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath(id)).toStrictEqual({
      nama: 'Input tidak valid: diharapkan string, diterima number',
      tahun: 'Input tidak valid: diharapkan number, diterima string',
      kebaruan: 'Pilihan tidak valid: diharapkan salah satu dari "seluruh"|"sebagian"|"tidak"',
      'urusan.0':
        'urusan "umkmx" tidak dikenal: gunakan id atau kode dari katalog urusan (mis. 1.03 atau pekerjaan_umum_dan_penataan_ruang)',
    });
    expect(byPath(en)).toMatchObject({
      nama: 'Invalid input: expected string, received number',
      'urusan.0': 'unknown urusan "umkmx": use an id or a code from the urusan catalogue',
    });
    expect(id.map(({ path, code }) => ({ path, code }))).toStrictEqual(
      en.map(({ path, code }) => ({ path, code })),
    );
    const blank = await safeEvaluate({ nama: '  ' });
    expect(blank.success ? [] : blank.error.issues).toStrictEqual([
      { path: ['nama'], code: 'too_small', message: MESSAGES.form.blank.id },
    ]);
  });
});
