import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import scaffold from '../../rules/scaffold.json' with { type: 'json' };
import { InputFileError, UsageError } from '../errors.js';
import { getRuleSet, listRuleSets } from '../index.js';
import type { Locale } from '../messages.js';
import { writeOutput } from './output.js';
import { mustBe, say } from './say.js';

/**
 * `rules new <id>`: a rule set that extends another (the national one by default) and its test
 * cases, which pass `rules check` and `rules test` as written, with `$schema` paths that work
 * from where the files are written.
 */

/** Options of `rules new`. */
export interface ScaffoldOptions {
  /** The rule set to extend (default `pp-38-2017`). */
  extends?: string;
  /** `provinsi`, `kabupaten` or `kota`. */
  level?: string;
  /** The region, e.g. "Kabupaten Malang". */
  name?: string;
  /** Folder to write in (default the current one). */
  dir?: string;
  /**
   * The regulation's year, its edition and the first day it applies: default the year that
   * ends the id (`perwali-surakarta-9-2025` → 2025), else the current year.
   */
  year?: string;
}

/** The year of a regulation: given, else the one that ends its id, else this year. */
function yearOf(id: string, given: string | undefined, locale: Locale): number {
  if (given !== undefined) {
    const year = Number(given);
    if (!/^\d{4}$/.test(given) || year < 1945 || year > 2200) {
      throw new UsageError(say('year', locale, {}));
    }
    return year;
  }
  const inId = /(?:^|[-_])((?:19|20|21)\d\d)$/.exec(id)?.[1];
  return inId !== undefined ? Number(inId) : new Date().getFullYear();
}

/** The package's own folder: where `schema/` is, for the `$schema` paths. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'schema', 'rule-set.schema.json'))) return dir;
    dir = dirname(dir);
  }
  return dir;
}

const LEVELS = ['provinsi', 'kabupaten', 'kota'] as const;

/** Writes `<id>.json` and `<id>.cases.json`; returns their paths. */
export async function writeScaffold(
  id: string,
  options: ScaffoldOptions,
  locale: Locale = 'id',
): Promise<string[]> {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(id) || id.length > 80) {
    throw new UsageError(say('badId', locale, { id }));
  }
  if (listRuleSets().some((r) => r.id === id)) {
    throw new UsageError(say('idTaken', locale, { id }));
  }
  const year = yearOf(id, options.year, locale);
  const parent = options.extends ?? 'pp-38-2017';
  if (getRuleSet(parent).kind !== 'eligibility') {
    throw new UsageError(say('extendsKind', locale, { parent }));
  }
  const level = (options.level ?? 'kabupaten') as (typeof LEVELS)[number];
  if (!LEVELS.includes(level)) throw mustBe('--level', LEVELS, locale);
  const region =
    options.name?.trim() ||
    `${level === 'kota' ? 'Kota' : level === 'provinsi' ? 'Provinsi' : 'Kabupaten'} …`;
  const place = region.replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '');
  const instrument = scaffold.instrument[level];
  const dir = resolve(options.dir ?? '.');
  const schemaDir = relative(dir, join(packageRoot(), 'schema')).replaceAll('\\', '/');
  const ruleSetFile = join(dir, `${id}.json`);
  const casesFile = join(dir, `${id}.cases.json`);
  for (const file of [ruleSetFile, casesFile]) {
    if (existsSync(file)) {
      throw new InputFileError(file, [
        { path: [], code: 'exists', message: `${file} exists already: nothing was written` },
      ]);
    }
  }
  const fill = (text: string) => text.replaceAll('{instrument}', `${instrument.title} ${place}`);
  const ruleSet = {
    $schema: `${schemaDir}/rule-set.schema.json`,
    id,
    kind: 'eligibility',
    extends: parent,
    title: {
      id: `Kriteria inovasi daerah ${region}`,
      en: `Regional innovation criteria of ${region}`,
    },
    jurisdiction: { level, name: region },
    legalBasis: [
      {
        id,
        title: `${instrument.title} ${place} tentang Inovasi Daerah`,
        citation: `${instrument.short} ${place}`,
        status: 'secondary',
      },
    ],
    edition: String(year),
    effective: { from: `${year}-01-01` },
    assumptions: [
      {
        id: 'nomor-peraturan-belum-diisi',
        text: { id: fill(scaffold.assumption.id), en: fill(scaffold.assumption.en) },
      },
    ],
    criteria: [],
  };
  const cases = {
    $schema: `${schemaDir}/cases.schema.json`,
    ruleSet: id,
    cases: scaffold.cases,
  };
  // Through the checked writer: a folder that is a file, no permission or a full disk is one
  // coded line, and no half-written file is left.
  for (const [file, content] of [
    [ruleSetFile, ruleSet],
    [casesFile, cases],
  ] as const) {
    await writeOutput(file, async (write) => write(JSON.stringify(content, null, 2)));
  }
  return [ruleSetFile, casesFile];
}
