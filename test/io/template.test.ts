import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import surakarta from '../../examples/perwali-surakarta-contoh.json' with { type: 'json' };
import { InvalidOptionError } from '../../src/errors.js';
import { createEngine } from '../../src/index.js';
import { innovationFields } from '../../src/io/_fields.js';
import { questionsOf, type ReadRow, readRecords, templateWorkbook } from '../../src/io/index.js';

/** The template, loaded back as a workbook. */
async function loaded(options = {}): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await templateWorkbook(options)) as never);
  return workbook;
}

async function rows(workbook: ExcelJS.Workbook): Promise<ReadRow[]> {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const out: ReadRow[] = [];
  for await (const row of readRecords(bytes, { format: 'xlsx', locale: 'en' })) out.push(row);
  return out;
}

const headers = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(1).values as unknown[]).slice(1).map(String);

describe('templateWorkbook', () => {
  it('writes the sheet to fill in first, a guide, and the lists hidden', async () => {
    const workbook = await loaded();
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toStrictEqual([
      ['Isian Inovasi', 'visible'],
      ['Petunjuk', 'visible'],
      ['Pilihan', 'hidden'],
    ]);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const names = headers(sheet);
    expect(names.slice(0, 3)).toStrictEqual(['ID', 'Nama Inovasi', 'Pemerintah Daerah']);
    // Each of the rubric's 20 indicators, its document after its values; nothing of KIPP.
    // (The video's link is headed as exports head it.)
    expect(
      names.filter(
        (h) => (h.startsWith('Tautan Bukti ') && !h.endsWith('Pengembangan')) || h === 'Link Video',
      ),
    ).toHaveLength(20);
    expect(names.indexOf('Jenis Bukti Regulasi')).toBe(
      names.indexOf('Regulasi Inovasi Daerah') + 1,
    );
    expect(names.some((h) => h.startsWith('kipp.') || h.startsWith('daerah.'))).toBe(false);
    // The latest development's document, part by part, as the window rule asks for it.
    expect(names.filter((h) => h.endsWith(' Bukti Pengembangan'))).toStrictEqual([
      'Jenis Bukti Pengembangan',
      'Nomor Bukti Pengembangan',
      'Tanggal Bukti Pengembangan',
      'Tautan Bukti Pengembangan',
    ]);
    // The guide names each column's field, in the same order.
    const guide = workbook.worksheets[1] as ExcelJS.Worksheet;
    const fields = innovationFields();
    names.forEach((name, i) => {
      const row = guide.getRow(i + 2).values as unknown[];
      expect(row[1]).toBe(name);
      expect(fields.has(String(row[2])), String(row[2])).toBe(true);
    });
  });

  it('reads back with every column matched, each drop-down answer as its value', async () => {
    const workbook = await loaded({ locale: 'en' });
    const [sheet, , lists] = workbook.worksheets as ExcelJS.Worksheet[];
    if (!sheet || !lists) throw new Error('sheets missing');
    const names = headers(sheet);
    const fields = innovationFields();
    const byHeader = new Map(
      ((workbook.worksheets[1] as ExcelJS.Worksheet).getSheetValues() as unknown[][])
        .slice(2)
        .filter((r) => r?.[2])
        .map((r) => [String(r[1]), String(r[2])]),
    );
    // Row k answers each list column with its k-th choice (wrapping), as the drop-down gives it.
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    const listed = Object.entries(validations).map(([range, v]) => {
      const column = /^[A-Z]+/.exec(range)?.[0] as string;
      const [, letter, last] =
        /!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(v.formulae[0] as string) ?? [];
      const choices = Array.from({ length: Number(last) - 1 }, (_, k) =>
        String(lists.getCell(`${letter}${k + 2}`).value),
      );
      return { column: sheet.getColumn(column).number, choices };
    });
    expect(listed.length).toBeGreaterThan(20);
    for (let k = 0; k < 4; k++) {
      const row = sheet.getRow(k + 2);
      row.getCell(names.indexOf('Nama Inovasi') + 1).value = `Inovasi ${k}`;
      for (const { column, choices } of listed)
        row.getCell(column).value = choices[k % choices.length];
    }
    const read = await rows(workbook);
    expect(read).toHaveLength(4);
    for (const [k, r] of read.entries()) {
      expect(r.issues, JSON.stringify(r.issues)).toBeUndefined();
      expect(r.warnings ?? []).toStrictEqual([]);
      for (const { column, choices } of listed) {
        const path = byHeader.get(names[column - 1] as string) as string;
        const field = fields.get(path);
        const value = path
          .split('.')
          .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], r.record);
        const expected =
          field?.kind === 'boolean'
            ? k % 2 === 0
            : field?.options?.[k % (field.options?.length ?? 1)];
        expect([path, value], choices.join('|')).toStrictEqual([path, expected]);
      }
    }
  });

  it('adds a column for each of the region’s own questions, headed by its label, read back as its answer', async () => {
    const questions = questionsOf(createEngine({ ruleSets: [surakarta] }).ruleSets);
    for (const [locale, labels] of [
      ['id', ['Nama ketua tim inovasi', 'Tim ditetapkan dengan SK Kepala Perangkat Daerah']],
      [
        'en',
        [
          'Name of the innovation team lead',
          'The team is appointed by a decree of the agency head',
        ],
      ],
    ] as const) {
      const workbook = await loaded({ locale, questions });
      const [sheet, guide] = workbook.worksheets as ExcelJS.Worksheet[];
      if (!sheet || !guide) throw new Error('sheets missing');
      const names = headers(sheet);
      expect(names.slice(-2)).toStrictEqual(labels);
      const guided = (guide.getSheetValues() as unknown[][]).map((r) => r?.[2]);
      expect(guided).toEqual(expect.arrayContaining(['daerah.ketua_tim', 'daerah.sk_tim']));
      const row = sheet.getRow(2);
      row.getCell(names.indexOf('Nama Inovasi') + 1).value = 'Sipadu';
      row.getCell(names.length - 1).value = 'Budi Santoso';
      row.getCell(names.length).value = 'Ya';
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const read: ReadRow[] = [];
      for await (const r of readRecords(bytes, { format: 'xlsx', locale: 'en', questions })) {
        read.push(r);
      }
      expect(read).toHaveLength(1);
      expect(read[0]?.warnings ?? []).toStrictEqual([]);
      expect(read[0]?.record).toMatchObject({
        nama: 'Sipadu',
        daerah: { ketua_tim: 'Budi Santoso', sk_tim: true },
      });
    }
    // The yes/no question has its drop-down, as the record's own yes/no fields do.
    const workbook = await loaded({ questions });
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, unknown> } }
    ).dataValidations.model;
    const last = sheet.getColumn(headers(sheet).length).letter;
    expect(Object.keys(validations).some((range) => /^[A-Z]+/.exec(range)?.[0] === last)).toBe(
      true,
    );
  });

  it.each([
    ['no list', 'ketua_tim', [], 'invalid_type'],
    [
      'an item of no known type',
      [{ id: 'x', type: 'photo', label: { id: 'X', en: 'X' } }],
      [0],
      'invalid_value',
    ],
    ['an item without labels', [{ id: 'x', type: 'text' }], [0], 'invalid_value'],
    ['no object', [null], [0], 'invalid_value'],
    [
      'an item with a blank id',
      [{ id: ' ', type: 'text', label: { id: 'X', en: 'X' } }],
      [0],
      'invalid_value',
    ],
    [
      'an item with a blank label, after a good one',
      [
        { id: 'a', type: 'text', label: { id: 'A', en: 'A' } },
        { id: 'x', type: 'text', label: { id: 'X', en: '' } },
      ],
      [1],
      'invalid_value',
    ],
    [
      'a choice with one value that is no text',
      [{ id: 'x', type: 'choice', values: ['kecil', 2], label: { id: 'X', en: 'X' } }],
      [0],
      'invalid_value',
    ],
    [
      'a choice whose values are no list',
      [{ id: 'x', type: 'choice', values: 'a', label: { id: 'X', en: 'X' } }],
      [0],
      'invalid_value',
    ],
  ])('refuses questions that are %s, as readRecords does', async (_, questions, at, code) => {
    const error = await templateWorkbook({ questions } as object).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    const issues = (error as InvalidOptionError).issues;
    expect(issues.map((i) => [i.path, i.code])).toStrictEqual([[['questions', ...at], code]]);
    // The same words as the reader's, for the same list.
    let read: unknown;
    try {
      for await (const _ of readRecords(new Uint8Array(), { format: 'csv', questions } as object));
    } catch (e) {
      read = e;
    }
    expect((read as InvalidOptionError).issues).toStrictEqual(issues);
  });

  it('takes a choice question with its values, and no questions at all', async () => {
    const choice = [
      {
        id: 'skala',
        type: 'choice',
        values: ['kecil', 'besar'],
        label: { id: 'Skala', en: 'Scale' },
      },
    ];
    const sheet = (await loaded({ questions: choice })).worksheets[0] as ExcelJS.Worksheet;
    expect(headers(sheet).at(-1)).toBe('Skala');
    expect(headers((await loaded({ questions: [] })).worksheets[0] as ExcelJS.Worksheet)).toEqual(
      headers((await loaded()).worksheets[0] as ExcelJS.Worksheet),
    );
  });

  it("takes another rubric's indicators, and refuses options that are none", async () => {
    const old = headers((await loaded({ rubric: 'iga-2023' })).worksheets[0] as ExcelJS.Worksheet);
    expect(old.filter((h) => h.startsWith('Tautan Bukti ')).length).toBeGreaterThan(0);
    for (const options of [
      { rubric: 'pp-38-2017' },
      { rows: 0 },
      { rows: 1.5 },
      { locale: 'jv' },
      { lang: 'en' },
    ]) {
      const error = await templateWorkbook(options as object).catch((e: unknown) => e);
      expect(error, JSON.stringify(options)).toBeInstanceOf(InvalidOptionError);
    }
    await expect(templateWorkbook(null as unknown as object)).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
    const getter = {
      get locale(): string {
        throw new Error('boom');
      },
    };
    await expect(templateWorkbook(getter as object)).rejects.toMatchObject({
      code: 'E_INVALID_OPTION',
      issues: [{ code: 'unreadable', message: 'the options could not be read: Error: boom' }],
    });
  });

  it('stamps every part with one fixed time, so the same options give the same bytes', async () => {
    const zip = await JSZip.loadAsync(await templateWorkbook());
    const stamps = Object.values(zip.files).map((f) => [
      f.date.getFullYear(),
      f.date.getMonth(),
      f.date.getDate(),
      f.date.getHours(),
      f.date.getMinutes(),
    ]);
    expect(stamps.length).toBeGreaterThan(5);
    expect(new Set(stamps.map(String))).toStrictEqual(new Set(['2024,0,1,0,0']));
  });
});
