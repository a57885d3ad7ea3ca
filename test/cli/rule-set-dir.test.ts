import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRuleSetDir, type RuleSetDirEvent } from '../../src/cli/rule-set-dir.js';
import { InputFileError } from '../../src/errors.js';

const perbupText = readFileSync(
  new URL('../../examples/perbup-contoh.json', import.meta.url),
  'utf8',
);
const perbup = JSON.parse(perbupText) as Record<string, unknown>;
const casesText = readFileSync(
  new URL('../../examples/perbup-contoh.cases.json', import.meta.url),
  'utf8',
);

/** A rule set of the example, with changes. */
const variant = (changes: Record<string, unknown>) =>
  `${JSON.stringify({ ...perbup, $schema: undefined, ...changes }, null, 2)}\n`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A folder with `files`, opened; `next(test)` waits for the first event from now that passes it. */
async function opened(files: Record<string, string>, watch = true) {
  const dir = mkdtempSync(join(tmpdir(), 'aturan-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const events: RuleSetDirEvent[] = [];
  let waiting: { test: (e: RuleSetDirEvent) => boolean; done: (e: RuleSetDirEvent) => void }[] = [];
  const folder = await openRuleSetDir(dir, {
    fixed: [],
    watch,
    locale: 'en',
    log: (event) => {
      events.push(event);
      const ready = waiting.filter((w) => w.test(event));
      waiting = waiting.filter((w) => !w.test(event));
      for (const w of ready) w.done(event);
    },
  });
  const next = (test: (e: RuleSetDirEvent) => boolean) =>
    new Promise<RuleSetDirEvent>((done) => waiting.push({ test, done }));
  return { dir, folder, events, next };
}

describe('openRuleSetDir', () => {
  it('loads every rule set of the folder at start, refuses a broken one at its line, skips cases', async () => {
    const broken = variant({ id: 'perbup-rusak-2024' }).replace('"pp-38-2017"', '"pp-38-2071"');
    const { folder, events, dir } = await opened(
      {
        'perbup-contoh.json': perbupText,
        'perbup-contoh.cases.json': casesText,
        'rusak.json': broken,
      },
      false,
    );
    const now = folder.current();
    expect(Object.keys(now.loaded)).toStrictEqual(['perbup-contoh-2024']);
    expect(now.loaded['perbup-contoh-2024']?.file).toBe(join(dir, 'perbup-contoh.json'));
    expect(now.ruleSets).toHaveLength(1);
    const refused = events.find((e) => e.event === 'rule-set-refused');
    expect(refused).toMatchObject({
      file: join(dir, 'rusak.json'),
      id: 'perbup-rusak-2024',
      code: 'E_INVALID_RULE_SET',
      kept: false,
    });
    // Located as `rules check` locates it: the line of "extends".
    const line = broken.split('\n').findIndex((l) => l.includes('pp-38-2071')) + 1;
    expect(refused?.problems?.[0]).toMatchObject({ path: ['extends'], line });
    expect(events.filter((e) => e.event === 'rule-set-loaded')).toHaveLength(1);
    expect(events.map((e) => e.file)).not.toContain(join(dir, 'perbup-contoh.cases.json'));
    folder.close();
  });

  it('reads a changed, added or removed file again, and a broken edit changes nothing', async () => {
    const { folder, dir, next } = await opened({ 'perbup-contoh.json': perbupText });
    const first = folder.current();
    const firstHash = first.loaded['perbup-contoh-2024'];
    expect(first.version).toBe('1');

    // A broken edit: logged, the earlier version kept and still the one answered with.
    let event = next((e) => e.file.endsWith('perbup-contoh.json'));
    writeFileSync(join(dir, 'perbup-contoh.json'), '{ "id": "perbup-contoh-2024", ');
    expect(await event).toMatchObject({ event: 'rule-set-refused', kept: true });
    expect(folder.current()).toBe(first);

    // A good edit: a new version with the new hash.
    event = next((e) => e.file.endsWith('perbup-contoh.json'));
    writeFileSync(join(dir, 'perbup-contoh.json'), variant({ edition: '2025' }));
    const loaded = await event;
    expect(loaded).toMatchObject({ event: 'rule-set-loaded', id: 'perbup-contoh-2024' });
    expect(loaded.hash).toMatch(/^sha256:/);
    expect(folder.current().version).not.toBe(first.version);
    expect((folder.current().ruleSets[0] as { edition: string }).edition).toBe('2025');
    expect(folder.current().loaded['perbup-contoh-2024']).not.toBe(firstHash);

    // Another region's Perbup dropped in.
    event = next((e) => e.file.endsWith('dua.json'));
    writeFileSync(join(dir, 'dua.json'), variant({ id: 'perbup-dua-2025' }));
    expect(await event).toMatchObject({ event: 'rule-set-loaded', id: 'perbup-dua-2025' });
    expect(Object.keys(folder.current().loaded).sort()).toStrictEqual([
      'perbup-contoh-2024',
      'perbup-dua-2025',
    ]);

    // A second file with an id already loaded from another is refused.
    event = next((e) => e.file.endsWith('salinan.json'));
    writeFileSync(join(dir, 'salinan.json'), variant({ id: 'perbup-dua-2025' }));
    const duplicate = await event;
    expect(duplicate).toMatchObject({ event: 'rule-set-refused', kept: false });
    expect(duplicate.problems?.[0]?.message).toContain('dua.json');

    // Removed.
    event = next((e) => e.file.endsWith('dua.json'));
    rmSync(join(dir, 'dua.json'));
    expect(await event).toMatchObject({ event: 'rule-set-removed', id: 'perbup-dua-2025' });
    expect(Object.keys(folder.current().loaded)).toStrictEqual(['perbup-contoh-2024']);
    folder.close();
  });

  it('loads a parent before what extends it, and keeps a parent still needed', async () => {
    const child = variant({
      id: 'perbup-anak-2025',
      extends: 'perbup-contoh-2024',
      criteria: [],
    });
    // Named so that the child comes first in the folder's order.
    const { folder, dir, next } = await opened({
      'a-anak.json': child,
      'z-induk.json': perbupText,
    });
    expect(folder.current().ruleSets.map((r) => (r as { id: string }).id)).toStrictEqual([
      'perbup-contoh-2024',
      'perbup-anak-2025',
    ]);
    const event = next((e) => e.file.endsWith('z-induk.json'));
    rmSync(join(dir, 'z-induk.json'));
    expect(await event).toMatchObject({
      event: 'rule-set-refused',
      id: 'perbup-contoh-2024',
      kept: true,
    });
    expect(Object.keys(folder.current().loaded).sort()).toStrictEqual([
      'perbup-anak-2025',
      'perbup-contoh-2024',
    ]);
    folder.close();
  });

  it('at start, refuses a second file with an id another file holds, never dropping it unsaid', async () => {
    const { folder, events, dir } = await opened(
      { 'a.json': perbupText, 'b.json': perbupText },
      false,
    );
    expect(folder.current().loaded['perbup-contoh-2024']?.file).toBe(join(dir, 'a.json'));
    expect(events.map((e) => [e.event, e.file])).toStrictEqual([
      ['rule-set-loaded', join(dir, 'a.json')],
      ['rule-set-refused', join(dir, 'b.json')],
    ]);
  });

  it('refuses rule sets that extend each other, without hanging, and skips schemas', async () => {
    const { folder, events } = await opened(
      {
        'a.json': variant({ id: 'perbup-a-2025', extends: 'perbup-b-2025' }),
        'b.json': variant({ id: 'perbup-b-2025', extends: 'perbup-a-2025' }),
        'rule-set.schema.json': '{"type": "object"}',
        'perbup-contoh.json': perbupText,
      },
      false,
    );
    expect(Object.keys(folder.current().loaded)).toStrictEqual(['perbup-contoh-2024']);
    expect(events.filter((e) => e.event === 'rule-set-refused').map((e) => e.id)).toStrictEqual([
      'perbup-a-2025',
      'perbup-b-2025',
    ]);
    expect(events.map((e) => e.file).join()).not.toContain('schema');
  });

  it('leaves out a pipe named *.json, which would hold the reloads forever, and goes on', async () => {
    const { folder, dir, next } = await opened({ 'perbup-contoh.json': perbupText });
    let event = next((e) => e.file.endsWith('pipa.json'));
    execFileSync('mkfifo', [join(dir, 'pipa.json')]);
    expect(await event).toMatchObject({
      event: 'rule-set-refused',
      code: 'E_INPUT_FILE',
      kept: false,
      problems: [{ message: expect.stringContaining('not a regular file') }],
    });
    event = next((e) => e.file.endsWith('dua.json'));
    writeFileSync(join(dir, 'dua.json'), variant({ id: 'perbup-dua-2025' }));
    expect(await event).toMatchObject({ event: 'rule-set-loaded', id: 'perbup-dua-2025' });
    folder.close();
  });

  it('refuses a folder it cannot read, as an input-file error', async () => {
    await expect(
      openRuleSetDir('/tidak/ada', { fixed: [], watch: false, locale: 'id', log: () => {} }),
    ).rejects.toThrow(InputFileError);
    await expect(
      openRuleSetDir('/tidak/ada', { fixed: [], watch: false, locale: 'en', log: () => {} }),
    ).rejects.toThrow(/cannot read the rule-set folder \/tidak\/ada: ENOENT/);
  });
});
