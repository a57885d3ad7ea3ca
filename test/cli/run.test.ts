import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/features/texts.js';
import { cli, cliWith, eligibleRecord } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'inovasi-cli-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('inovasi-rules CLI (spawned)', () => {
  it('evaluates one record as text with ✓ / ✗ / ? marks and reasons', () => {
    const path = file('one.json', eligibleRecord({ membatasiAkses: true }));
    const { code, stdout } = cli('evaluate', path);
    expect(code).toBe(0);
    expect(stdout).toContain('✗ Sistem Antrean Puskesmas Daring (fx-001): tidak memenuhi kriteria');
    expect(stdout).toContain('✓ 1. Mengandung pembaharuan');
    expect(stdout).toMatch(/✗ Kriteria 4b: .* \[membatasiAkses\]/);
  });

  it('evaluates an array as JSON in English, reporting invalid records and exiting 2', () => {
    const path = file('many.json', [
      eligibleRecord(),
      { nama: 'Rusak', kebaruan: 'baru' },
      { nama: 'Draf' },
    ]);
    const { code, stdout, stderr } = cli('evaluate', path, '--format', 'json', '--lang', 'en');
    expect(code).toBe(2);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(3);
    expect(out[0].verdict).toBe('eligible');
    expect(out[0].locale).toBe('en');
    expect(out[1]).toStrictEqual({
      index: 1,
      error: {
        code: 'E_INVALID_RECORD',
        issues: [expect.objectContaining({ path: ['kebaruan'] })],
      },
    });
    expect(out[2].verdict).toBe('incomplete');
    expect(stderr).toContain('record #2 is invalid');
    expect(stderr).toContain('kebaruan');
  });

  it('writes the template with a column per question of a --rule-set, and says how to read it back', async () => {
    const own = join(root, 'examples/perwali-surakarta-contoh.json');
    const output = join(dir, 'isian-surakarta.xlsx');
    const { code, stderr } = cli('template', '--rule-set', own, '-o', output);
    expect(code).toBe(0);
    expect(stderr).toContain(`npx inovasi-rules evaluate ${output} --rule-set ${own}`);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const header = ((workbook.worksheets[0]?.getRow(1).values ?? []) as unknown[]).slice(-2);
    expect(header).toStrictEqual([
      'Nama ketua tim inovasi',
      'Tim ditetapkan dengan SK Kepala Perangkat Daerah',
    ]);
  });

  it('takes --rule-set as an id or as a rule-set file', () => {
    const record = file('pp.json', eligibleRecord({ untukKepentinganPribadi: true }));
    expect(
      JSON.parse(cli('evaluate', record, '--rule-set', 'pp-38-2017', '--format', 'json').stdout)
        .verdict,
    ).toBe('eligible');
    const own = join(root, 'examples/perbup-contoh.json');
    const out = JSON.parse(cli('evaluate', record, '--rule-set', own, '--format', 'json').stdout);
    expect(out.ruleSet.id).toBe('perbup-contoh-2024');
  });

  it('refuses two rule-set files of one id, naming both, rather than one replacing the other unseen', () => {
    const own = JSON.parse(readFileSync(join(root, 'examples/perbup-contoh.json'), 'utf8'));
    const first = file('perbup-a.json', own);
    const second = file('perbup-b.json', { ...own, title: { id: 'Kedua', en: 'Second' } });
    const record = file('satu.json', eligibleRecord());
    const id = cli('evaluate', record, '--rule-set', first, '--rule-set', second);
    expect(id.code).toBe(1);
    expect(id.stderr).toContain(
      `inovasi-rules: ${second}: id "perbup-contoh-2024" sudah dimuat dari ${first}`,
    );
    expect(id.stdout).toBe('');
    const en = cli('evaluate', record, '--rule-set', first, '--rule-set', second, '--lang', 'en');
    expect(en.stderr).toContain(`the id "perbup-contoh-2024" is already loaded from ${first}`);
  });

  it('prints several rule sets side by side, each with its verdict', () => {
    const path = file(
      'multi.json',
      eligibleRecord({ kovablik: { proposal: { signifikansi: 80 } } }),
    );
    const { code, stdout } = cli(
      'evaluate',
      path,
      '--rule-set',
      'pp-38-2017',
      '--rule-set',
      'kipp-2023',
      '--rule-set',
      'kovablik-jatim',
      '--lang',
      'en',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/ {2}pp-38-2017 +✓ eligible\n/);
    expect(stdout).toMatch(/ {2}kipp-2023 +\? incomplete \(missing: \d+\)/);
    expect(stdout).toMatch(/ {2}kovablik-jatim +Stage I: proposal: 24 \(6 unscored\)/);
    const json = JSON.parse(
      cli(
        'evaluate',
        path,
        '--rule-set',
        'pp-38-2017',
        '--rule-set',
        'kovablik-jatim',
        '--format',
        'json',
      ).stdout,
    );
    expect(json.results.map((r: { kind: string }) => r.kind)).toStrictEqual([
      'eligibility',
      'weighted',
    ]);
  });

  it('runs the demo on the bundled records and the city index', () => {
    const { code, stdout } = cli('demo');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /11 data: 7 memenuhi kriteria, 3 tidak memenuhi kriteria, 1 belum lengkap, 0 tidak valid/,
    );
    // 2024 is scored by the edition in force then, iga-2023; Batu's own Perwali decides eligibility.
    // SPD 43.25 + SID 274 / max(10, 11) = 24.909 + 11 × 0.38 = 4.18 → 72.339 of 250 → IID
    // 28.94, each written as Indonesian writes numbers.
    expect(stdout).toContain('Kota Batu 2024, iga-2023: IID 28,94 (Kurang Inovatif)');
    expect(stdout).toContain(
      'SID (satuan inovasi daerah): kematangan terbukti 274 / max(10, 11) = 24,91 dari 111',
    );
    expect(stdout).toContain('Skor total 72,34 dari 250');
    expect(stdout).not.toMatch(/\d\.\d\d/);
  });

  it('scores records: a table of indicators, totals and the upgrade path', () => {
    const path = join(root, 'test/fixtures/scored.json');
    const text = cli('score', path, '--lang', 'en', '--rubric', 'iga-2026');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Among Tani Crop: iga-2026 kematangan 86 claimed, 80 proven, of 111',
    );
    expect(text.stdout).toMatch(/17 +Staff managing the innovation\* +2\/3 +4\/6 +✓/);
    expect(text.stdout).toContain(
      '+4   Innovation in the annual regional plan (RKPD): attach evidence (+4 proven points).',
    );
    const json = JSON.parse(cli('score', path, '--format', 'json', '--rubric', 'iga-2023').stdout);
    expect(json.score.rubric.id).toBe('iga-2023');
    // 2023 takes a perkada for level 3 of regulasi (weight 3): 2026's 80 plus 3.
    expect(json.score.proven).toBe(83);
  });

  it('computes a region index as text and JSON', () => {
    const path = file('region.json', {
      pemda: 'Kota Contoh',
      tahun: 2024,
      spd: { spd_visi_misi: 3 },
      inovasi: [
        eligibleRecord({ indikator: { video: { substansi: 5, bukti: [{ jenis: 'video' }] } } }),
      ],
    });
    const text = cli('region', path, '--rubric', 'iga-2023');
    expect(text.code).toBe(0);
    // (3 + 12 / 10 + 0.38) / 250 × 100 = 1.832
    expect(text.stdout).toContain('Kota Contoh 2024, iga-2023: IID 1,83 (Kurang Inovatif)');
    const json = JSON.parse(cli('region', path, '--format', 'json', '--rubric', 'iga-2026').stdout);
    // 2026: (3 + 12 / 12 + 0, since 1 of 6 basic-service affairs is covered) / 250 × 100 = 1.6
    expect([json.iid, json.band, json.sid.divisor]).toStrictEqual([1.6, 'kurang_inovatif', 12]);
  });

  it('lists rule sets and checks rule-set files', () => {
    expect(cli('rules', 'list').stdout).toMatch(
      /perwali-batu-36-2022 +eligibility, edition 2022 \(extends pp-38-2017\)/,
    );
    expect(cli('rules', 'list').stdout).not.toContain('perbup-contoh-2024');
    // A file given with --rule-set is listed beside the shipped ones ("shipped and loaded").
    const loaded = cli('rules', 'list', '--rule-set', join(root, 'examples/perbup-contoh.json'));
    expect(loaded.stdout).toMatch(
      /^perbup-contoh-2024 +eligibility, edition 2024 \(extends pp-38-2017\)/m,
    );
    expect(loaded.stdout).toMatch(/^perwali-batu-36-2022 /m);
    const good = cli('rules', 'check', join(root, 'rules/perwali-batu-36-2022.json'));
    expect(good.code).toBe(0);
    const bad = cli(
      'rules',
      'check',
      join(root, 'test/fixtures/rule-sets/broken.json'),
      '--lang',
      'en',
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(
      /broken\.json:\d+:\d+ {2}criterion 1 \(\w+\) › check 1 \(\w+\) › conditions\.all\[2\]\.operator\n {6}Unknown operator "matches"/,
    );
    const id = cli('rules', 'check', join(root, 'test/fixtures/rule-sets/broken.json'));
    expect(id.stdout).toContain('Operator "matches" tidak dikenal');
  });

  it('refuses a broken --rule-set file as rules check does: each problem once, at its line and column, in the chosen language', () => {
    const broken = join(root, 'test/fixtures/rule-sets/five-mistakes.json');
    const record = file('for-broken.json', eligibleRecord());
    const check = cli('rules', 'check', broken);
    for (const [lang, heading] of [
      ['id', 'galat'],
      ['en', 'error(s)'],
    ] as const) {
      const { code, stdout, stderr } = cli(
        'evaluate',
        record,
        '--rule-set',
        broken,
        '--lang',
        lang,
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(
        `✗ ${broken}: 6 ${heading}, 0 ${lang === 'en' ? 'warning(s)' : 'peringatan'}`,
      );
      expect(stderr).toContain(`${broken}:23:23`);
      // Each problem once.
      expect(stderr.match(/\[unknown_fact\]/g)).toHaveLength(1);
      if (lang === 'id') expect(stderr.trim()).toBe(check.stdout.trim());
    }
  });

  it('refuses a criterion one letter from an inherited one when evaluating, unless the file removes that one', () => {
    const criterion = {
      id: 'dapat_direplikasii',
      title: { id: 'Dapat direplikasi', en: 'Replicable' },
      citation: 'Perbup Uji 1/2025 Pasal 2',
      checks: [
        {
          id: 'replikasi',
          conditions: { all: [{ fact: 'dapatDireplikasi', operator: 'equal', value: true }] },
          fields: ['dapatDireplikasi'],
          messages: {
            pass: { id: 'Dapat direplikasi.', en: 'Replicable.' },
            fail: { id: 'Tidak dapat direplikasi.', en: 'Not replicable.' },
            unknown: { id: 'Isi dapatDireplikasi.', en: 'Fill in dapatDireplikasi.' },
          },
        },
      ],
    };
    const ruleSet = (id: string, extra: object) => ({
      id,
      kind: 'eligibility',
      extends: 'pp-38-2017',
      title: { id: 'Perbup Uji', en: 'Test regulation' },
      jurisdiction: { level: 'kabupaten', name: 'Kabupaten Uji' },
      legalBasis: [{ id: 'perbup-uji', title: 'Perbup Uji 1/2025', citation: 'Perbup Uji 1/2025' }],
      edition: '2025',
      effective: { from: '2025-01-01' },
      criteria: [criterion],
      ...extra,
    });
    const record = file('for-near.json', eligibleRecord());
    const near = cli(
      'evaluate',
      record,
      '--rule-set',
      file('perbup-uji-near.json', ruleSet('perbup-uji-near', {})),
    );
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('[near_inherited_id]');
    expect(near.stderr).toContain('"dapat_direplikasi"');
    const replaced = cli(
      'evaluate',
      record,
      '--rule-set',
      file('perbup-uji-ganti.json', ruleSet('perbup-uji-ganti', { remove: ['dapat_direplikasi'] })),
      '--format',
      'json',
    );
    expect(replaced.code).toBe(0);
    const ids = (JSON.parse(replaced.stdout) as { criteria: { id: string }[] }).criteria.map(
      (c) => c.id,
    );
    expect(ids).toContain('dapat_direplikasii');
    expect(ids).not.toContain('dapat_direplikasi');
  });

  it("runs a rule set's test cases from JSON, loading the rule set beside them", () => {
    const good = cli('rules', 'test', join(root, 'examples/perbup-contoh.cases.json'));
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('2 lulus, 0 gagal');
    expect(
      cli('rules', 'test', join(root, 'examples/perbup-contoh.cases.json'), '--lang', 'en').stdout,
    ).toContain('2 passed, 0 failed');
    const cases = file('wrong.cases.json', {
      ruleSet: 'pp-38-2017',
      cases: [
        {
          name: 'expects the wrong verdict',
          record: { nama: 'x', kebaruan: 'tidak' },
          expect: { verdict: 'eligible' },
        },
      ],
    });
    const bad = cli('rules', 'test', cases);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(
      '✗ expects the wrong verdict\n    verdict not_eligible, seharusnya eligible',
    );
    expect(cli('rules', 'test', cases, '--lang', 'en').stdout).toContain(
      '✗ expects the wrong verdict\n    verdict is not_eligible, expected eligible',
    );
  });

  it.each([
    [[]],
    [['evaluate']],
    [['frobnicate']],
    [['evaluate', 'x.json', '--lang', 'fr']],
    [['evaluate', 'x.json', '--colour']],
    [['demo', '--rule-set', 'perbup-atlantis']],
    [['demo', '--rubric', 'pp-38-2017']],
  ])('exits 1 on a usage error: %j', (args) => {
    const { code, stderr } = cli(...args);
    expect(code).toBe(1);
    expect(stderr).toMatch(/inovasi-rules: /);
  });

  it('exits 2 on a file that is not JSON, naming the problem', () => {
    const { code, stderr } = cli('evaluate', file('bad.json', '{ nama: '));
    expect(code).toBe(2);
    expect(stderr).toContain('bukan JSON yang sah');
    expect(cli('evaluate', file('bad.json', '{ nama: '), '--lang', 'en').stderr).toContain(
      'is not valid JSON',
    );
  });
});

describe('output that respects its reader', () => {
  it.each([
    [
      'a folder',
      ['evaluate', 'examples'],
      'inovasi-rules: tidak dapat membaca examples: itu folder, bukan berkas',
    ],
    [
      'a missing file',
      ['evaluate', 'nope.csv', '--lang', 'en'],
      'inovasi-rules: cannot read nope.csv: no such file',
    ],
    [
      'a missing rule-set file',
      ['evaluate', 'examples/batu-2024.csv', '--rule-set', 'nope.json'],
      'inovasi-rules: tidak dapat membaca nope.json: berkas tidak ada',
    ],
    [
      'a missing units file',
      ['report', 'examples/batu-2024.csv', '--units', 'nope.csv'],
      'inovasi-rules: tidak dapat membaca nope.csv: berkas tidak ada',
    ],
  ])('%s: exit 2 and one line naming it', (_, args, line) => {
    const result = cli(...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(line);
  });

  it('ends quietly when the reader stops reading (| head -1)', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `${process.execPath} --import tsx src/cli/main.ts evaluate examples/batu-2024.csv --format ndjson | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: undefined } },
    );
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toBe('status 141\n');
  });

  it('writes a summary per record to NDJSON by default, the full evaluation with --detail full', () => {
    const summary = cli('evaluate', 'examples/batu-2024.csv', '--format', 'ndjson')
      .stdout.trim()
      .split('\n');
    const first = JSON.parse(summary[0] as string);
    expect(Object.keys(first)).toStrictEqual([
      'id',
      'nama',
      'ruleSet',
      'verdict',
      'failing',
      'missingFields',
      'score',
      'stamp',
    ]);
    const failing = summary.map((l) => JSON.parse(l)).find((r) => r.verdict === 'not_eligible');
    expect(failing.failing[0]).toMatchObject({
      id: expect.any(String),
      reasons: [{ code: expect.any(String) }],
    });
    const full = JSON.parse(
      cli(
        'evaluate',
        'examples/batu-2024.csv',
        '--format',
        'ndjson',
        '--detail',
        'full',
      ).stdout.split('\n')[0] as string,
    );
    expect(full.criteria).toHaveLength(5);
  });

  it('keeps --format json valid when there is nothing to evaluate, and says so', () => {
    const path = file('header-only.csv', 'nama;kebaruan\r\n');
    const result = cli('evaluate', path, '--format', 'json');
    expect(JSON.parse(result.stdout)).toStrictEqual([]);
    expect(result.stderr).toContain('masukan tidak berisi data inovasi');
  });
});

describe('colour and tables for a person at a terminal', () => {
  const record = () => file('warna.json', eligibleRecord({ membatasiAkses: true }));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape that starts a colour
  const ansi = /\u001b\[/;

  it('colours verdicts when asked (FORCE_COLOR), never with --no-color or NO_COLOR, never in a pipe', () => {
    const forced = cliWith({ FORCE_COLOR: '1' }, 'evaluate', record());
    expect(forced.stdout).toMatch(ansi);
    expect(forced.stdout).toContain('\u001b[31m✗\u001b[39m');
    expect(cliWith({ FORCE_COLOR: '1' }, 'evaluate', record(), '--no-color').stdout).not.toMatch(
      ansi,
    );
    expect(cliWith({ FORCE_COLOR: '1', NO_COLOR: '1' }, 'evaluate', record()).stdout).not.toMatch(
      ansi,
    );
    expect(cli('evaluate', record()).stdout).not.toMatch(ansi);
  });

  it('wraps long indicator names in the score table instead of cutting a word', () => {
    const out = cli('score', join(root, 'test/fixtures/scored.json'), '--lang', 'en').stdout;
    expect(out).toMatch(/21 +Innovation in the annual regional plan +2\/3/);
    expect(out).toMatch(/\n {6}\(RKPD\)\*?\s*\n/);
  });
});

describe('one language at a time', () => {
  it('speaks Indonesian by default and English with --lang en, help and usage errors included', () => {
    const id = cli('frobnicate');
    expect(id.code).toBe(1);
    expect(id.stderr).toMatch(/^inovasi-rules: perintah "frobnicate" tidak dikenal\n\nPemakaian:/);
    const en = cli('frobnicate', '--lang', 'en');
    expect(en.stderr).toMatch(/^inovasi-rules: unknown command "frobnicate"\n\nUsage:/);
    expect(cli('--help').stdout).toMatch(/^Pemakaian: inovasi-rules/);
    expect(cli('region', '--lang', 'en').stderr).toMatch(/^inovasi-rules: region takes one file/);
  });
});

describe('help on each command', () => {
  const help = TEXTS.cli.help as Record<string, { id: string; en: string }>;

  it.each([
    [['rules', 'check', '--help'], 'Pemakaian: inovasi-rules rules check <berkas>'],
    [['rules', 'new', '-h', '--lang', 'en'], 'Usage: inovasi-rules rules new <id>'],
    [['rules', '--help'], 'Pemakaian: inovasi-rules rules <list|new|check|test>'],
    [['evaluate', 'x.csv', '--help', '--lang', 'en'], 'Usage: inovasi-rules evaluate <file>'],
    [['serve', '--help'], 'Pemakaian: inovasi-rules serve [opsi]'],
    [['--help'], 'Pemakaian: inovasi-rules <perintah> [opsi]'],
    [['frobnicate', '--help'], 'Pemakaian: inovasi-rules <perintah> [opsi]'],
  ])('%j starts with %j and exits 0', (args, start) => {
    const { code, stdout } = cli(...args);
    expect(code).toBe(0);
    expect(stdout.startsWith(start)).toBe(true);
  });

  it('gives examples that run as written, on the bundled files', () => {
    const examples = new Set(
      Object.values(help).flatMap((text) =>
        [...`${text.id}\n${text.en}`.matchAll(/^ {2}npx inovasi-rules (.+)$/gm)].map(
          (m) => m[1] as string,
        ),
      ),
    );
    expect(examples.size).toBeGreaterThan(8);
    // A file an example writes with -o goes to a folder of the test's; an example after it
    // that reads that file (`verify berkas.html` after `dossier … -o berkas.html`) reads it there.
    const out = mkdtempSync(join(tmpdir(), 'inovasi-help-'));
    const written = new Set<string>();
    for (const example of examples) {
      const args = [...example.matchAll(/"([^"]*)"|(\S+)/g)]
        .map((m) => (m[1] ?? m[2]) as string)
        .map((a, i, all) => (all[i - 1] === '-o' || written.has(a) ? join(out, a) : a));
      for (const arg of args.filter((a) => a.startsWith('examples/'))) {
        expect(existsSync(join(root, arg)), example).toBe(true);
      }
      // What keeps running or writes a rule set into the repository is only checked for its files.
      if (args[0] === 'serve' || args[1] === 'new') continue;
      const { code, stderr } = cli(...args);
      expect(code, `${example}\n${stderr}`).toBe(0);
      const o = args.indexOf('-o');
      if (o >= 0) written.add(example.split(/\s+/)[o + 1] as string);
    }
    // Some thirty processes one after the other: the bound guards against a hang only, and holds
    // on a loaded two-core machine (where each takes seconds).
  }, 900_000);
});

describe('the command line in Indonesian, on its error paths', () => {
  /** Words only the English messages have. */
  const ENGLISH =
    /\b(the|is|not|must|cannot|column|line|ignored|read as|left out|needs|choose|whole number|extend)\b/i;
  const messy = () =>
    file(
      'berantakan.csv',
      'DAFTAR INOVASI\nNama Inovasi;Tanggal Penerapan;catatan;indikator.sdm.jumlah\nA;31/02/2023;x;11-30 orang\nB;2023-01-05;;12,500\nJUMLAH;;;\n',
    );
  it.each([
    [['evaluate', join(dir, 'tidak-ada.csv')]],
    [['evaluate', '-']],
    [['evaluate', 'x.csv', '--delimiter', '|']],
    [['evaluate', 'x.csv', '--number-format', 'fr']],
    [['evaluate', 'x.csv', '--format', 'pdf']],
    [['rules', 'new', 'Id Salah']],
    [['rules', 'new', 'perbup-uji-2025', '--year', '99']],
    [['rules', 'new', 'perbup-uji-2025', '--level', 'desa']],
    [['rules', 'new', 'pp-38-2017']],
    [['serve', '--port', '99999']],
    [['serve', '--watch']],
    [['serve', '--rule-set-dir', join(dir, 'tidak-ada')]],
  ])('%j says its error in Indonesian, and in English with --lang en', (args) => {
    const id = cli(...args);
    expect(id.code).not.toBe(0);
    expect(id.stderr.trim()).not.toBe('');
    expect(id.stderr).not.toMatch(ENGLISH);
    const en = cli(...args, '--lang', 'en');
    expect(en.stderr).toMatch(ENGLISH);
  });

  it('heads the problems of an invalid region and of a malformed case file in its language', () => {
    const region = JSON.parse(readFileSync(join(root, 'examples/kota-batu-2024.json'), 'utf8'));
    region.inovasi[0].kebaruan = 'baru sekali';
    region.inovasi[1].tahun = 'dua ribu';
    const two = file('wilayah-rusak.json', region);
    const id = cli('region', two);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('inovasi-rules: Data inovasi tidak valid (2 masalah):');
    expect(id.stderr).toContain('inovasi.0.kebaruan');
    expect(id.stderr).toContain('inovasi.1.tahun');
    expect(id.stderr).not.toMatch(/Invalid|problem/);
    expect(cli('region', two, '--lang', 'en').stderr).toContain(
      'inovasi-rules: Invalid innovation record (2 problems):',
    );
    region.inovasi[1].tahun = 2024;
    const one = file('wilayah-satu-salah.json', region);
    expect(cli('region', one, '--lang', 'en').stderr).toContain(
      'inovasi-rules: Invalid innovation record (1 problem):',
    );
    // A case file that is not one: the file is named, not "invalid rule set".
    const cases = file('rusak.cases.json', { ruleSet: 'pp-38-2017', cases: [{ name: 5 }] });
    const test = cli('rules', 'test', cases);
    expect(test.code).toBe(2);
    expect(test.stderr).toContain(`inovasi-rules: ${cases} tidak dapat dibaca (3 masalah):`);
    expect(test.stderr).toContain('cases.0.name');
    expect(test.stderr).not.toContain('Rule set');
  });

  it('shows the help of the command a usage error was made in, else the whole usage', () => {
    expect(cli('serve', '--watch').stderr).toContain('Pemakaian: inovasi-rules serve [opsi]');
    expect(cli('evaluate', 'x.csv', '--format', 'pdf', '--lang', 'en').stderr).toContain(
      'Usage: inovasi-rules evaluate <file>',
    );
    expect(cli('frobnicate').stderr).toContain('Pemakaian: inovasi-rules <perintah> [opsi]');
  });

  it('says every warning and problem of a messy export in Indonesian', () => {
    const { stderr } = cli('evaluate', messy(), '--format', 'json');
    expect(stderr).toContain('kolom "catatan" tidak cocok');
    expect(stderr).toContain('dibaca 11');
    expect(stderr).toContain('baris 5 adalah baris jumlah');
    expect(stderr).not.toMatch(ENGLISH);
  });
});
