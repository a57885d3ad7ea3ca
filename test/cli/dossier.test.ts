import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eligibleRecord, runInProcess, cli as spawned } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
const examples = new URL('../../examples/', import.meta.url).pathname;

const cli = (...argv: string[]) => runInProcess(argv);

describe('inovasi-rules dossier, verify', () => {
  it('prints a region’s dossier to a file, which verify then finds in agreement', async () => {
    const file = join(dir, 'daerah.html');
    const made = await cli(
      'dossier',
      `${examples}kota-batu-2024.json`,
      '--plan',
      '--date',
      '2026-12-06',
      '-o',
      file,
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<h1>Berkas Indeks Inovasi Daerah: Kota Batu</h1>');
    expect(html).toContain('Rencana menuju inovatif');
    const checked = await cli('verify', file);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^Cocok: \d+ angka dihitung ulang/);
    const json = await cli('verify', file, '--format', 'json', '--lang', 'en');
    expect(JSON.parse(json.stdout)).toMatchObject({ agree: true, kind: 'region' });
  });

  it('prints one innovation of a spreadsheet by position, id or name; verify exits 4 on an edited figure', async () => {
    const one = (which: string) =>
      cli('dossier', `${examples}batu-2024.csv`, '--innovation', which, '--date', '2026-12-06');
    const byName = await one('puskesmas tanpa antre');
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('<td>Puskesmas Tanpa Antre</td>');
    expect((await one('batu-2023-007')).stdout).toBe(byName.stdout);
    expect((await one('7')).stdout).toBe(byName.stdout);
    const edited = join(dir, 'edited.html');
    writeFileSync(edited, byName.stdout.replace(/(<span data-f="i1\.proven">)\d+/, '$1111'));
    const checked = await cli('verify', edited, '--lang', 'en');
    expect(checked.code).toBe(4);
    expect(checked.stdout).toMatch(/^Does not agree: 1 of \d+ figures differ/);
    expect(checked.stdout).toMatch(/i1\.proven: 111 in the dossier, \d+ recomputed/);
  });

  it('fills a row’s region and year from the file, as report does, and refuses an unreadable row', async () => {
    const csv = join(dir, 'usulan.csv');
    writeFileSync(
      csv,
      'Nama Inovasi;Pemerintah Daerah;Tahun;Kebaruan\nA;Kota Batu;2024;Baru\nB;;;Sebagian\nC;;;dua\n',
    );
    const all = await cli('dossier', csv, '--format', 'json');
    expect(all.code).toBe(2);
    expect(all.stderr).toMatch(/baris 4/);
    const one = await cli('dossier', csv, '--innovation', 'B', '--format', 'json');
    expect(one.code).toBe(0);
    const d = JSON.parse(one.stdout);
    expect(d.innovations[0].record).toMatchObject({ nama: 'B', pemda: 'Kota Batu', tahun: 2024 });
    expect(d.innovations[0].evaluation.basis.ruleSet.id).toBe('perwali-batu-36-2022');
  });

  it('verifies a dossier made with a region’s own rule-set file, and names it when it changed', async () => {
    const rules = JSON.parse(readFileSync(`${examples}perbup-contoh.json`, 'utf8'));
    const ruleFile = join(dir, 'perbup.json');
    writeFileSync(ruleFile, JSON.stringify(rules));
    const records = join(dir, 'usulan-contoh.json');
    writeFileSync(
      records,
      JSON.stringify([
        eligibleRecord({
          pemda: 'Kabupaten Contoh',
          nama: 'Layanan Contoh',
          rancangBangun: Array.from({ length: 50 }, (_, i) => `kata${i}`).join(' '),
        }),
      ]),
    );
    const page = join(dir, 'berkas-contoh.html');
    const made = await cli('dossier', records, '--rule-set', ruleFile, '-o', page);
    expect(made.code).toBe(0);
    // A new process, as a verifier runs it later: the file's rule set is not loaded there.
    const without = spawned('verify', page);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(
      'rule set "perbup-contoh-2024" yang bukan bawaan: berikan berkasnya dengan --rule-set',
    );
    expect((await cli('verify', page, '--rule-set', ruleFile)).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('<span data-f="i1.verdict">tidak layak</span>');
    // The Perbup is amended: 40 words of design are enough now. The verdict moved; the new hash.
    const amendedRules = structuredClone(rules);
    amendedRules.criteria[2].checks[0].conditions.all[0].value = 40;
    writeFileSync(ruleFile, JSON.stringify(amendedRules));
    const amended = await cli('verify', page, '--rule-set', ruleFile);
    expect(amended.code).toBe(4);
    expect(amended.stdout).toContain('i1.verdict: di berkas tidak layak, dihitung ulang layak');
    expect(amended.stdout).toMatch(
      /^Rule set perbup-contoh-2024 berubah: sidik sha256:[0-9a-f]{64} di berkas, sha256:[0-9a-f]{64} sekarang\.$/m,
    );
  });

  it('says what is wrong: no such innovation, no dossier in a file, no file', async () => {
    const missing = await cli('dossier', `${examples}batu-2024.csv`, '--innovation', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      '--innovation 99: tidak ada inovasi dengan urutan (1 sampai 11)',
    );
    const notDossier = await cli('verify', `${examples}batu-2024.csv`, '--lang', 'en');
    expect(notDossier.code).toBe(2);
    expect(notDossier.stderr).toContain('no embedded dossier');
    const none = await cli('verify', join(dir, 'tidak-ada.html'));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('tidak-ada.html');
    const signers = join(dir, 'ttd.json');
    writeFileSync(signers, JSON.stringify({ kepalaPerangkatDaerah: { nip: '12' } }));
    const badNip = await cli(
      'dossier',
      `${examples}batu-2024.csv`,
      '--innovation',
      '1',
      '--signatories',
      signers,
    );
    expect(badNip.code).toBe(1);
    expect(badNip.stderr).toContain('signatories.kepalaPerangkatDaerah.nip');
  });
});

describe('inovasi-rules outcomes, report --outcomes', () => {
  it('prints the agreement table and the codes for the sample decisions', async () => {
    const { code, stdout } = await cli(
      'outcomes',
      `${examples}hasil-verifikasi-contoh.csv`,
      '--records',
      `${examples}batu-2024.csv`,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('10 inovasi ada di kedua berkas.');
    expect(stdout).toMatch(/\| belum siap \| 6 \| 4 \|/);
    expect(stdout).toContain('| `kriteria:tidak_membebani` | 2 | 2 (100%) |');
    expect(stdout).toContain('Tanpa keputusan verifikator: "SIRIDAKOBA"');
  });

  it('compares with a region record’s innovations too, as JSON', async () => {
    const decisions = join(dir, 'hasil.csv');
    writeFileSync(decisions, 'Nama Inovasi,Hasil Verifikasi\nAmong Tani Crop,Terverifikasi\n');
    const { code, stdout } = await cli(
      'outcomes',
      decisions,
      '--records',
      `${examples}kota-batu-2024.json`,
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect(c.matched).toBe(1);
    expect(c.innovations[0]).toMatchObject({ record: 0, decision: 'diterima' });
    expect(c.undecided).toHaveLength(10);
  });

  it('puts the comparison into the report, in Markdown and HTML', async () => {
    const args = [
      'report',
      `${examples}batu-2024.csv`,
      '--outcomes',
      `${examples}hasil-verifikasi-contoh.csv`,
    ];
    const md = await cli(...args);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Hasil verifikasi dibanding prakiraan');
    const html = await cli(...args, '--format', 'html', '--lang', 'en');
    expect(html.stdout).toContain(
      '<section id="outcomes"><h2>Verifiers&#39; decisions against the prediction</h2>',
    );
    expect(html.stdout).toMatch(/<td data-label="Flagged" class="num">\d+<\/td>/);
  });

  it('needs --records, and names a decisions row it cannot read', async () => {
    const needs = await cli('outcomes', `${examples}hasil-verifikasi-contoh.csv`);
    expect(needs.code).toBe(1);
    expect(needs.stderr).toContain('--records');
    const decisions = join(dir, 'rusak.csv');
    writeFileSync(decisions, 'Nama Inovasi;Status\nAmong Tani Crop;Diterima\nLapor;Mungkin\n');
    const record = join(dir, 'satu.json');
    writeFileSync(record, JSON.stringify([eligibleRecord({ nama: 'Among Tani Crop' })]));
    const bad = await cli('outcomes', decisions, '--records', record);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rusak\.csv, baris 3: .*keputusan/);
  });
});
