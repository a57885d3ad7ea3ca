import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { sniff } from '../../src/io/_sniff.js';
import { type ReadOptions, type ReadRow, readRecords } from '../../src/io/index.js';

const dir = mkdtempSync(join(tmpdir(), 'inovasi-sniff-'));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const rows = async (input: string | AsyncIterable<Uint8Array>, options: ReadOptions = {}) => {
  const out: ReadRow[] = [];
  for await (const row of readRecords(input, { locale: 'en', ...options })) out.push(row);
  return out;
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as InputFileError,
  );
/** The bytes one at a time, as a slow upload gives them. */
async function* byteByByte(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (const byte of bytes) yield Uint8Array.of(byte);
}

const OLE2 = Uint8Array.from([
  0xd0,
  0xcf,
  0x11,
  0xe0,
  0xa1,
  0xb1,
  0x1a,
  0xe1,
  ...Array(504).fill(0),
]);
/** An OpenDocument spreadsheet's start: a stored `mimetype` entry, first in the archive. */
const ODS = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(26).fill(0)]),
  Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK'),
]);
const TABLE = 'Nama Inovasi\tTahapan\r\nSi Cantik\tUji Coba\r\n';
const utf16 = (bom: number[], text: string, bigEndian: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bom), body]);
};

describe('what a file is, from its first bytes', () => {
  it.each([
    ['laporan.xls', {}],
    ['laporan.xlsx', {}],
    ['laporan.csv', {}],
    ['laporan.dat', { format: 'xlsx' as const }],
  ])('says an Excel 97–2003 or password-protected workbook (%s) is one', async (name, options) => {
    const error = await failure(rows(file(name, OLE2), options));
    expect(error).toBeInstanceOf(InputFileError);
    expect(error?.issues.map((i) => [i.code, i.message])).toStrictEqual([
      [
        'ole2_file',
        `${join(dir, name)} is an Excel 97–2003 workbook (.xls) or a password-protected one: open it in Excel and save it as an Excel Workbook (.xlsx) without a password`,
      ],
    ]);
  });

  it('says an OpenDocument spreadsheet is one, even named .xlsx and sent byte by byte', async () => {
    const error = await failure(rows(byteByByte(ODS), { format: 'xlsx', name: 'rekap.xlsx' }));
    expect(error?.issues.map((i) => [i.code, i.message])).toStrictEqual([
      [
        'ods_file',
        'rekap.xlsx is an OpenDocument spreadsheet (.ods): save it as Excel 2007-365 (.xlsx)',
      ],
    ]);
  });

  it.each([
    ['rekap.txt', [0xff, 0xfe], false],
    ['rekap.csv', [0xfe, 0xff], true],
  ])('reads Excel\'s "Unicode Text" %s (UTF-16 with its mark)', async (name, bom, bigEndian) => {
    const read = await rows(file(name, utf16(bom, TABLE, bigEndian)));
    expect(read.map((row) => row.record)).toStrictEqual([
      { nama: 'Si Cantik', tahapan: 'uji_coba' },
    ]);
  });

  it('reads a workbook named neither .xlsx nor anything else as a workbook', async () => {
    const xlsx = readFileSync(new URL('../../examples/batu-2024.xlsx', import.meta.url));
    const asBin = await rows(file('unduhan.bin', xlsx));
    const asXlsx = await rows(new URL('../../examples/batu-2024.xlsx', import.meta.url).pathname);
    expect(asBin.map((r) => r.record)).toStrictEqual(asXlsx.map((r) => r.record));
    expect(asBin.length).toBeGreaterThan(5);
  });

  it('still asks for the format of a text file of no known name', async () => {
    const error = await failure(rows(file('catatan.dat', TABLE)));
    expect(error?.issues.map((i) => i.code)).toStrictEqual(['unknown_format']);
  });

  it('reads a short file, shorter than the bytes it looks at, whole', async () => {
    const read = await rows(byteByByte(Buffer.from('nama\nA\n')), { format: 'csv' });
    expect(read.map((row) => row.record)).toStrictEqual([{ nama: 'A' }]);
  });
});

describe('sniff', () => {
  /** The chunks given, then a wait that never ends (a client that stopped sending). */
  function stalled(...chunks: Uint8Array[]): AsyncIterable<Uint8Array> {
    return {
      [Symbol.asyncIterator]: () => {
        let i = 0;
        return {
          next: () =>
            i < chunks.length
              ? Promise.resolve({ done: false, value: chunks[i++] as Uint8Array })
              : new Promise<IteratorResult<Uint8Array>>(() => {}),
        };
      },
    };
  }

  it('tells text from its first chunk alone, never waiting for the next', async () => {
    const { kind } = await sniff(stalled(Buffer.from('{"nama":')));
    expect(kind).toBeUndefined();
  });

  it('reads on while the bytes begin a signature, and gives every byte back', async () => {
    const parts = [ODS.subarray(0, 3), ODS.subarray(3, 40), ODS.subarray(40)];
    const { kind, bytes } = await sniff(
      (async function* () {
        yield* parts;
      })(),
    );
    expect(kind).toBe('ods');
    const back: Uint8Array[] = [];
    for await (const chunk of bytes) back.push(chunk as Uint8Array);
    expect(Buffer.concat(back)).toStrictEqual(ODS);
  });

  it('tells a UTF-16 mark given one byte at a time', async () => {
    const { kind } = await sniff(stalled(Uint8Array.of(0xff), Uint8Array.of(0xfe, 0x41, 0)));
    expect(kind).toBe('utf-16le');
  });
});
