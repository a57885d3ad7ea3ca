import { readFileSync } from 'node:fs';
import { zodResolver } from '@hookform/resolvers/zod';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  createFormSchema,
  draftProgress,
  InvalidOptionError,
  InvalidRecordError,
  inovasiFormSchema,
} from '../../src/index.js';
import { eligibleRecord, without } from '../helpers.js';

// What react-hook-form passes a resolver besides the values.
const rhf = { fields: {}, shouldUseNativeValidation: false } as never;

describe('inovasiFormSchema with the real react-hook-form zod resolver', () => {
  it('puts a failing criterion message under the field it names', async () => {
    const resolver = zodResolver(inovasiFormSchema);
    const result = await resolver(
      eligibleRecord({ membatasiAkses: true }) as never,
      undefined,
      rhf,
    );
    const errors = result.errors as Record<string, { message?: string; type?: string }>;
    expect(Object.keys(errors)).toStrictEqual(['membatasiAkses']);
    expect(errors.membatasiAkses?.message).toMatch(/^Kriteria 4b: inovasi membatasi akses/);
  });

  it('refuses options that are no object or cannot be read, as an option error', () => {
    expect(() => createFormSchema(null as never)).toThrow(InvalidOptionError);
    const trap = Object.defineProperty({}, 'locale', {
      enumerable: true,
      get() {
        throw new Error('jebakan');
      },
    });
    expect(() => createFormSchema(trap)).toThrow(/the options could not be read: Error: jebakan/);
  });

  it('nests messages for nested fields and passes a clean record through', async () => {
    const resolver = zodResolver(createFormSchema({ locale: 'en' }));
    const bad = await resolver(
      eligibleRecord({ pungutanBaru: true, pungutanSesuaiPeraturan: false }) as never,
      undefined,
      rhf,
    );
    const errors = bad.errors as Record<string, { message?: string }>;
    // Criterion 4a names both levy fields: its one message stands under the first.
    expect(Object.keys(errors)).toStrictEqual(['pungutanBaru']);
    expect(errors.pungutanBaru?.message).toMatch(/^Criterion 4a: /);
    const good = await resolver(eligibleRecord() as never, undefined, rhf);
    expect(good.errors).toStrictEqual({});
    expect((good.values as { nama: string }).nama).toBe('Sistem Antrean Puskesmas Daring');
  });

  it('reports type errors at their path like any zod schema', async () => {
    const result = await zodResolver(inovasiFormSchema)(
      { nama: 'x', indikator: { sdm: { jumlah: 'lima' } } } as never,
      undefined,
      rhf,
    );
    const errors = result.errors as { indikator?: { sdm?: { jumlah?: { message?: string } } } };
    expect(errors.indikator?.sdm?.jumlah?.message).toBe(
      'Input tidak valid: diharapkan number, diterima string',
    );
  });

  it('speaks the form’s language for the record’s own messages, and English when asked', () => {
    const record = { nama: ' ', urusan: ['sihir'], waktuPenerapan: '10/01/2023' };
    const id = inovasiFormSchema.safeParse(record).error?.issues.map((i) => [i.path, i.message]);
    expect(id).toStrictEqual([
      [['nama'], 'wajib diisi'],
      [
        ['urusan', 0],
        'urusan "sihir" tidak dikenal: gunakan id atau kode dari katalog urusan (mis. 1.03 atau pekerjaan_umum_dan_penataan_ruang)',
      ],
      [['waktuPenerapan'], 'harus berupa tanggal dengan format TTTT-BB-HH (mis. 2023-01-10)'],
    ]);
    const en = createFormSchema({ locale: 'en' }).safeParse(record).error?.issues[0]?.message;
    expect(en).toBe('must not be blank');
  });

  it('holds the size limits: one issue for a huge text or list, found without reading it all', () => {
    const long = createFormSchema({ locale: 'en' }).safeParse({ nama: 'x'.repeat(1_000_000) });
    expect(long.error?.issues).toStrictEqual([
      {
        code: 'custom',
        path: ['nama'],
        message: 'a text longer than 100000 characters',
        params: { code: 'too_long' },
      },
    ]);
    const many = inovasiFormSchema.safeParse({ nama: 'a', urusan: Array(100_000).fill('x') });
    expect(many.error?.issues).toHaveLength(1);
    expect(many.error?.issues[0]?.message).toBe('isian lebih dari 20000 nilai');
  });
});

describe('inovasiFormSchema through the Standard Schema interface', () => {
  it('validates with ~standard.validate', async () => {
    const std = inovasiFormSchema['~standard'];
    expect(std.vendor).toBe('zod');
    const result = await std.validate(eligibleRecord({ prasyaratReplikasi: '  ' }));
    expect(
      'issues' in result && result.issues?.map((i) => [i.path, i.message.slice(0, 25)]),
    ).toStrictEqual([[['prasyaratReplikasi'], 'Prasyarat replikasi koson']]);
    const ok = await std.validate(eligibleRecord());
    expect('value' in ok && ok.value).toBeTruthy();
  });

  it('leaves a draft alone unless asked to require completeness', async () => {
    const draft = { nama: 'Draf', kebaruan: 'seluruh' };
    expect((await inovasiFormSchema.safeParseAsync(draft)).success).toBe(true);
    const strict = await createFormSchema({ requireComplete: true }).safeParseAsync(draft);
    expect(strict.error?.issues.map((i) => i.path.join('.'))).toContain('manfaatBagi');
  });
});

describe('the form schema through the Standard JSON Schema interface', () => {
  const committed = JSON.parse(
    readFileSync(new URL('../../schema/innovation.schema.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const { title: _title, ...recordSchema } = committed;

  it('describes its input as the record JSON Schema, not as {}', () => {
    for (const schema of [inovasiFormSchema, createFormSchema({ locale: 'en' })]) {
      const convert = schema['~standard'].jsonSchema;
      expect(convert.input({ target: 'draft-2020-12' })).toStrictEqual(recordSchema);
      const draft7 = convert.output({ target: 'draft-07' });
      expect(draft7.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(Object.keys(draft7.properties as object)).toStrictEqual(
        Object.keys(recordSchema.properties as object),
      );
      expect(convert.input({ target: 'openapi-3.0' }).$schema).toBeUndefined();
    }
  });

  it('refuses a target it cannot write, as an option error', () => {
    const convert = inovasiFormSchema['~standard'].jsonSchema;
    expect(() => convert.input({ target: 'draft-04' })).toThrow(InvalidOptionError);
    expect(() => convert.output(undefined as never)).toThrow(/target undefined is not supported/);
  });

  it('keeps validating as before', async () => {
    const result = await inovasiFormSchema['~standard'].validate({
      nama: 'x',
      membatasiAkses: true,
    });
    expect('issues' in result && result.issues?.map((i) => i.path)).toContainEqual([
      'membatasiAkses',
    ]);
  });
});

describe('SINOVIK word limits as form messages', () => {
  it('puts a too-long section message under that section', async () => {
    const schema = createFormSchema({ ruleSet: 'kipp-permenpanrb-91-2021', locale: 'en' });
    const result = await schema.safeParseAsync({
      nama: 'x',
      proposal: { ringkasan: 'kata '.repeat(201), kebaruan: 'singkat' },
    });
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual([
      'proposal.ringkasan',
      'The summary section exceeds 200 words; shorten it.',
    ]);
    expect(issues?.some(([path]) => path === 'proposal.kebaruan')).toBe(false);
  });
});

describe('draftProgress', () => {
  it('counts decided criteria and lists missing fields in form order', () => {
    const draft = {
      nama: 'SIRIDAKOBA',
      pemda: 'Kota Batu',
      kebaruan: 'seluruh',
      membatasiAkses: false,
      indikator: { sdm: { jumlah: 3 } },
    };
    const progress = draftProgress(draft);
    expect(progress.criteria).toStrictEqual({ decided: 1, total: 5, passed: 1, failed: 0 });
    expect(progress.percent).toBe(20);
    expect(progress.missingFields).toStrictEqual([
      'urusan',
      'manfaatBagi',
      'untukKepentinganPribadi',
      'pungutanBaru',
      'pungutanSesuaiPeraturan',
      'dapatDireplikasi',
      'prasyaratReplikasi',
    ]);
    expect(progress.indicators.given).toBe(1);
    expect(progress.indicators.missing).toHaveLength(19);
    // Another region's draft is judged by PP 38/2017: no replication prerequisites asked.
    const sleman = draftProgress({ ...draft, pemda: 'Kabupaten Sleman' });
    expect(sleman.missingFields).not.toContain('prasyaratReplikasi');
    expect(sleman.missingFields).toContain('dapatDireplikasi');
  });

  it('reaches 100% on a complete record and rejects wrong types', () => {
    expect(draftProgress(without(eligibleRecord(), 'id')).percent).toBe(100);
    expect(() => draftProgress({ nama: 'x', kebaruan: 42 })).toThrow(InvalidRecordError);
  });
});

describe("the form of a rule set with the region's own questions", () => {
  const engine = createEngine({
    ruleSets: [JSON.parse(readFileSync('examples/perwali-surakarta-contoh.json', 'utf8'))],
  });
  const form = engine.createFormSchema({ ruleSet: 'perwali-surakarta-contoh-2025' });

  it('puts a wrong answer, and a failing answer, under the question’s own field', async () => {
    const wrong = await form.safeParseAsync({ nama: 'x', daerah: { sk_tim: 'ya' } });
    expect(wrong.error?.issues.map((i) => [i.path, (i as { params?: object }).params])).toEqual([
      [['daerah', 'sk_tim'], { code: 'invalid_answer' }],
    ]);
    const failing = await form.safeParseAsync({ nama: 'x', daerah: { sk_tim: false } });
    expect(failing.error?.issues.map((i) => i.path)).toContainEqual(['daerah', 'sk_tim']);
  });

  it('describes the questions in its JSON Schema, in the form’s language', () => {
    const { jsonSchema } = form['~standard'];
    type Properties = Record<string, unknown>;
    const daerah = (jsonSchema.input({ target: 'draft-2020-12' }).properties as Properties)
      .daerah as { anyOf: { properties: Record<string, { type: string; title: string }> }[] };
    expect(daerah.anyOf[0]?.properties.sk_tim).toEqual({
      type: 'boolean',
      title: 'Tim ditetapkan dengan SK Kepala Perangkat Daerah',
    });
    const openApi = jsonSchema.output({ target: 'openapi-3.0' }).properties as Properties;
    expect(openApi.daerah).toMatchObject({ type: 'object', nullable: true });
    // Without a named rule set, each draft's region decides: the answers stay an open object.
    const open = createFormSchema()['~standard'].jsonSchema.input({ target: 'draft-2020-12' });
    expect((open.properties as Properties).daerah).toStrictEqual(
      (recordSchemaOf() as { properties: Record<string, unknown> }).properties.daerah,
    );
  });
});

function recordSchemaOf(): unknown {
  return JSON.parse(
    readFileSync(new URL('../../schema/innovation.schema.json', import.meta.url), 'utf8'),
  );
}
