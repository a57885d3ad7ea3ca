import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, getRuleSet } from '../../src/index.js';
import { compareEditions } from '../../src/plan.js';
import { createApp } from '../../src/server/index.js';

/**
 * What-if over HTTP: `?overlay=` changes a copy of the rubric for one request; the answer names
 * it; the next request without it is answered as before; a bad overlay is a 400 with issues.
 */

const app = createApp();
const regionText = readFileSync(
  new URL('../../examples/kota-batu-2024.json', import.meta.url),
  'utf8',
);
const region = JSON.parse(regionText);
const record = { ...region.inovasi[0], pemda: region.pemda, tahun: region.tahun };
const q = (overlay: unknown) => encodeURIComponent(JSON.stringify(overlay));
async function post(path: string, body: unknown) {
  const res = await app.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  // biome-ignore lint/suspicious/noExplicitAny: read field by field.
  return { status: res.status, body: (await res.json()) as any };
}

describe('POST /region/compare', () => {
  it('compares two editions as compareEditions does', async () => {
    const { status, body } = await post('/region/compare?a=iga-2023&b=iga-2026', regionText);
    expect(status).toBe(200);
    expect(body).toStrictEqual(
      JSON.parse(JSON.stringify(await compareEditions(region, 'iga-2023', 'iga-2026'))),
    );
  });

  it('answers "what if the floor were 14" for that request only, and names the overlay', async () => {
    const { status, body } = await post(
      `/region/compare?overlay=${q({ divisorFloor: 14 })}`,
      regionText,
    );
    expect(status).toBe(200);
    // Kota Batu 2024 reports 11 innovations: Σ kematangan ÷ 11 under IGA 2023, ÷ 14 with the overlay.
    expect(body.a.divisor).toBe(11);
    expect(body.b.divisor).toBe(14);
    expect(body.b.sid).toBeCloseTo((body.a.sid * 11) / 14, 3);
    expect(body.b.iid).toBeLessThan(body.a.iid);
    expect(body.whatIf).toMatchObject({
      overlay: { divisorFloor: 14 },
      base: { id: 'iga-2023', edition: '2023' },
      rubric: { id: 'iga-2023-what-if' },
      stored: false,
    });
    expect(body.whatIf.rubric.hash).not.toBe(body.whatIf.base.hash);
    // Nothing stored: the next request, and the rule sets, are as before.
    const again = await post('/region', regionText);
    expect(again.body.sid.divisor).toBe(11);
    const listed = await (await app.request('/rule-sets')).json();
    expect(JSON.stringify(listed)).not.toContain('what-if');
    expect(() => getRuleSet('iga-2023-what-if')).toThrow();
  });

  it('moves a band threshold', async () => {
    const bands = await post(
      `/region/compare?overlay=${q({ bands: { kurang_inovatif: 30 } })}`,
      regionText,
    );
    // IID 28.94 falls below a "kurang inovatif" that starts at 30.
    expect(bands.body.a.band).toBe('kurang_inovatif');
    expect(bands.body.b.band).toBe('tidak_dapat_dinilai');
    expect(bands.body.reasons[0]).toContain('Kurang Inovatif ≥ 30');
  });

  it('refuses a bad overlay with every problem under overlay', async () => {
    const notJson = await post('/region/compare?overlay=%7Bdivisor', regionText);
    expect(notJson.status).toBe(400);
    expect(notJson.body.issues[0]).toMatchObject({ path: ['overlay'], code: 'invalid_json' });
    const unknownKey = await post(`/region/compare?overlay=${q({ floor: 14 })}`, regionText);
    expect(unknownKey.body.issues[0]).toMatchObject({
      path: ['overlay'],
      code: 'unrecognized_keys',
    });
    const range = await post(`/region/compare?overlay=${q({ divisorFloor: 0 })}`, regionText);
    expect(range.body.issues[0].path).toStrictEqual(['overlay', 'divisorFloor']);
    const names = await post(
      `/region/compare?overlay=${q({ bands: { hebat: 3 }, indicators: { zzz: { weight: 2 }, regulasi: { levels: { '2': 5 } } } })}`,
      regionText,
    );
    expect(names.status).toBe(400);
    expect(names.body.issues.map((i: { code: string }) => i.code)).toStrictEqual([
      'unknown_band',
      'unknown_indicator',
      'no_single_threshold',
    ]);
    const long = await post(
      `/region/compare?overlay=${q({ bands: { x: 1 }, pad: 'x'.repeat(5000) })}`,
      regionText,
    );
    expect(long.body.issues[0].code).toBe('too_big');
    const neither = await post('/region/compare', regionText);
    expect(neither.status).toBe(400);
    expect(neither.body.issues[0].path).toStrictEqual(['a']);
  });
});

describe('POST /evaluate?overlay=', () => {
  it('scores with the changed weight, the maximum following it, for that request only', async () => {
    const base = await evaluate(record);
    const sdm = base.score.indicators.find((i) => i.id === 'sdm');
    expect(sdm?.level).toBeGreaterThan(0);
    const { status, body } = await post(
      `/evaluate?overlay=${q({ indicators: { sdm: { weight: 5 } } })}`,
      record,
    );
    expect(status).toBe(200);
    const changed = body.score.indicators.find((i: { id: string }) => i.id === 'sdm');
    expect(changed.points).toBe((sdm?.level ?? 0) * 5);
    expect(body.score.claimed).toBe(base.score.claimed - (sdm?.points ?? 0) + changed.points);
    expect(body.basis.rubric.id).toBe('iga-2023-what-if');
    expect(body.whatIf.base.id).toBe('iga-2023');
    const plain = await post('/evaluate', record);
    expect(plain.body.score.claimed).toBe(base.score.claimed);
    expect(plain.body.whatIf).toBeUndefined();
  });

  it('moves a level’s threshold', async () => {
    // sdm level 2 is 11-30 people; with the threshold at 100, the record's team reaches level 1.
    const sdmLevel = (await evaluate(record)).score.indicators.find((i) => i.id === 'sdm')?.level;
    expect(sdmLevel).toBe(2);
    const { body } = await post(
      `/evaluate?overlay=${q({ indicators: { sdm: { levels: { '2': 100 } } } })}`,
      record,
    );
    expect(body.score.indicators.find((i: { id: string }) => i.id === 'sdm').level).toBe(1);
  });
});
