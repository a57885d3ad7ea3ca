import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftProgress, evaluate, evaluatePortfolio, type PortfolioUnit } from '../src/index.js';
import { readRecords } from '../src/io/index.js';
import { checkSubmission } from '../src/submission.js';

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

describe('README: outputs from the files shipped in examples/', () => {
  const recordsOf = async <T = unknown>(file: string, options = {}): Promise<T[]> => {
    const records: T[] = [];
    for await (const row of readRecords(file, options))
      if (row.record) records.push(row.record as T);
    return records;
  };
  const shown = (value: unknown) =>
    JSON.stringify(value)
      .replace(/"([a-zA-Z]\w*)":/g, '$1: ')
      .replace(/"/g, "'")
      .replace(/,(?! )/g, ', ')
      .replace(/\{/g, '{ ')
      .replace(/\}/g, ' }');

  it('checkSubmission on Kota Batu’s first innovation gives what the comments say', async () => {
    const batu = JSON.parse(
      readFileSync(new URL('../examples/kota-batu-2024.json', import.meta.url), 'utf8'),
    );
    const check = await checkSubmission(batu.inovasi[0]);
    expect(check.ready).toBe(false);
    expect(readme).toContain(`check.window;       // ${shown(check.window)}: IGA 2024`);
    const [first] = check.problems;
    expect(readme).toContain(
      `check.problems[0];  // { code: '${first?.code}', status: '${first?.status}', indicator: '${first?.indicator}',`,
    );
    expect(readme).toContain(
      `//   fields: ${shown(first?.fields).replace(/, /g, ', ')}, message: '…', citation: '…' }`,
    );
    expect(readme).toContain(`check.points;       // ${shown(check.points)}: proven`);
  });

  it('evaluatePortfolio on the shipped files, last year as a list, gives what the comments say', async () => {
    const dir = new URL('../examples/', import.meta.url).pathname;
    const p = await evaluatePortfolio({
      pemda: 'Kota Batu',
      tahun: 2024,
      units: await recordsOf<PortfolioUnit>(`${dir}opd-batu.csv`, { fields: 'unit' }),
      inovasi: await recordsOf(`${dir}batu-2024.csv`),
      previous: await recordsOf(`${dir}batu-2023.csv`),
    });
    expect(readme).toContain(`p.agencies[0];               // ${shown(p.agencies[0])}`);
    expect(readme).toContain(
      `p.agenciesWithoutInnovation; // ${shown(p.agenciesWithoutInnovation)}`,
    );
    expect(readme).toContain(`p.change?.innovations;       // ${shown(p.change?.innovations)}`);
  });

  it('draftProgress of the draft shown gives what the comment says', () => {
    const progress = draftProgress({
      nama: 'Layanan Antrean Daring',
      kebaruan: 'seluruh',
      manfaatBagi: ['mutu_pelayanan'],
      pungutanBaru: false,
      membatasiAkses: false,
    });
    expect(readme).toContain(
      `draftProgress(draft); // { criteria: { decided: ${progress.criteria.decided}, total: ${progress.criteria.total}, … }, percent: ${progress.percent}, missingFields: ${shown(progress.missingFields)}, … }`,
    );
  });
});

describe('README and docs: every link to a file of the repository', () => {
  it('points at a file that is there (a moved test or example breaks it)', () => {
    const root = new URL('../', import.meta.url);
    const pages = [
      'README.md',
      ...readdirSync(new URL('docs/', root))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const missing: string[] = [];
    for (const page of pages) {
      const text = readFileSync(new URL(page, root), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target as string)) continue; // https:, mailto:
        if (!existsSync(new URL(target as string, new URL(page, root))))
          missing.push(`${page}: ${target}`);
      }
    }
    expect(missing).toStrictEqual([]);
  });
});
