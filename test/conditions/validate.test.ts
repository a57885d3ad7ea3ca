import { describe, expect, it } from 'vitest';
import {
  conditionProblems,
  describeFieldType,
  MAX_CONDITION_DEPTH,
  normaliseCatalogued,
} from '../../src/conditions/validate.js';

// Every problem an author can make in a condition tree, each with its exact path, code and
// message: the messages are what a rule-set author reads, so their words are held here too.

const inAll = (leaf: object) => ({ all: [leaf] });
const at = (...rest: (string | number)[]) => ['all', 0, ...rest];
const OPERATORS =
  'equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, isEmpty, containsAny, containsNone, containsAll, wordCountAtLeast, wordCountAtMost, dateOnOrAfter, dateOnOrBefore, dateBefore, dateAfter, dateBetween';

describe('conditionProblems: the shape of the tree', () => {
  it.each([
    ['a list', []],
    ['a leaf', { fact: 'nama', operator: 'equal', value: 'x' }],
    ['a string', 'all'],
    ['null', null],
  ])('refuses %s at the top: it must start with all, any or not', (_, tree) => {
    expect(conditionProblems(tree)).toStrictEqual([
      { path: [], message: 'conditions must start with "all", "any" or "not"' },
    ]);
  });

  it.each(['all', 'any'])('"%s" must be a non-empty list', (op) => {
    const problem = {
      path: [op],
      message: `"${op}" must be a non-empty array of conditions`,
    };
    expect(conditionProblems({ [op]: [] })).toStrictEqual([problem]);
    expect(conditionProblems({ [op]: 'x' })).toStrictEqual([problem]);
  });

  it('a boolean condition has exactly one key', () => {
    const ok = { fact: 'nama', operator: 'isEmpty', value: false };
    expect(conditionProblems({ all: [ok], any: [ok] })).toStrictEqual([
      {
        path: [],
        message: 'a boolean condition has exactly one key (all, any or not); found all, any',
      },
    ]);
    expect(conditionProblems({ all: [{ any: [ok], extra: 1 }] })).toStrictEqual([
      {
        path: ['all', 0],
        message: 'a boolean condition has exactly one key (all, any or not); found any, extra',
      },
    ]);
  });

  it('walks into not, any and all, and finds a problem under each', () => {
    const bad = { fact: 'nama', operator: 'isEmpty', value: 1 };
    expect(
      conditionProblems({ not: { any: [{ all: [bad] }, { not: 5 }] } }).map((p) => p.path),
    ).toStrictEqual([
      ['not', 'any', 0, 'all', 0, 'value'],
      ['not', 'any', 1, 'not'],
    ]);
    expect(conditionProblems({ not: 5 })).toStrictEqual([
      { path: ['not'], message: 'a condition must be an object' },
    ]);
  });

  it(`accepts ${MAX_CONDITION_DEPTH} levels of nesting and refuses one more`, () => {
    let tree: unknown = { fact: 'nama', operator: 'isEmpty', value: false };
    for (let i = 0; i < MAX_CONDITION_DEPTH; i++) tree = { not: tree };
    expect(conditionProblems(tree)).toStrictEqual([]);
    expect(conditionProblems({ not: tree })).toStrictEqual([
      {
        path: Array(MAX_CONDITION_DEPTH + 1).fill('not'),
        message: `condition nested deeper than ${MAX_CONDITION_DEPTH} levels`,
      },
    ]);
  });

  it('refuses condition references', () => {
    expect(conditionProblems(inAll({ condition: 'shared' }))).toStrictEqual([
      {
        path: at('condition'),
        message: 'condition references are not supported: write the condition inline',
      },
    ]);
  });

  it('lists an unexpected key and every missing one in the same pass', () => {
    expect(conditionProblems(inAll({ fact: 'nama', extra: 1 }))).toStrictEqual([
      { path: at('extra'), message: 'unexpected key "extra" in a condition' },
      { path: at('operator'), message: 'a condition needs "operator"' },
      { path: at('value'), message: 'a condition needs "value"' },
      {
        code: 'unknown_operator',
        values: { operator: 'undefined' },
        path: at('operator'),
        message: `unknown operator undefined: use one of ${OPERATORS}`,
      },
    ]);
  });
});

describe('conditionProblems: facts and paths', () => {
  it('names an unknown fact, with the one meant, and still checks the value against it', () => {
    const problems = conditionProblems(
      inAll({ fact: 'kebaruann', operator: 'equal', value: 'Sebagian' }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      code: 'unknown_fact',
      suggestion: 'kebaruan',
      values: { fact: 'kebaruann' },
      path: at('fact'),
    });
    expect(problems[0]?.message).toMatch(
      /^unknown fact "kebaruann" \(did you mean "kebaruan"\?\): use a field of the innovation record \(id, nama, pemda, opd, .*\) or a derived fact \(urusanKelompok, kewenanganTingkat, kewenanganUrusan, tahunT1, tahunT2, /,
    );
    expect(problems[1]).toMatchObject({
      code: 'invalid_value',
      suggestion: 'sebagian',
      path: at('value'),
      values: { field: 'kebaruan', value: '"Sebagian"' },
    });
  });

  it('a fact that is not a string, with nothing to suggest', () => {
    const [problem, ...rest] = conditionProblems(inAll({ fact: 5, operator: 'equal', value: 1 }));
    expect(rest).toStrictEqual([]);
    expect(problem).toMatchObject({
      code: 'unknown_fact',
      values: { fact: '5' },
      path: at('fact'),
    });
    expect(problem).not.toHaveProperty('suggestion');
    expect(problem?.message).toMatch(/^unknown fact 5: use a field/);
  });

  it.each([
    [5, 'path must be a string'],
    ['', 'path must not be empty'],
    ['a'.repeat(201), 'path is longer than 200 characters'],
    [
      'sdm..jumlah',
      '"sdm..jumlah" is not a plain dotted path (letters, digits and _ separated by dots)',
    ],
    ['sdm.__proto__', '"__proto__" may not appear in a path'],
    ['sdm.jumlh', '"indikator.sdm.jumlh" is not a field of the innovation record'],
  ])('a path %j: %s', (path, message) => {
    expect(
      conditionProblems(inAll({ fact: 'indikator', path, operator: 'equal', value: 1 })),
    ).toStrictEqual([{ path: at('path'), message }]);
  });

  it('a derived fact takes any path; a record path must exist', () => {
    expect(
      conditionProblems(inAll({ fact: 'tahunT1', path: 'x', operator: 'equal', value: 1 })),
    ).toStrictEqual([]);
    expect(
      conditionProblems(
        inAll({ fact: 'indikator', path: 'sdm.jumlah', operator: 'greaterThan', value: 10 }),
      ),
    ).toStrictEqual([]);
  });
});

describe('conditionProblems: values', () => {
  it.each([
    ['greaterThan', '5', 'operator "greaterThan" needs a number value'],
    ['lessThan', Number.POSITIVE_INFINITY, 'operator "lessThan" needs a number value'],
    ['wordCountAtLeast', Number.NaN, 'operator "wordCountAtLeast" needs a number value'],
    ['in', 'penerapan', 'operator "in" needs an array value'],
    ['containsAll', { a: 1 }, 'operator "containsAll" needs an array value'],
    ['isEmpty', 1, 'operator "isEmpty" needs a boolean value'],
  ])('%s with %j: %s', (operator, value, message) => {
    expect(conditionProblems(inAll({ fact: 'nama', operator, value }))).toStrictEqual([
      { path: at('value'), message },
    ]);
  });

  it('a fact reference only where a missing value is harmless', () => {
    expect(
      conditionProblems(inAll({ fact: 'kebaruan', operator: 'in', value: { fact: 'tahapan' } })),
    ).toStrictEqual([
      {
        path: at('value'),
        message: 'operator "in" needs a literal array value, not a fact reference',
      },
    ]);
    expect(
      conditionProblems(
        inAll({ fact: 'tahun', operator: 'greaterThan', value: { fact: 'tahunT1' } }),
      ),
    ).toStrictEqual([]);
    expect(
      conditionProblems(
        inAll({ fact: 'tahun', operator: 'equal', value: { fact: 'tahun', x: 1 } }),
      ),
    ).toStrictEqual([{ path: at('value'), message: 'unexpected key "x" in a fact reference' }]);
    expect(
      conditionProblems(inAll({ fact: 'tahun', operator: 'equal', value: { fact: 'tahunn' } })),
    ).toStrictEqual([
      expect.objectContaining({
        code: 'unknown_fact',
        suggestion: 'tahun',
        path: at('value', 'fact'),
      }),
    ]);
  });

  it('refuses a number operator on a field that holds no numbers', () => {
    expect(
      conditionProblems(inAll({ fact: 'tahapan', operator: 'greaterThan', value: 1 })),
    ).toStrictEqual([
      {
        code: 'invalid_operator_for_field',
        values: {
          operator: 'greaterThan',
          field: 'tahapan',
          allowed: 'one of inisiatif, uji_coba, penerapan',
          'allowed@id': 'salah satu dari inisiatif, uji_coba, penerapan',
          compares: 'numbers',
        },
        path: at('operator'),
        message:
          'operator "greaterThan" compares numbers, but tahapan holds one of inisiatif, uji_coba, penerapan',
      },
    ]);
    expect(
      conditionProblems(inAll({ fact: 'urusan', operator: 'lessThan', value: 1 })),
    ).toStrictEqual([
      expect.objectContaining({
        message:
          'operator "lessThan" compares numbers, but urusan holds a list of an urusan id or code from the urusan catalogue (docs/fields.md)',
      }),
    ]);
  });

  it('checks every item of a list against the field, each at its index', () => {
    expect(
      conditionProblems(
        inAll({ fact: 'tahapan', operator: 'in', value: ['penerapan', 'Ujicoba'] }),
      ),
    ).toStrictEqual([
      {
        code: 'invalid_value',
        suggestion: 'uji_coba',
        values: {
          value: '"Ujicoba"',
          field: 'tahapan',
          allowed: 'one of inisiatif, uji_coba, penerapan',
          'allowed@id': 'salah satu dari inisiatif, uji_coba, penerapan',
          choices: 'inisiatif, uji_coba, penerapan',
        },
        path: at('value', 1),
        message:
          '"Ujicoba" is not a value of tahapan (did you mean "uji_coba"?): it holds one of inisiatif, uji_coba, penerapan',
      },
    ]);
    // A list field's items, with contains.
    expect(
      conditionProblems(inAll({ fact: 'urusan', operator: 'contains', value: 'kesehatan_x' })),
    ).toStrictEqual([
      {
        code: 'invalid_value',
        suggestion: 'kesehatan',
        values: {
          value: '"kesehatan_x"',
          field: 'urusan',
          allowed: 'an urusan id or code from the urusan catalogue (docs/fields.md)',
          'allowed@id': 'id atau kode urusan dari katalog urusan (docs/fields.md)',
        },
        path: at('value'),
        message:
          '"kesehatan_x" is not a value of urusan (did you mean "kesehatan"?): it holds an urusan id or code from the urusan catalogue (docs/fields.md)',
      },
    ]);
    expect(
      conditionProblems(
        inAll({ fact: 'urusan', operator: 'containsAny', value: ['1.02', 'kesehatan'] }),
      ),
    ).toStrictEqual([]);
  });

  it.each([
    [
      'indikator',
      'video.substansi',
      6,
      'a whole number from 0 to 5',
      'bilangan bulat dari 0 sampai 5',
    ],
    [
      'indikator',
      'video.substansi',
      -1,
      'a whole number from 0 to 5',
      'bilangan bulat dari 0 sampai 5',
    ],
    ['indikator', 'sdm.jumlah', 1.5, 'a whole number from 0', 'bilangan bulat dari 0'],
    ['indikator', 'sdm.jumlah', '3', 'a whole number from 0', 'bilangan bulat dari 0'],
    ['waktuPenerapan', undefined, '2024/01/01', 'a date (YYYY-MM-DD)', 'tanggal (YYYY-MM-DD)'],
    ['waktuPenerapan', undefined, 20240101, 'a date (YYYY-MM-DD)', 'tanggal (YYYY-MM-DD)'],
    ['pungutanBaru', undefined, 'ya', 'true or false', 'true atau false'],
    ['subUrusan', undefined, 'xx', 'a list of an id from the sub-urusan catalogue', ''],
    ['nama', undefined, 5, 'a text', 'teks'],
  ])('%s %s = %j is refused: it holds %s', (fact, path, value, allowed, allowedId) => {
    const operator = fact === 'subUrusan' ? 'equal' : 'equal';
    const problems = conditionProblems(inAll({ fact, ...(path ? { path } : {}), operator, value }));
    if (fact === 'subUrusan') {
      // equal on a list field compares the whole list: not checked item by item.
      expect(problems).toStrictEqual([]);
      expect(
        conditionProblems(inAll({ fact, operator: 'contains', value })).map((p) => p.message),
      ).toStrictEqual([
        `"xx" is not a value of subUrusan: it holds an id from the sub-urusan catalogue (docs/fields.md)`,
      ]);
      return;
    }
    const field = path ? `${fact}.${path}` : fact;
    expect(problems).toStrictEqual([
      {
        code: 'invalid_value',
        values: { value: JSON.stringify(value), field, allowed, 'allowed@id': allowedId },
        path: at('value'),
        message: `${JSON.stringify(value)} is not a value of ${field}: it holds ${allowed}`,
      },
    ]);
  });

  it.each([
    ['equal null: "not filled in"', { fact: 'tahapan', operator: 'equal', value: null }],
    ['notEqual on a string', { fact: 'nama', operator: 'notEqual', value: 'x' }],
    ['a valid date', { fact: 'waktuPenerapan', operator: 'equal', value: '2024-01-01' }],
    [
      'a number in range',
      { fact: 'indikator', path: 'video.substansi', operator: 'equal', value: 5 },
    ],
    [
      'the lower bound',
      { fact: 'indikator', path: 'video.substansi', operator: 'equal', value: 0 },
    ],
    ['a boolean', { fact: 'pungutanBaru', operator: 'notEqual', value: true }],
    ['an urusan code', { fact: 'urusan', operator: 'contains', value: '1.02' }],
    ['notIn on an enum', { fact: 'tahapan', operator: 'notIn', value: ['inisiatif'] }],
    ['a derived fact', { fact: 'urusanKelompok', operator: 'contains', value: 'anything' }],
  ])('accepts %s', (_, leaf) => {
    expect(conditionProblems(inAll(leaf))).toStrictEqual([]);
  });

  it('names an unknown operator with the one meant', () => {
    expect(
      conditionProblems(inAll({ fact: 'nama', operator: 'equals', value: 'x' })),
    ).toStrictEqual([
      {
        code: 'unknown_operator',
        suggestion: 'equal',
        values: { operator: 'equals' },
        path: at('operator'),
        message: `unknown operator "equals" (did you mean "equal"?): use one of ${OPERATORS}`,
      },
    ]);
    expect(conditionProblems(inAll({ fact: 'nama', operator: 5, value: 'x' }))).toStrictEqual([
      {
        code: 'unknown_operator',
        values: { operator: '5' },
        path: at('operator'),
        message: `unknown operator 5: use one of ${OPERATORS}`,
      },
    ]);
  });
});

describe('catalogued values in rules: read as the record reads them', () => {
  it('writes an urusan given by code or alias, and a sub-urusan with spaces, as its id', () => {
    const tree = {
      all: [
        { fact: 'urusan', operator: 'contains', value: '2.17' },
        {
          any: [
            {
              fact: 'urusan',
              operator: 'containsAny',
              value: ['1.02', 'kepemudaan_dan_olahraga', 'pendidikan'],
            },
            { not: { fact: 'subUrusan', operator: 'contains', value: ' pendidikan_menengah ' } },
          ],
        },
        { fact: 'urusan', operator: 'contains', value: { fact: 'urusan' } },
        { fact: 'nama', operator: 'equal', value: '2.17' },
      ],
    };
    normaliseCatalogued(tree);
    expect(tree).toStrictEqual({
      all: [
        { fact: 'urusan', operator: 'contains', value: 'koperasi_usaha_kecil_dan_menengah' },
        {
          any: [
            {
              fact: 'urusan',
              operator: 'containsAny',
              value: ['kesehatan', 'kepemudaan_dan_olah_raga', 'pendidikan'],
            },
            { not: { fact: 'subUrusan', operator: 'contains', value: 'pendidikan_menengah' } },
          ],
        },
        { fact: 'urusan', operator: 'contains', value: { fact: 'urusan' } },
        { fact: 'nama', operator: 'equal', value: '2.17' },
      ],
    });
  });

  it.each([
    ['umkm', 'koperasi_usaha_kecil_dan_menengah'],
    ['Kesehatan', 'kesehatan'],
    ['Urusan Pemerintahan Bidang Pendidikan', 'pendidikan'],
    ['pariwisat', 'pariwisata'],
  ])('refuses the urusan %j, suggesting its id %s', (value, id) => {
    const [problem] = conditionProblems(inAll({ fact: 'urusan', operator: 'contains', value }));
    expect(problem).toMatchObject({ code: 'invalid_value', suggestion: id });
  });

  it('says what the field holds in Indonesian too', () => {
    expect(describeFieldType({ kind: 'array', item: { kind: 'urusan' } }, 'id')).toBe(
      'daftar id atau kode urusan dari katalog urusan (docs/fields.md)',
    );
    expect(describeFieldType({ kind: 'number', integer: false, max: 9 }, 'id')).toBe(
      'bilangan sampai 9',
    );
  });
});

describe('dates in rules', () => {
  const on = (operator: string, value: unknown, fact = 'waktuPenerapan') =>
    conditionProblems(inAll({ fact, operator, value }));

  it('takes a day or a year, or a date or year fact, on a date field', () => {
    expect(on('dateOnOrAfter', '2024-02-29')).toStrictEqual([]);
    expect(on('dateBefore', 2025)).toStrictEqual([]);
    expect(on('dateOnOrAfter', { fact: 'tahunT2' })).toStrictEqual([]);
    expect(on('dateBetween', [2023, '2024-12-31'])).toStrictEqual([]);
    expect(on('dateOnOrBefore', '2025-06-30', 'kipp')).toStrictEqual([
      expect.objectContaining({ code: 'invalid_operator_for_field' }),
    ]);
  });

  it.each([
    ['dateOnOrAfter', '2023-02-29', 'invalid_date_value'],
    ['dateOnOrAfter', '2023/01/01', 'invalid_date_value'],
    ['dateOnOrAfter', 23, 'invalid_date_value'],
    ['dateOnOrAfter', 2024.5, 'invalid_date_value'],
    ['dateBetween', ['2025-01-01'], 'invalid_date_range'],
    ['dateBetween', [2025, 2024], 'invalid_date_range'],
    ['dateBetween', ['2024-12-31', 2024], undefined],
    ['dateBetween', '2024', 'invalid_date_range'],
  ])('%s with %j: %s', (operator, value, code) => {
    const problems = on(operator, value);
    expect(problems.map((p) => p.code)).toStrictEqual(code ? [code] : []);
    if (code) expect(problems[0]?.path).toStrictEqual(at('value'));
  });

  it('refuses a date operator on a field that holds no dates, and points a number operator on a date at the date ones', () => {
    expect(on('dateBefore', 2025, 'tahun')[0]?.message).toBe(
      'operator "dateBefore" compares dates, but tahun holds a whole number from 1900 to 2200',
    );
    expect(on('lessThan', 5)[0]?.message).toBe(
      'operator "lessThan" compares numbers, but waktuPenerapan holds a date (YYYY-MM-DD): use dateOnOrAfter, dateOnOrBefore, dateBefore, dateAfter, dateBetween',
    );
    expect(on('greaterThanInclusive', '2025-01-01')).toStrictEqual([
      {
        code: 'number_operator_on_date',
        values: {
          operator: 'greaterThanInclusive',
          dateOperators: 'dateOnOrAfter, dateOnOrBefore, dateBefore, dateAfter, dateBetween',
        },
        path: at('value'),
        message:
          'operator "greaterThanInclusive" needs a number value; to compare dates use dateOnOrAfter, dateOnOrBefore, dateBefore, dateAfter, dateBetween',
      },
    ]);
  });
});
