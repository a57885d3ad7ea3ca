import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';

// The README's quick start, run as written: its record, and the values its comments promise.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'));
const record = quickStart.slice(
  quickStart.indexOf('evaluate({') + 'evaluate('.length,
  quickStart.indexOf('});') + 1,
);

describe('README quick start', () => {
  it('gives what its comments say', async () => {
    // The record literal is plain JSON once comments and trailing commas are gone.
    const json = record
      .replace(/\/\/.*$/gm, '')
      .replace(/,(\s*})/g, '$1')
      .replace(/(\w+):/g, '"$1":')
      .replace(/'/g, '"');
    const result = await evaluate(JSON.parse(json));
    expect(result.verdict).toBe('not_eligible');
    const failed = result.criteria.find((c) => c.status === 'fail');
    expect(failed?.citation).toBe(
      'Perwali Kota Batu 36/2022 (sebagaimana diumumkan Pemkot Batu, 2023), kriteria 3 (4a, 4b); PP 38/2017, kriteria inovasi daerah (c)',
    );
    expect(failed?.reasons[0]?.fields).toStrictEqual(['pungutanBaru', 'pungutanSesuaiPeraturan']);
    expect(failed?.reasons[0]?.message).toMatch(
      /^Kriteria 4a: inovasi menetapkan pungutan .* tanpa dasar peraturan; /,
    );
    expect(quickStart).toContain(
      `result.basis.ruleSet.why.message; // '${result.basis.ruleSet.why.message}'`,
    );
    expect(quickStart).toContain(
      "failed.citation; // 'Perwali Kota Batu 36/2022 (sebagaimana diumumkan Pemkot Batu, 2023), kriteria 3 (4a, 4b); PP 38/2017, kriteria inovasi daerah (c)'",
    );
  });
});

describe('README: which regulation decided', () => {
  it('shows the basis as evaluate gives it', async () => {
    const { basis } = await evaluate({
      nama: 'Sleman Smart Service',
      pemda: 'Kab. Sleman',
      tahun: 2027,
    });
    for (const line of [
      `basis.ruleSet.why.message; // '${basis.ruleSet.why.message}'`,
      `basis.rubric.why.message; // '${basis.rubric.why.message}'`,
      `basis.rubric.assumption; // ${basis.rubric.assumption}`,
    ]) {
      expect(readme).toContain(line);
    }
  });
});
