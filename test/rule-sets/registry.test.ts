import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkRuleSet,
  type EligibilityRuleSet,
  evaluate,
  getRuleSet,
  InvalidRuleSetError,
  listRuleSets,
  loadRuleSet,
  UnknownRuleSetError,
} from '../../src/index.js';
import { loadRuleSetAmong, shippedRuleSets } from '../../src/rule-sets/registry.js';
import { eligibleRecord, fixture } from '../helpers.js';

const batuRuleSet = () => getRuleSet('perwali-batu-36-2022') as EligibilityRuleSet;
const pp38RuleSet = () => getRuleSet('pp-38-2017') as EligibilityRuleSet;
const paths = (issues: readonly { path: (string | number)[] }[]) =>
  issues.map((i) => i.path.join('.'));

describe('shipped rule sets', () => {
  it('lists PP 38/2017 and Perwali Batu, Batu extending the national one', () => {
    const list = listRuleSets();
    expect(list.find((r) => r.id === 'pp-38-2017')).toMatchObject({
      kind: 'eligibility',
      builtIn: true,
    });
    expect(list.find((r) => r.id === 'perwali-batu-36-2022')).toMatchObject({
      extends: 'pp-38-2017',
      builtIn: true,
    });
  });

  it("says what each encodes: a regulation, or a competition's entry rules, inherited", () => {
    const purpose = (id: string) => (getRuleSet(id) as EligibilityRuleSet).purpose;
    expect(purpose('pp-38-2017')).toBe('regulation');
    expect(purpose('perwali-batu-36-2022')).toBe('regulation');
    expect(purpose('kipp-permenpanrb-91-2021')).toBe('regulation');
    for (const id of ['kipp-2022', 'kipp-2025', 'kipp-2025-evaluasi', 'kovablik-jatim-2022']) {
      expect(purpose(id), id).toBe('competition');
    }
    // kovablik-jatim-2025 says nothing and inherits from KOVABLIK 2022.
    expect(purpose('kovablik-jatim-2025')).toBe('competition');
    const file = {
      id: 'uji-turunan-kovablik',
      kind: 'eligibility',
      extends: 'kovablik-jatim-2022',
      title: { id: 'Uji', en: 'Test' },
      jurisdiction: { level: 'provinsi', name: 'Provinsi Jawa Timur' },
      legalBasis: [{ id: 'uji', title: 'Uji', citation: 'Uji' }],
      edition: '2026',
      effective: { from: '2026-01-01' },
      criteria: [],
    };
    const child = loadRuleSetAmong(file, shippedRuleSets()) as EligibilityRuleSet;
    expect(child.purpose).toBe('competition');
    expect(() => loadRuleSetAmong({ ...file, purpose: 'lomba' }, shippedRuleSets())).toThrow(
      InvalidRuleSetError,
    );
    const own = loadRuleSetAmong({ ...file, purpose: 'regulation' }, shippedRuleSets());
    expect((own as EligibilityRuleSet).purpose).toBe('regulation');
  });

  it('resolves Batu: criteria 1, 2, 3 (4a, 4b), 5, 6 with their checks', () => {
    const batu = batuRuleSet();
    expect(batu.lineage).toStrictEqual(['pp-38-2017']);
    expect(
      batu.criteria.map((c) => [c.ref, c.id, c.checks.map((k) => k.ref ?? k.id)]),
    ).toStrictEqual([
      ['1', 'pembaharuan', ['kebaruan_ada']],
      ['2', 'bermanfaat', ['manfaat_ada', 'bukan_kepentingan_pribadi']],
      ['3', 'tidak_membebani', ['4a', '4b']],
      [
        '5',
        'kewenangan_daerah',
        [
          'urusan_kewenangan_daerah',
          'urusan_sesuai_tingkat',
          'sub_urusan_sesuai_tingkat',
          'dapat_direplikasi',
        ],
      ],
      ['6', 'dapat_direplikasi', ['prasyarat_replikasi']],
    ]);
  });

  it('carries its own and inherited legal basis and assumptions', () => {
    const batu = batuRuleSet();
    expect(batu.legalBasis.map((l) => l.id)).toStrictEqual([
      'perwali-batu-36-2022',
      'se-batu-065-186-2023',
      'pp-38-2017',
      'uu-23-2014',
    ]);
    expect(batu.assumptions.map((a) => a.id)).toContain('teks-perwali-tidak-tersedia');
    expect(batu.assumptions.map((a) => a.id)).toContain('pasal-kriteria-belum-terverifikasi');
  });

  it('gives every criterion a citation', () => {
    for (const { id } of listRuleSets()) {
      const ruleSet = getRuleSet(id);
      const citations =
        ruleSet.kind === 'eligibility'
          ? ruleSet.criteria.map((c) => c.citation)
          : ruleSet.kind === 'rubric'
            ? ruleSet.indicators.map((i) => i.citation)
            : ruleSet.stages.map((s) => s.citation);
      for (const citation of citations) expect(citation.length).toBeGreaterThan(5);
    }
  });

  it('is frozen', () => {
    const pp = pp38RuleSet();
    expect(Object.isFrozen(pp.criteria[0]?.checks[0]?.conditions)).toBe(true);
  });

  it('throws UnknownRuleSetError for an unknown id', () => {
    expect(() => getRuleSet('perbup-atlantis')).toThrow(UnknownRuleSetError);
  });
});

describe('loadRuleSet: a region of your own', () => {
  const contoh = fixture('../../examples/perbup-contoh.json');

  it('adds, replaces and removes on top of PP 38/2017 with no code change', async () => {
    // `replace`: the example's own cases (test/features/cases) may have loaded it already.
    const ruleSet = loadRuleSet(contoh, { replace: true }) as EligibilityRuleSet;
    expect(ruleSet.criteria.map((c) => c.id)).toStrictEqual([
      'pembaharuan',
      'bermanfaat',
      'tidak_membebani',
      'kewenangan_daerah',
      'dapat_direplikasi',
      'rancang_bangun_lengkap',
    ]);
    expect(ruleSet.criteria[2]?.checks.map((c) => c.id)).toStrictEqual([
      'pungutan_berdasar_peraturan',
    ]);
    expect(listRuleSets().find((r) => r.id === 'perbup-contoh-2024')?.builtIn).toBe(false);

    const short = await evaluate(eligibleRecord({ rancangBangun: 'Terlalu singkat.' }), {
      ruleSet: 'perbup-contoh-2024',
    });
    expect(short.verdict).toBe('not_eligible');
    expect(short.criteria.at(-1)?.reasons[0]?.fields).toStrictEqual(['rancangBangun']);

    const long = await evaluate(
      eligibleRecord({ rancangBangun: 'kata '.repeat(300), membatasiAkses: true }),
      {
        ruleSet,
      },
    );
    expect(long.verdict).toBe('eligible');
  });

  it('lists every problem of a broken rule set with its JSON path', () => {
    const error = (() => {
      try {
        loadRuleSet(fixture('rule-sets/broken.json'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRuleSetError);
    const issues = (error as InvalidRuleSetError).issues;
    expect(paths(issues)).toStrictEqual(
      expect.arrayContaining([
        'id',
        'title.en',
        'jurisdiction.level',
        'legalBasis',
        'effective.from',
        'criteria.0.checks.0.conditions.all.0.fact',
        'criteria.0.checks.0.conditions.all.1.path',
        'criteria.0.checks.0.conditions.all.2.operator',
        'criteria.0.checks.0.conditions.all.3.any',
      ]),
    );
    expect((error as InvalidRuleSetError).code).toBe('E_INVALID_RULE_SET');
  });

  it('checks that fields and placeholders match the conditions', () => {
    const ruleSet = structuredClone(contoh) as {
      criteria: { checks?: { fields: string[]; messages: { fail: { en: string } } }[] }[];
    };
    const check = ruleSet.criteria[2]?.checks?.[0];
    if (!check) throw new Error('fixture changed');
    check.fields = ['rancangBangun', 'tujuan'];
    check.messages.fail.en = 'Too short: {hasil}';
    expect(paths(checkRuleSet(ruleSet))).toStrictEqual([
      'criteria.2.checks.0.fields.1',
      'criteria.2.checks.0.messages.fail.en',
    ]);
  });

  it.each([
    ['extends a rule set that is not loaded', { extends: 'perbup-lain' }, 'extends'],
    ['removes an unknown criterion', { remove: ['tidak_ada'] }, 'remove.0'],
    ['has an unknown kind', { kind: 'scoring' }, 'kind'],
    [
      'uses a condition reference',
      {
        criteria: [
          {
            id: 'x',
            title: { id: 'x', en: 'x' },
            citation: 'Pasal 1',
            checks: [
              {
                id: 'y',
                conditions: { all: [{ condition: 'shared' }] },
                fields: ['kebaruan'],
                messages: {
                  pass: { id: 'a', en: 'a' },
                  fail: { id: 'a', en: 'a' },
                  unknown: { id: 'a', en: 'a' },
                },
              },
            ],
          },
        ],
      },
      'criteria.0.checks.0.conditions.all.0.condition',
    ],
  ])('rejects a rule set that %s', (_, change, path) => {
    const issues = checkRuleSet({ ...(contoh as object), ...change });
    expect(paths(issues)).toContain(path);
  });

  it.each([
    [
      'a JSONPath expression',
      { fact: 'indikator', path: '$..sdm', operator: 'equal', value: 1 },
      'path',
    ],
    [
      'a path through a prototype',
      { fact: 'indikator', path: 'sdm.constructor', operator: 'equal', value: 1 },
      'path',
    ],
    ['a fact named constructor', { fact: 'constructor', operator: 'equal', value: 1 }, 'fact'],
    ['an unknown operator', { fact: 'kebaruan', operator: 'regex', value: '.*' }, 'operator'],
    [
      'a list operator given a fact reference',
      { fact: 'kebaruan', operator: 'in', value: { fact: 'urusan' } },
      'value',
    ],
    [
      'fact params',
      { fact: 'kebaruan', operator: 'equal', value: 'x', params: { a: 1 } },
      'params',
    ],
  ])('refuses a condition with %s', (_, leaf, key) => {
    const ruleSet = structuredClone(contoh) as {
      criteria: { checks?: { conditions: unknown; fields: string[] }[] }[];
    };
    const check = ruleSet.criteria[2]?.checks?.[0];
    if (!check) throw new Error('fixture changed');
    check.conditions = { all: [leaf] };
    expect(paths(checkRuleSet(ruleSet))).toContain(`criteria.2.checks.0.conditions.all.0.${key}`);
  });

  it('refuses __proto__ and constructor keys in a rule set, and Object.prototype stays clean', () => {
    const text = readFileSync(
      new URL('../../examples/perbup-contoh.json', import.meta.url),
      'utf8',
    ).replace(
      '"edition": "2024",',
      '"edition": "2024", "__proto__": { "polluted": true }, "constructor": { "prototype": { "bad": true } },',
    );
    expect(checkRuleSet(JSON.parse(text))[0]).toMatchObject({
      path: [],
      code: 'unrecognized_keys',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
  });

  it('refuses to replace a shipped rule set', () => {
    const pp38 = JSON.parse(
      readFileSync(new URL('../../rules/pp-38-2017.json', import.meta.url), 'utf8'),
    );
    expect(checkRuleSet(pp38)).toStrictEqual([]);
    expect(() => loadRuleSet(pp38)).toThrow(/shipped rule set and cannot be replaced/);
  });
});

describe('loading never touches the caller’s objects, and refuses what would be silent', () => {
  const pp38 = () =>
    JSON.parse(readFileSync(new URL('../../rules/pp-38-2017.json', import.meta.url), 'utf8'));
  const own = (id: string, extra: object = {}) => ({
    ...pp38(),
    id,
    extends: 'pp-38-2017',
    criteria: [],
    legalBasis: [
      { id: `${id}-src`, title: 'Perbup Uji', citation: 'Perbup Uji 1/2026', status: 'secondary' },
    ],
    assumptions: [],
    ...extra,
  });

  it('refuses options it cannot read as an option error, never the thrown error itself', () => {
    const hostile = new Proxy(
      { replace: true },
      {
        get() {
          throw new Error('getter');
        },
      },
    );
    let thrown: unknown;
    try {
      loadRuleSet(own('perbup-proxy'), hostile);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'E_INVALID_OPTION',
      issues: [{ path: [], code: 'unreadable' }],
    });
    expect(listRuleSets().some((r) => r.id === 'perbup-proxy')).toBe(false);
  });

  it('leaves the caller’s rule set unfrozen, whether it loads or is only checked', () => {
    const json = own('uji-tidak-beku');
    checkRuleSet(json);
    loadRuleSet(json);
    expect(Object.isFrozen(json)).toBe(false);
    expect(Object.isFrozen(json.legalBasis)).toBe(false);
    json.title.id = 'diubah di editor';
    expect(getRuleSet('uji-tidak-beku').title.id).not.toBe('diubah di editor');
  });

  it('refuses a second load of the same id unless told to replace, and a cycle through replacement', () => {
    loadRuleSet(own('uji-a'));
    const again = () => loadRuleSet(own('uji-a'));
    expect(again).toThrow(/already loaded; to replace it, load with \{ replace: true \}/);
    expect(loadRuleSet(own('uji-a', { edition: '2027' }), { replace: true }).edition).toBe('2027');
    loadRuleSet(own('uji-b', { extends: 'uji-a' }));
    expect(() => loadRuleSet(own('uji-a', { extends: 'uji-b' }), { replace: true })).toThrow(
      /would extend itself through uji-b → uji-a/,
    );
    expect(() => loadRuleSet(own('uji-c'), { replace: 'yes' } as never)).toThrow(
      /replace must be true or false/,
    );
  });

  it('refuses a replacement of another kind: a rubric of yours stays the rubric its scores use', async () => {
    const rubric = {
      ...JSON.parse(readFileSync('rules/iga-2026.json', 'utf8')),
      id: 'uji-rubrik-sendiri',
    };
    loadRuleSet(rubric);
    const before = await evaluate({ nama: 'x', tahun: 2026 }, { rubric: 'uji-rubrik-sendiri' });
    let issues: readonly unknown[] = [];
    try {
      loadRuleSet(own('uji-rubrik-sendiri'), { replace: true });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRuleSetError);
      issues = (error as InvalidRuleSetError).issues;
    }
    expect(issues).toStrictEqual([
      expect.objectContaining({
        path: ['id'],
        params: expect.objectContaining({ rule: 'id_of_other_kind', kind: 'rubric' }),
      }),
    ]);
    expect(getRuleSet('uji-rubrik-sendiri').kind).toBe('rubric');
    const after = await evaluate({ nama: 'x', tahun: 2026 }, { rubric: 'uji-rubrik-sendiri' });
    expect(after.basis.rubric).toStrictEqual(before.basis.rubric);
    // The same kind still replaces.
    expect(loadRuleSet({ ...rubric, edition: '2027' }, { replace: true }).edition).toBe('2027');
  });

  it('refuses duplicate legal-basis and assumption ids', () => {
    const source = { id: 'dup', title: 'x', citation: 'x', status: 'secondary' };
    const text = { id: 'a', en: 'a' };
    const issues = checkRuleSet(
      own('uji-dup', {
        legalBasis: [source, source],
        assumptions: [
          { id: 'sama', text },
          { id: 'sama', text },
        ],
      }),
    );
    expect(issues.map((i) => [i.path.join('.'), i.message])).toStrictEqual([
      ['legalBasis.1.id', 'duplicate id "dup"'],
      ['assumptions.1.id', 'duplicate id "sama"'],
    ]);
  });

  it('refuses a leaf value nested 20,000 deep without overflowing the stack', () => {
    let value: unknown = 1;
    for (let i = 0; i < 20_000; i++) value = [value];
    const json = pp38();
    json.criteria[0].checks[0].conditions = {
      all: [{ fact: 'kebaruan', operator: 'equal', value }],
    };
    const issues = checkRuleSet({ ...json, id: 'uji-dalam' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'too_deep' });
    expect(issues[0]?.path.slice(0, 6)).toStrictEqual([
      'criteria',
      0,
      'checks',
      0,
      'conditions',
      'all',
    ]);
  });

  it('reports a duplicate SPD id of a rubric at its full path', () => {
    const iga = JSON.parse(
      readFileSync(new URL('../../rules/iga-2026.json', import.meta.url), 'utf8'),
    );
    iga.id = 'iga-uji';
    iga.region.spd[20] = { ...iga.region.spd[0] };
    const issue = checkRuleSet(iga).find((i) => i.message.startsWith('duplicate id'));
    expect(issue?.path).toStrictEqual(['region', 'spd', 20, 'id']);
  });
});

describe('checkRuleSet: every problem of a file in one pass', () => {
  const file = JSON.parse(
    readFileSync(new URL('../fixtures/rule-sets/five-mistakes.json', import.meta.url), 'utf8'),
  );

  it('reports the misspelt fact, operator and extends, the bad value, placeholder and missing text at once', () => {
    const issues = checkRuleSet(file);
    expect(issues.map((i) => [i.path.join('.'), i.code, i.suggestion])).toStrictEqual([
      ['criteria.0.checks.0.conditions.all.0.fact', 'unknown_fact', 'tahapan'],
      ['criteria.0.checks.0.conditions.all.0.value', 'invalid_value', 'penerapan'],
      ['criteria.0.checks.0.messages.fail.en', 'invalid_type', undefined],
      ['criteria.0.checks.0.messages.fail.id', 'unknown_placeholder', 'tahapan'],
      ['criteria.0.checks.1.conditions.all.0.operator', 'unknown_operator', 'greaterThan'],
      ['extends', 'unknown_rule_set', 'pp-38-2017'],
    ]);
    expect(issues[0]?.message).toContain('use a field of the innovation record (id, nama');
    expect(issues[1]?.message).toBe(
      '"Penerapan" is not a value of tahapan (did you mean "penerapan"?): it holds one of inisiatif, uji_coba, penerapan',
    );
    expect(issues[2]?.message).toBe('the English text (en) is missing');
    expect(issues[5]?.message).toBe(
      'extends "pp-38-2071", which is no rule set: did you mean "pp-38-2017"?',
    );
  });

  it('keeps zod’s word for a key that is there but wrong, and says an empty place is required', () => {
    const ruleSet = structuredClone(file);
    ruleSet.extends = 'pp-38-2017';
    ruleSet.title = 5;
    // A hole in a list (a JavaScript array with a gap) is a value that is not there.
    ruleSet.legalBasis = [undefined];
    const issues = checkRuleSet(ruleSet);
    expect(issues.find((i) => i.path.join('.') === 'title')?.message).toBe(
      'Invalid input: expected object, received number',
    );
    expect(issues.find((i) => i.path.join('.') === 'legalBasis.0')?.message).toBe(
      'a value is required (object)',
    );
  });

  it('says a missing key is required, and why a criterion needs its citation', () => {
    const ruleSet = structuredClone(file);
    ruleSet.extends = 'pp-38-2017';
    ruleSet.criteria = [{ id: 'uji', title: { id: 'Uji', en: 'Test' } }];
    delete ruleSet.title;
    expect(checkRuleSet(ruleSet)).toStrictEqual([
      { path: ['title'], code: 'invalid_type', message: '"title" is required (object)' },
      {
        path: ['criteria', 0, 'citation'],
        code: 'invalid_type',
        message:
          '"citation" is required (string): every rule carries its legal citation, e.g. "Perbup Malang 12/2023, Pasal 5 huruf a"',
      },
    ]);
  });

  it.each([
    [
      '{"id": "perbup-x", "kind": "eligibility"}',
      'a string: the text of a file, not yet parsed (JSON.parse it first)',
    ],
    [[{ id: 'perbup-x' }], 'an array: give the rule sets one by one'],
    [7, 'a number'],
    [null, 'null'],
    ['perbup-x', 'a string'],
  ])('refuses %j as no rule set, saying what it is', (input, found) => {
    const issues = [
      {
        path: [],
        code: 'invalid_type',
        message: `a rule set is a JSON object (a parsed rule-set file); found ${found}`,
      },
    ];
    expect(checkRuleSet(input)).toStrictEqual(issues);
    expect(() => loadRuleSet(input)).toThrow(InvalidRuleSetError);
  });

  it.each([
    ['kebaruan', 'equal', 'baru', 'invalid_value'],
    ['kebaruan', 'in', ['seluruh', 'semua'], 'invalid_value'],
    ['manfaatBagi', 'contains', 'pad', 'invalid_value'],
    ['urusan', 'contains', 'agama_islam', 'invalid_value'],
    ['tahun', 'greaterThan', 2300, undefined],
    ['tahapan', 'greaterThan', 1, 'invalid_operator_for_field'],
    ['dapatDireplikasi', 'equal', 'ya', 'invalid_value'],
    ['kebaruan', 'in', ['seluruh', 'sebagian'], undefined],
    ['urusan', 'contains', '1.02', undefined],
  ])('a %s %s %j condition: %s', (fact, operator, value, code) => {
    const ruleSet = structuredClone(file);
    ruleSet.extends = 'pp-38-2017';
    ruleSet.criteria = [
      {
        id: 'uji',
        title: { id: 'Uji', en: 'Test' },
        citation: 'Perbup Uji 1/2024',
        checks: [
          {
            id: 'uji_nilai',
            conditions: { all: [{ fact, operator, value }] },
            fields: [fact],
            messages: {
              pass: { id: 'ya', en: 'yes' },
              fail: { id: 'tidak', en: 'no' },
              unknown: { id: 'isi', en: 'fill in' },
            },
          },
        ],
      },
    ];
    expect(checkRuleSet(ruleSet).map((i) => i.code)).toStrictEqual(code ? [code] : []);
  });
});

describe('an edition that was not held', () => {
  it('says KIPP 2024 was not held, with its source, instead of a did-you-mean', async () => {
    const {
      getRuleSet: get,
      evaluate: run,
      UnknownRuleSetError: Unknown,
    } = await import('../../src/index.js');
    expect(() => get('kipp-2024')).toThrow(/KIPP 2024 was not held/);
    const error = await run({ nama: 'x' }, { ruleSet: 'kipp-2024' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Unknown);
    expect((error as InstanceType<typeof Unknown>).notHeld?.citation).toContain(
      'B/51/S.PP.00.05/2024',
    );
    expect((error as InstanceType<typeof Unknown>).suggestion).toBeUndefined();
    expect(() => get('kipp-2099')).toThrow(/Unknown rule set "kipp-2099"/);
  });
});
