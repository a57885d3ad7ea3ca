import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { type ReadOptions, type ReadRow, readRecords } from '../../src/io/index.js';

/** The rows read from a workbook's bytes, their messages in English. */
async function rows(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadRow[]> {
  const out: ReadRow[] = [];
  for await (const row of readRecords(bytes, { locale: 'en', format: 'xlsx', ...options })) {
    out.push(row);
  }
  return out;
}

const field = (read: ReadRow[], name: string) =>
  read.map((row) => (row.record as Record<string, unknown> | undefined)?.[name]);
const names = (read: ReadRow[]) => field(read, 'nama');

/** A workbook written by exceljs: it stores `xl/workbook.xml` last, after the sheets. */
async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A workbook rewritten by `edit` (each part's text, by path), stored or deflated. */
async function rewritten(
  bytes: Uint8Array,
  edit: (path: string, text: string) => string | undefined,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [path, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const text = edit(path, await entry.async('string'));
    if (text !== undefined) out.file(path, text);
  }
  return out.generateAsync({ type: 'uint8array', compression });
}

describe('reading a workbook through its central directory', () => {
  it('reads the first sheet whose tab shows, and a hidden one only by name', async () => {
    const bytes = await workbook((wb) => {
      const lists = wb.addWorksheet('Referensi', { state: 'hidden' });
      lists.addRow(['nama']);
      lists.addRow(['Pilihan dari daftar']);
      const data = wb.addWorksheet('Data');
      data.addRow(['nama']);
      data.addRow(['Si Cantik']);
    });
    expect(names(await rows(bytes))).toStrictEqual(['Si Cantik']);
    expect(names(await rows(bytes, { sheet: 'Referensi' }))).toStrictEqual(['Pilihan dari daftar']);
    expect(names(await rows(bytes, { sheet: 'Data' }))).toStrictEqual(['Si Cantik']);
  });

  it('names the sheets it leaves unread when none was named: not a hidden one, nor the guide', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Referensi', { state: 'hidden' }).addRow(['nama']);
      for (const [name, innovation] of [
        ['Dinkes', 'SIPANDU'],
        ['Diskominfo', 'Lapak Online'],
      ]) {
        const ws = wb.addWorksheet(name);
        ws.addRow(['nama']);
        ws.addRow([innovation]);
      }
      wb.addWorksheet('Petunjuk').addRow(['Kolom', 'Isian']);
    });
    const read = await rows(bytes);
    expect(names(read)).toStrictEqual(['SIPANDU']);
    expect(read[0]?.warnings).toStrictEqual([
      {
        path: [],
        code: 'other_sheets',
        message:
          'only sheet "Dinkes" is read; these sheets are not: "Diskominfo" (choose one with --sheet)',
      },
    ]);
    // A sheet named is the one meant: nothing to say of the others.
    const named = await rows(bytes, { sheet: 'Diskominfo' });
    expect(names(named)).toStrictEqual(['Lapak Online']);
    expect(named[0]?.warnings).toBeUndefined();
  });

  it('reads the first hidden sheet when no tab shows', async () => {
    const bytes = await workbook((wb) => {
      for (const name of ['A', 'B']) {
        const ws = wb.addWorksheet(name, { state: 'veryHidden' });
        ws.addRow(['nama']);
        ws.addRow([`Inovasi ${name}`]);
      }
    });
    expect(names(await rows(bytes))).toStrictEqual(['Inovasi A']);
  });

  it('takes the sheets in the order of their tabs, not of their parts', async () => {
    const bytes = await workbook((wb) => {
      const later = wb.addWorksheet('Kedua');
      later.addRow(['nama']);
      later.addRow(['Dari tab kedua']);
      const first = wb.addWorksheet('Pertama');
      first.addRow(['nama']);
      first.addRow(['Dari tab pertama']);
      // exceljs's own field for a tab's place (not in its types).
      (later as unknown as { orderNo: number }).orderNo = 2;
      (first as unknown as { orderNo: number }).orderNo = 1;
    });
    expect(names(await rows(bytes))).toStrictEqual(['Dari tab pertama']);
    const error = await rows(bytes, { sheet: 'Ketiga' }).catch((e: unknown) => e);
    expect((error as InputFileError).issues[0]?.message).toBe(
      'input has no sheet "Ketiga"; its sheets: Pertama, Kedua',
    );
  });

  it('keeps every character split between two inflated chunks', async () => {
    // Thousands of distinct texts of 2- and 3-byte characters: the shared strings and the sheet
    // inflate in chunks of 16 kB, so characters fall across chunk boundaries. (No character past
    // U+FFFF: exceljs's writer splits those itself, on writing.)
    const texts = Array.from({ length: 3000 }, (_, i) => `Layanan – ‘Sehat’ Ñé ${i}`);
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['nama', 'deskripsi']);
      for (const text of texts) ws.addRow([text, { richText: [{ text: `${text} ✓` }] }]);
    });
    const read = await rows(bytes);
    expect(names(read)).toStrictEqual(texts);
    expect(field(read, 'rancangBangun')).toStrictEqual(texts.map((t) => `${t} ✓`));
  });

  it('reads a two-sheet workbook many times over, each time whole', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Ringkasan').addRow(['x']);
      const data = wb.addWorksheet('Data');
      data.addRow(['nama']);
      data.addRow(['B']);
    });
    const reads = await Promise.all(
      Array.from({ length: 40 }, () => rows(bytes, { sheet: 'Data' }).then(names)),
    );
    expect(reads).toStrictEqual(Array.from({ length: 40 }, () => ['B']));
  });

  it('says a damaged part is damaged, naming the file', async () => {
    const bytes = Buffer.from(
      await workbook((wb) => {
        const ws = wb.addWorksheet('Data');
        ws.addRow(['nama']);
        ws.addRow(['Si Cantik']);
      }),
    );
    // Overwrite the start of workbook.xml's deflated bytes (its local header stays whole).
    const at = bytes.indexOf('xl/workbook.xml');
    const data = at + 'xl/workbook.xml'.length;
    bytes.fill(0xff, data, data + 16);
    const error = await rows(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).issues[0]?.code).toBe('invalid_xlsx');
  });
});

describe('cells merged down a column', () => {
  it("reads each row of a block as the block's value, and says so", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow(['No', 'Nama Inovasi', 'Perangkat Daerah']);
      ws.addRow([1, 'SI-CANTIK', 'Dinas Kesehatan']);
      ws.addRow([2, 'Posyandu Digital', null]);
      ws.addRow([3, 'Lapor Cepat', 'Diskominfo']);
      ws.addRow([4, 'Satu Data', null]);
      ws.addRow([5, 'Kampung KB', 'DP3AP2KB']);
      ws.mergeCells('C2:C3');
      ws.mergeCells('C4:C5');
    });
    const read = await rows(bytes);
    expect(field(read, 'opd')).toStrictEqual([
      'Dinas Kesehatan',
      'Dinas Kesehatan',
      'Diskominfo',
      'Diskominfo',
      'DP3AP2KB',
    ]);
    expect(read[0]?.warnings?.map((w) => [w.code, w.message])).toStrictEqual([
      [
        'merged_down',
        'cells merged down a column are read as the same value in each of their rows: C2:C3, C4:C5',
      ],
    ]);
    expect(read.slice(1).every((row) => row.warnings === undefined)).toBe(true);
  });

  it('fills nothing from a block that starts in the header or holds no value', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow(['Nama Inovasi', 'Perangkat Daerah']);
      ws.addRow([null, null]);
      ws.addRow(['A', null]);
      ws.addRow(['B', null]);
      ws.mergeCells('A1:A2');
      ws.mergeCells('B3:B4');
    });
    const read = await rows(bytes);
    expect(read.map((row) => row.record)).toStrictEqual([{ nama: 'A' }, { nama: 'B' }]);
    // The blocks are named all the same: the header's is not among them.
    expect(read[0]?.warnings?.[0]?.message).toMatch(/: B3:B4$/);
  });

  it('finds every block of a long list, whatever chunk its tag falls in', async () => {
    const blocks = 1500;
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow(['Nama Inovasi', 'Perangkat Daerah']);
      for (let i = 0; i < blocks; i++) {
        ws.addRow([`Inovasi ${i}a`, `Dinas ${i}`]);
        ws.addRow([`Inovasi ${i}b`, null]);
        ws.mergeCells(`B${2 * i + 2}:B${2 * i + 3}`);
      }
    });
    const read = await rows(bytes);
    expect(field(read, 'opd')).toStrictEqual(
      Array.from({ length: blocks }, (_, i) => [`Dinas ${i}`, `Dinas ${i}`]).flat(),
    );
    expect(read[0]?.warnings?.[0]?.message).toMatch(/B2:B3, B4:B5, B6:B7, … \(1500\)$/);
  });
});

describe('cells merged across the table', () => {
  it('leaves out a section heading, and keeps an innovation whose name spans two columns', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow(['No', 'Nama Inovasi', null, 'Tahapan']);
      ws.addRow(['A. DINAS KESEHATAN']);
      ws.addRow([1, 'SI-CANTIK', null, 'Penerapan']);
      ws.addRow(['B. DISKOMINFO', null, null, null]);
      ws.addRow([2, 'Lapor Cepat', null, 'Uji Coba']);
      ws.mergeCells('B1:C1');
      ws.mergeCells('A2:D2');
      ws.mergeCells('B3:C3');
      ws.mergeCells('A4:D4');
      ws.mergeCells('B5:C5');
    });
    const read = await rows(bytes);
    expect(read.map((row) => [row.line, row.skipped ?? false, row.record])).toStrictEqual([
      [2, true, undefined],
      [3, false, { id: '1', nama: 'SI-CANTIK', tahapan: 'penerapan' }],
      [4, true, undefined],
      [5, false, { id: '2', nama: 'Lapor Cepat', tahapan: 'uji_coba' }],
    ]);
    expect(read[2]?.warnings?.map((w) => [w.code, w.message])).toStrictEqual([
      [
        'section_row',
        'line 4 is a section heading ("B. DISKOMINFO", a cell merged across the table): left out',
      ],
    ]);
  });

  it('reads a row with a merged cell as an innovation when its name is filled, else as a heading', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow(['Catatan', null, 'Nama Inovasi']);
      ws.addRow(['untuk dua kolom', null, 'SI-CANTIK']);
      ws.addRow(['hanya catatan']);
      ws.mergeCells('A2:B2');
      ws.mergeCells('A3:B3');
    });
    const read = await rows(bytes, { map: { Catatan: null } });
    expect(read.map((row) => [row.line, row.skipped ?? false, row.record])).toStrictEqual([
      [2, false, { nama: 'SI-CANTIK' }],
      [3, true, undefined],
    ]);
  });
});

describe('workbooks as other programs write them', () => {
  const twoSheets = () =>
    workbook((wb) => {
      const first = wb.addWorksheet('Ringkasan');
      first.addRow(['nama']);
      first.addRow(['Dari ringkasan']);
      const data = wb.addWorksheet('Data');
      data.addRow(['nama']);
      data.addRow(['Dari data']);
    });

  it('follows relationships written from the root (/xl/worksheets/…), stored uncompressed', async () => {
    const bytes = await rewritten(
      await twoSheets(),
      (path, text) =>
        path === 'xl/_rels/workbook.xml.rels'
          ? text.replace(/Target="worksheets\//g, 'Target="/xl/worksheets/')
          : text,
      'STORE',
    );
    expect(names(await rows(bytes, { sheet: 'Data' }))).toStrictEqual(['Dari data']);
    expect(names(await rows(bytes))).toStrictEqual(['Dari ringkasan']);
  });

  it('takes the tabs in the workbook’s order when it lists them unlike the parts', async () => {
    const bytes = await rewritten(await twoSheets(), (path, text) =>
      path === 'xl/workbook.xml'
        ? text.replace(/(<sheet [^>]*name="Ringkasan"[^>]*\/>)(<sheet [^>]*\/>)/, '$2$1')
        : text,
    );
    expect(names(await rows(bytes))).toStrictEqual(['Dari data']);
  });

  it('reads a sheet no tab names after the named ones, and skips a relationship to nothing', async () => {
    const bytes = await rewritten(await twoSheets(), (path, text) =>
      path === 'xl/workbook.xml'
        ? text.replace(
            /<sheet [^>]*name="Ringkasan"[^>]*\/>/,
            '<sheet name="Hilang" sheetId="9" r:id="rId99"/>',
          )
        : text,
    );
    expect(names(await rows(bytes))).toStrictEqual(['Dari data']);
    // The part no tab names is read under exceljs's own name for it.
    expect(names(await rows(bytes, { sheet: 'Sheet1' }))).toStrictEqual(['Dari ringkasan']);
  });

  it('reads a workbook without shared strings or styles (inline text)', async () => {
    const bytes = await rewritten(await twoSheets(), (path, text) => {
      if (path === 'xl/sharedStrings.xml' || path === 'xl/styles.xml') return undefined;
      if (!path.startsWith('xl/worksheets/')) return text;
      const strings = ['nama', 'Dari ringkasan', 'Dari data'];
      return text.replace(
        /<c r="(\w+)"([^>]*) t="s"><v>(\d+)<\/v><\/c>/g,
        (_, ref, rest, n) =>
          `<c r="${ref}"${rest} t="inlineStr"><is><t>${strings[Number(n)]}</t></is></c>`,
      );
    });
    expect(names(await rows(bytes))).toStrictEqual(['Dari ringkasan']);
  });

  it('says a part compressed in a way no workbook is, naming it', async () => {
    const bytes = Buffer.from(await twoSheets());
    // The central directory's method of xl/workbook.xml, set to 99.
    const at = bytes.lastIndexOf('xl/workbook.xml');
    bytes.writeUInt16LE(99, at - 46 + 10);
    const error = (await rows(bytes).catch((e: unknown) => e)) as InputFileError;
    expect(error.issues[0]?.message).toMatch(/xl\/workbook\.xml is compressed by method 99/);
  });
});

describe('cells that link to a document', () => {
  const drive = 'https://drive.google.com/file/d/1AbC/view?usp=sharing&id=7';
  const link = (text: string, hyperlink: string) => ({ text, hyperlink });
  const documents = (read: ReadRow[], indicator: string) =>
    read.map(
      (row) =>
        (row.record as { indikator?: Record<string, { bukti?: unknown }> } | undefined)
          ?.indikator?.[indicator]?.bukti,
    );

  it('reads the address behind a linked cell of a link column, not the text it shows', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow([
        link('Nama Inovasi', 'https://example.com/header'),
        'indikator.regulasi.bukti.url',
        'Link Video',
        link('indikator.sdm.bukti', 'https://example.com/petunjuk'),
        'indikator.regulasi.bukti.jenis',
      ]);
      ws.addRow([
        link('SI-CANTIK', 'https://example.com/detail'),
        link('Lihat dokumen', drive),
        link('https://youtu.be/a', 'https://youtu.be/a'),
        null,
        'SK',
      ]);
      ws.addRow(['Lapor Cepat', 'https://drive.google.com/x', 'youtube.com/watch?v=b', 'sk', 'SK']);
    });
    const read = await rows(bytes);
    // The address's XML escape (&amp;) is read as the character it stands for.
    expect(documents(read, 'regulasi')).toStrictEqual([
      [{ jenis: 'SK', url: drive }],
      [{ jenis: 'SK', url: 'https://drive.google.com/x' }],
    ]);
    // A link in the header (to a guide) is no row's: the column is not named.
    expect(documents(read, 'sdm')).toStrictEqual([undefined, [{ jenis: 'sk' }]]);
    expect(documents(read, 'video')).toStrictEqual([
      [{ jenis: 'video', url: 'https://youtu.be/a' }],
      [{ jenis: 'video', url: 'youtube.com/watch?v=b' }],
    ]);
    // A link in a column of text (the name) leaves its text as it is.
    expect(names(read)).toStrictEqual(['SI-CANTIK', 'Lapor Cepat']);
    expect(read[0]?.warnings?.map((w) => [w.code, w.message])).toStrictEqual([
      [
        'links_read',
        'linked cells in the column "indikator.regulasi.bukti.url", "Link Video": the address they link to is read as the document\'s link, not the text they show',
      ],
    ]);
    expect(read[1]?.warnings).toBeUndefined();
  });

  it("gives the address to the first document a kinds cell names; a link column's own value goes first", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow([
        'Nama Inovasi',
        'indikator.sdm.bukti',
        'indikator.regulasi.bukti',
        'indikator.regulasi.bukti.url',
      ]);
      ws.addRow([
        'SI-CANTIK',
        link('sk; foto', drive),
        link('perkada', 'https://example.com/sk'),
        'https://jdih.example.go.id/perkada-7',
      ]);
    });
    const read = await rows(bytes);
    expect(documents(read, 'sdm')).toStrictEqual([
      [{ jenis: 'sk', url: drive }, { jenis: 'foto' }],
    ]);
    expect(read[0]?.warnings?.map((w) => w.message)).toStrictEqual([
      'linked cells in the column "indikator.sdm.bukti", "indikator.regulasi.bukti": the address they link to is read as the document\'s link, not the text they show',
    ]);
    expect(documents(read, 'regulasi')).toStrictEqual([
      [{ jenis: 'perkada', url: 'https://jdih.example.go.id/perkada-7' }],
    ]);
  });

  it('reads a link listed for a block of cells in each of them, and no link within the workbook', async () => {
    const base = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow(['Nama Inovasi', 'Link Video']);
      ws.addRow(['A', 'Lihat']);
      ws.addRow(['B', 'Lihat']);
      ws.addRow(['C', 'Lihat']);
      ws.addRow(['D', 'terlampir']);
      ws.getCell('B2').value = link('Lihat', drive);
    });
    // One <hyperlink> for B2:B3, and one to a place in the workbook (a `location`, no r:id) for B4.
    const bytes = await rewritten(base, (path, text) =>
      path === 'xl/worksheets/sheet1.xml'
        ? text
            .replace(/<hyperlink ref="B2"/, '<hyperlink ref="B2:B3"')
            .replace(
              '</hyperlinks>',
              '<hyperlink ref="B4" location="Rekap!A1" display="Lihat"/></hyperlinks>',
            )
        : text,
    );
    const read = await rows(bytes);
    expect(documents(read, 'video')).toStrictEqual([
      [{ jenis: 'video', url: drive }],
      [{ jenis: 'video', url: drive }],
      [{ jenis: 'video', url: 'Lihat' }],
      [{ jenis: 'video', url: 'terlampir' }],
    ]);
    // A text that opens nothing is kept, and said to open nothing.
    expect(read[3]?.warnings?.map((w) => w.message)).toStrictEqual([
      'column "Link Video": "terlampir" is no web address (https://…) or file name: a verifier cannot open it',
    ]);
  });

  it('finds every link of a long list, whatever chunk its tag falls in, in any order', async () => {
    const n = 1500;
    const address = (i: number) => `https://drive.google.com/file/d/${i}`;
    const base = await workbook((wb) => {
      const ws = wb.addWorksheet('Rekap');
      ws.addRow(['Nama Inovasi', 'Link Video']);
      // Every other row linked; the others give their address as text.
      for (let i = 0; i < n; i++) {
        ws.addRow([`Inovasi ${i}`, i % 2 ? address(i) : link('Lihat', address(i))]);
      }
    });
    const expected = Array.from({ length: n }, (_, i) => [{ jenis: 'video', url: address(i) }]);
    expect(documents(await rows(base), 'video')).toStrictEqual(expected);
    // The sheet may list its links in any order (here the last first).
    const reversed = await rewritten(base, (path, text) => {
      if (path !== 'xl/worksheets/sheet1.xml') return text;
      const tags = text.match(/<hyperlink [^>]*\/>/g) ?? [];
      return text.replace(
        /<hyperlinks>.*<\/hyperlinks>/s,
        `<hyperlinks>${tags.reverse().join('')}</hyperlinks>`,
      );
    });
    expect(documents(await rows(reversed), 'video')).toStrictEqual(expected);
  });

  /** A one-row sheet whose B2 links, its relationships rewritten by `rels`. */
  const relinked = async (rels: (text: string) => string | undefined) =>
    rows(
      await rewritten(
        await workbook((wb) => {
          const ws = wb.addWorksheet('Rekap');
          ws.addRow(['Nama Inovasi', 'Link Video']);
          ws.addRow(['A', link('Lihat', 'https://example.com/x')]);
        }),
        (path, text) => (path === 'xl/worksheets/_rels/sheet1.xml.rels' ? rels(text) : text),
      ),
    );

  it("reads the address's escapes, and no address a relationship does not give", async () => {
    const target = (read: ReadRow[]) => documents(read, 'video')[0];
    const withTarget = (value: string) => (text: string) =>
      text.replace(/Target="[^"]*"/, `Target="${value}"`);
    expect(
      target(
        await relinked(
          withTarget(
            'https://example.com/a&#x2F;b&#47;c?x=1&amp;y=&lt;2&gt;&quot;&apos;&#x10FFFF;&#1114112;&bogus;',
          ),
        ),
      ),
    ).toStrictEqual([
      { jenis: 'video', url: 'https://example.com/a/b/c?x=1&y=<2>"\'\u{10FFFF}&#1114112;&bogus;' },
    ]);
    // A relationship within the package (no TargetMode="External"), none, or no part: the text.
    const text = [{ jenis: 'video', url: 'Lihat' }];
    expect(target(await relinked((t) => t.replace(/ TargetMode="External"/, '')))).toStrictEqual(
      text,
    );
    expect(target(await relinked((t) => t.replace(/<Relationship [^>]*>/g, '')))).toStrictEqual(
      text,
    );
    const none = await relinked(() => undefined);
    expect(target(none)).toStrictEqual(text);
    // A link whose address is not found makes no notice of links read.
    expect(none[0]?.warnings?.map((w) => w.code)).toStrictEqual(['read_as']);
    // A relationship without its id or target beside the link's own, and a link without a cell.
    const partial = await relinked((t) =>
      t.replace(
        '<Relationship ',
        '<Relationship Type="x" Target="https://example.com/no-id" TargetMode="External"/><Relationship Id="rId9" TargetMode="External"/><Relationship ',
      ),
    );
    expect(target(partial)).toStrictEqual([{ jenis: 'video', url: 'https://example.com/x' }]);
    const noRef = await rows(
      await rewritten(
        await workbook((wb) => {
          const ws = wb.addWorksheet('Rekap');
          ws.addRow(['Nama Inovasi', 'Link Video']);
          ws.addRow(['A', link('Lihat', 'https://example.com/x')]);
        }),
        (path, t) => (path === 'xl/worksheets/sheet1.xml' ? t.replace(/ ref="B2"/, '') : t),
      ),
    );
    expect(target(noRef)).toStrictEqual(text);
  });
});
