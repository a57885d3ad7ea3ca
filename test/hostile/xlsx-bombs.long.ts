/**
 * Real zip bombs (`npm run test:hostile`): a workbook of half a megabyte whose shared strings or
 * sheet unpack to 600 MB, and one whose archive lies about the size. Each is refused in one
 * coded line, in bounded memory, before exceljs parses any of it.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { InputFileError } from '../../src/errors.js';
import { readRecords } from '../../src/io/index.js';

/** A zip archive of the given entries, deflated; `declare` overrides an entry's stated size. */
function zip(entries: [string, Buffer | (() => Buffer[])][], declare: Record<string, number> = {}) {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const parts = typeof content === 'function' ? content() : [content];
    const size = parts.reduce((n, p) => n + p.length, 0);
    const compressed = deflateRawSync(Buffer.concat(parts), { level: 9 });
    const stated = declare[name] ?? size;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(stated, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(compressed.length, 20);
    head.writeUInt32LE(stated, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    central.push(head, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const A = Buffer.alloc(1024 * 1024, 'A');
const huge = (open: string, close: string) => () => [
  Buffer.from(open),
  ...Array.from({ length: 600 }, () => A),
  Buffer.from(close),
];
const parts = (sheet: Buffer | (() => Buffer[]), strings: Buffer | (() => Buffer[])) =>
  [
    [
      '[Content_Types].xml',
      Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ],
    [
      'xl/workbook.xml',
      Buffer.from(
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    ],
    ['xl/sharedStrings.xml', strings],
    ['xl/worksheets/sheet1.xml', sheet],
  ] as [string, Buffer | (() => Buffer[])][];

async function refusal(bytes: Buffer) {
  const before = process.memoryUsage().rss;
  try {
    for await (const _ of readRecords(new Uint8Array(bytes), { format: 'xlsx', locale: 'en' }))
      void _;
  } catch (error) {
    return { error: error as InputFileError, grew: (process.memoryUsage().rss - before) / 1e6 };
  }
  return { error: undefined, grew: 0 };
}

describe('xlsx zip bombs', () => {
  const small = Buffer.from('<sst><si><t>nama</t></si></sst>');
  const sheet = Buffer.from('<worksheet><sheetData/></worksheet>');

  it('600 MB of shared strings in half a megabyte: refused by its declared size', async () => {
    const bytes = zip(parts(sheet, huge('<sst><si><t>', '</t></si></sst>')));
    expect(bytes.length).toBeLessThan(2_000_000);
    const { error, grew } = await refusal(bytes);
    expect(error?.issues[0]?.code).toBe('xlsx_too_large');
    expect(error?.issues[0]?.message.split('\n')).toHaveLength(1);
    expect(grew).toBeLessThan(300);
  });

  it('a 600 MB cell in a sheet: refused while inflating, at the first megabyte of text', async () => {
    const bytes = zip(
      parts(
        huge(
          '<worksheet><sheetData><row><c t="inlineStr"><is><t>',
          '</t></is></c></row></sheetData></worksheet>',
        ),
        small,
      ),
    );
    const { error, grew } = await refusal(bytes);
    expect(error?.issues[0]?.code).toBe('xlsx_text_too_long');
    expect(grew).toBeLessThan(300);
  });

  it('an archive that states 1 kB for 600 MB of tags: refused as it inflates past its word', async () => {
    const tags = () => [
      Buffer.from('<worksheet><sheetData>'),
      ...Array.from({ length: 600 }, () => Buffer.alloc(1024 * 1024, '<x/>')),
      Buffer.from('</sheetData></worksheet>'),
    ];
    const bytes = zip(parts(tags, small), { 'xl/worksheets/sheet1.xml': 1024 });
    const { error, grew } = await refusal(bytes);
    expect(error?.issues[0]?.code).toBe('xlsx_size_mismatch');
    expect(grew).toBeLessThan(300);
  });
});
