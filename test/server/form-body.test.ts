import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';

// A record as a browser form or a PHP app posts it: texts, read as a spreadsheet's row is.
const app = createApp();

async function post(path: string, body: string | URLSearchParams, type: string) {
  const response = await app.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': type },
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const FORM = 'application/x-www-form-urlencoded';

describe('a record posted as a form', () => {
  it('reads its texts as a sheet does: years, yes/no, decimal commas, repeated fields, labels', async () => {
    const form = new URLSearchParams({
      nama: 'Antrean Daring',
      tahun: '2024',
      kebaruan: 'seluruh',
      'Pungutan Baru': 'tidak',
      membatasiAkses: 'tidak',
      dapatDireplikasi: 'ya',
      'indikator.kemanfaatan.nilai': '87,5',
    });
    form.append('urusan', '1.02');
    form.append('urusan', 'Pendidikan');
    const asForm = await post('/evaluate?explain=true', form, FORM);
    expect(asForm.status).toBe(200);
    const asJson = await post(
      '/evaluate?explain=true',
      JSON.stringify({
        nama: 'Antrean Daring',
        tahun: 2024,
        kebaruan: 'seluruh',
        pungutanBaru: false,
        membatasiAkses: false,
        dapatDireplikasi: true,
        urusan: ['kesehatan', 'pendidikan'],
        indikator: { kemanfaatan: { nilai: 87.5 } },
      }),
      'application/json',
    );
    expect(asForm.json).toStrictEqual(asJson.json);
  });

  it('reads JSON whose values are texts with ?values=text, and only then', async () => {
    const texts = JSON.stringify({
      nama: 'x',
      tahun: '2024',
      indikator: { sdm: { jumlah: '12' } },
    });
    const read = await post('/evaluate?values=text&explain=true', texts, 'application/json');
    const typed = await post(
      '/evaluate?explain=true',
      JSON.stringify({ nama: 'x', tahun: 2024, indikator: { sdm: { jumlah: 12 } } }),
      'application/json',
    );
    expect(read.status).toBe(200);
    expect(read.json).toStrictEqual(typed.json);
    expect((await post('/evaluate', texts, 'application/json')).status).toBe(422);
  });

  it('tells a JSON record refused for texts or 0/1 where it takes numbers and yes/no about ?values=text', async () => {
    // A PHP app's database row: a year as text, yes/no as 0/1.
    const row = JSON.stringify({ nama: 'x', tahun: '2024', pungutanBaru: 0 });
    for (const path of ['/evaluate', '/submission']) {
      const refused = await post(`${path}?locale=en`, row, 'application/json');
      expect([path, refused.status, refused.json.detail]).toStrictEqual([
        path,
        422,
        `the record is not valid; values sent as texts ("2024", "Ya") or as 0/1? add ?values=text to have them read as a form's`,
      ]);
      // The issues are the record's, as without the hint.
      expect(
        (refused.json.issues as { path: string[] }[]).map((i) => i.path[0]).sort(),
      ).toStrictEqual(['pungutanBaru', 'tahun']);
    }
    const read = await post('/evaluate?values=text', row, 'application/json');
    expect(read.status).toBe(200);
    // One value of the wrong type among other problems is enough for the hint.
    const mixed = await post(
      '/evaluate?locale=en',
      JSON.stringify({ nama: '', tahun: '2024' }),
      'application/json',
    );
    expect(mixed.json.detail).toContain('?values=text');
    // An option's wrong type (a query name given twice) is no record's: no hint.
    const twice = await post(
      '/evaluate?locale=en&rubric=iga-2023&rubric=iga-2026',
      row,
      'application/json',
    );
    expect([twice.status, String(twice.json.detail).includes('values=text')]).toStrictEqual([
      400,
      false,
    ]);
    // Not for a record refused for other reasons, nor for a form, which is read as texts.
    const blank = await post(
      '/evaluate?locale=en',
      JSON.stringify({ nama: '' }),
      'application/json',
    );
    expect(blank.json.detail).toBe('the record is not valid');
    const region = await post(
      '/region?locale=en',
      JSON.stringify({ pemda: 5 }),
      'application/json',
    );
    expect(String(region.json.detail)).not.toContain('values=text');
  });

  it('refuses a field the record does not have, with its did-you-mean, and a value it cannot read', async () => {
    const unknown = await post(
      '/evaluate',
      new URLSearchParams({ nama: 'x', kebaruaan: 'seluruh' }),
      FORM,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.json.issues).toStrictEqual([
      {
        path: ['kebaruaan'],
        code: 'unknown_field',
        message: '"kebaruaan" bukan isian data inovasi (maksudnya "kebaruan"?)',
        suggestion: 'kebaruan',
      },
    ]);
    const english = await post(
      '/evaluate?locale=en',
      new URLSearchParams({ nama: 'x', kebaruaan: 'seluruh', tahun: '20x4' }),
      FORM,
    );
    expect((english.json.issues as { message: string }[])[0]?.message).toBe(
      '"kebaruaan" is not a field of the innovation record (did you mean "kebaruan"?)',
    );
    const bad = await post('/submission', new URLSearchParams({ nama: 'x', tahun: '20x4' }), FORM);
    expect(bad.status).toBe(422);
    expect(bad.json.issues).toMatchObject([{ path: ['tahun'], code: 'invalid_number' }]);
    const list = await post(
      '/evaluate?values=text',
      JSON.stringify({ nama: 'x', indikator: { sdm: { bukti: [{ jenis: 'sk' }] } } }),
      'application/json',
    );
    expect(list.json.issues).toMatchObject([
      { path: ['indikator', 'sdm', 'bukti'], code: 'invalid_type' },
    ]);
  });

  it('settles a number that reads two ways with ?numberFormat, and refuses another word', async () => {
    const form = () => new URLSearchParams({ nama: 'x', 'indikator.kemanfaatan.nilai': '12,500' });
    expect((await post('/evaluate', form(), FORM)).json.issues).toMatchObject([
      { code: 'ambiguous_number' },
    ]);
    const id = await post('/form/validate?numberFormat=id', form(), FORM);
    expect(id.status).toBe(200);
    expect((await post('/evaluate?numberFormat=fr', form(), FORM)).status).toBe(400);
  });

  it('keeps forms away from routes that take a region or a batch', async () => {
    expect((await post('/region', new URLSearchParams({ nama: 'x' }), FORM)).status).toBe(415);
  });
});

describe("a form with a region's own questions", () => {
  const surakarta = JSON.parse(
    readFileSync(new URL('../../examples/perwali-surakarta-contoh.json', import.meta.url), 'utf8'),
  );
  const withQuestions = createApp({ ruleSets: [surakarta] });
  const send = async (fields: Record<string, string>) => {
    const response = await withQuestions.request('/evaluate', {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': FORM },
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const national = {
    nama: 'Solo Sehat',
    pemda: 'Kota Surakarta',
    tahun: '2025',
    kebaruan: 'seluruh',
    manfaatBagi: 'mutu_pelayanan',
    untukKepentinganPribadi: 'tidak',
    pungutanBaru: 'tidak',
    membatasiAkses: 'tidak',
    urusan: '2.17',
    dapatDireplikasi: 'ya',
    waktuPenerapan: '2024-03-01',
  };

  it('reads the answers by path or label, typed by their questions, and judges them', async () => {
    const eligible = await send({
      ...national,
      'Nama ketua tim inovasi': 'Rina',
      'daerah.sk_tim': 'ya',
    });
    expect(eligible.status).toBe(200);
    expect(eligible.json).toMatchObject({
      ruleSet: { id: 'perwali-surakarta-contoh-2025' },
      verdict: 'eligible',
    });
    const refused = await send({
      ...national,
      'daerah.ketua_tim': 'Rina',
      'daerah.sk_tim': 'tidak',
    });
    expect(refused.json).toMatchObject({ verdict: 'not_eligible' });
  });

  it('says which answer it cannot read, at its field', async () => {
    const bad = await send({ ...national, 'daerah.sk_tim': 'mungkin' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain('daerah.sk_tim');
    // Without the rule set loaded, the field is one the record does not have.
    const plain = await post(
      '/evaluate',
      new URLSearchParams({ ...national, 'daerah.sk_tim': 'ya' }),
      FORM,
    );
    expect(plain.status).toBe(422);
    expect(JSON.stringify(plain.json)).toContain('unknown_field');
  });
});
