import { readFile, stat } from 'node:fs/promises';
import {
  compareOutcomes,
  type DossierOptions,
  innovationDossier,
  type OutcomeComparison,
  regionDossier,
  renderDossier,
  verifyDossier,
} from '../dossier/index.js';
import {
  InputFileError,
  InvalidOptionError,
  InvalidRecordError,
  type Issue,
  UnknownRuleSetError,
  UsageError,
} from '../errors.js';
import type { Locale } from '../messages.js';
import { type CliReadOptions, readAll, readJson, type SourceRow, whereOf } from './input.js';
import { formatOutcomes } from './report/outcomes.js';
import { say } from './say.js';
import type { CliIo } from './stream.js';

/**
 * The dossier commands: `dossier` prints the pages a region signs, `verify` recomputes a
 * printed dossier, `outcomes` compares the verifiers' decisions with the prediction.
 */

/** Exit status of `verify` when a figure no longer agrees. */
export const EXIT_DISAGREE = 4;

/** The options of the dossier commands, as the command line gives them. */
export interface DossierValues {
  innovation?: string | undefined;
  plan?: boolean | undefined;
  units?: string | undefined;
  date?: string | undefined;
  place?: string | undefined;
  signatories?: string | undefined;
  records?: string | undefined;
  'as-of'?: string | undefined;
}

/** What the dossier commands share with the others. */
export interface DossierContext {
  locale: Locale;
  format: string;
  read: CliReadOptions;
  ruleSet?: string | undefined;
  rubric?: string | undefined;
}

/** A name as a person would match it: case, spaces and punctuation ignored. */
const nameKey = (name: string) =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const withDefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The record `--innovation` names: a position from 1, else an id, else a name. */
function pick<T extends { record: unknown }>(rows: readonly T[], which: string, locale: Locale): T {
  const n = /^\d+$/.test(which) ? Number(which) : undefined;
  const byPosition = n !== undefined && n >= 1 && n <= rows.length ? rows[n - 1] : undefined;
  const found =
    byPosition ??
    rows.find((r) => isObject(r.record) && String(r.record.id ?? '') === which) ??
    rows.find((r) => isObject(r.record) && nameKey(String(r.record.nama ?? '')) === nameKey(which));
  if (!found) {
    throw new UsageError(
      locale === 'en'
        ? `--innovation ${which}: no innovation has that position (1 to ${rows.length}), id or name`
        : `--innovation ${which}: tidak ada inovasi dengan urutan (1 sampai ${rows.length}), id atau nama itu`,
    );
  }
  return found;
}

async function signatoriesOf(file: string | undefined, locale: Locale) {
  if (file === undefined) return undefined;
  return (await readJson(file, locale)) as DossierOptions['signatories'];
}

/** Runs `dossier <file>`. */
export async function commandDossier(
  file: string,
  values: DossierValues,
  context: DossierContext,
  io: CliIo,
): Promise<number> {
  const { locale } = context;
  const signatories = await signatoriesOf(values.signatories, locale);
  const options: DossierOptions = {
    locale,
    ...(context.ruleSet !== undefined ? { ruleSet: context.ruleSet } : {}),
    ...(context.rubric !== undefined ? { rubric: context.rubric } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
    ...(values.place !== undefined ? { place: values.place } : {}),
    ...(signatories !== undefined ? { signatories } : {}),
  };
  const json =
    /\.json$/i.test(file) && !context.read.format ? await readJson(file, locale) : undefined;
  let dossier:
    | Awaited<ReturnType<typeof innovationDossier>>
    | Awaited<ReturnType<typeof regionDossier>>;
  if (isObject(json) && Array.isArray(json.inovasi)) {
    // A region record: the region's dossier, or one innovation of it as the region reports it.
    if (values.innovation !== undefined) {
      const rows = json.inovasi.map((record, i) => ({ record, where: String(i + 1) }));
      const { record } = pick(rows, values.innovation, locale);
      dossier = await innovationDossier(
        isObject(record) ? { pemda: json.pemda, tahun: json.tahun, ...record } : record,
        options,
      );
    } else {
      const units = values.units
        ? (await readAll(values.units, { ...context.read, fields: 'unit', map: undefined })).records
        : undefined;
      dossier = await regionDossier(json, {
        ...options,
        ...(values.plan ? { plan: true } : {}),
        ...(units ? { units: units as { opd: string }[] } : {}),
      });
    }
  } else {
    const all = await readAll(file, context.read);
    for (const w of all.warnings) io.stderr(`${file}: ${w.message}`);
    // A row that does not say its region or year is the file's, as in `report`.
    const first = (key: 'pemda' | 'tahun') =>
      all.records.map((r) => (isObject(r) ? r[key] : undefined)).find((v) => v != null && v !== '');
    const ofFile = withDefined({ pemda: first('pemda'), tahun: first('tahun') });
    const rows = all.rows.map((row) => ({
      record: isObject(row.record) ? { ...ofFile, ...row.record } : row.record,
      where: whereOf(row, locale),
      row,
    }));
    const picked = values.innovation !== undefined ? [pick(rows, values.innovation, locale)] : rows;
    // A row that cannot be read is refused with its problems, never left out of the pages.
    const refused = picked.filter((r) => r.row.issues).map((r) => r.row);
    if (refused.length > 0 || picked.length === 0) throw invalidRows(refused, locale);
    const chosen = picked.map((r) => r.record);
    dossier = await innovationDossier(chosen, options);
  }
  io.stdout(context.format === 'json' ? JSON.stringify(dossier, null, 2) : renderDossier(dossier));
  return 0;
}

function invalidRows(rows: readonly SourceRow[], locale: Locale): InvalidRecordError {
  if (rows.length === 0) {
    return new InvalidRecordError([
      {
        path: [],
        code: 'too_small',
        message:
          locale === 'en' ? 'no innovation record in the file' : 'berkas tidak berisi data inovasi',
      },
    ]);
  }
  return new InvalidRecordError(
    rows.flatMap((r) =>
      (r.issues ?? []).map((i) => ({ ...i, path: [whereOf(r, locale), ...i.path] })),
    ),
  );
}

/** Reads a text file whole, or says why it cannot. */
async function readText(file: string, locale: Locale): Promise<string> {
  try {
    if ((await stat(file)).isDirectory())
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? 'read_error').toLowerCase();
    throw new InputFileError(file, [
      { path: [], code, message: say('cannotReadFile', locale, { file, n: 1 }) },
    ]);
  }
}

/** Runs `verify <dossier>`: exit 0 when every figure agrees, 4 when one does not. */
export async function commandVerify(
  file: string,
  context: DossierContext,
  io: CliIo,
): Promise<number> {
  let result: Awaited<ReturnType<typeof verifyDossier>>;
  try {
    result = await verifyDossier(await readText(file, context.locale), { locale: context.locale });
  } catch (error) {
    // What is wrong with the file is said of the file: no dossier in it, or data not a dossier's.
    if (error instanceof InvalidOptionError && error.issues[0]?.path[0] === 'dossier') {
      throw new InputFileError(file, error.issues);
    }
    // A rule set the dossier names that is not shipped: it came from a file, which is needed.
    if (error instanceof UnknownRuleSetError) {
      throw new InputFileError(file, [
        {
          path: [],
          code: 'rule_set_not_shipped',
          message:
            context.locale === 'en'
              ? `${file} was made with the rule set "${error.ruleSetId}", which is not shipped: give its file with --rule-set <file.json>`
              : `${file} dibuat dengan rule set "${error.ruleSetId}" yang bukan bawaan: berikan berkasnya dengan --rule-set <berkas.json>`,
        },
      ]);
    }
    throw error;
  }
  io.stdout(
    context.format === 'json' ? JSON.stringify(result, null, 2) : result.messages.join('\n'),
  );
  return result.agree ? 0 : EXIT_DISAGREE;
}

/** Runs `outcomes <decisions> --records <submitted>`. */
export async function commandOutcomes(
  file: string,
  values: DossierValues,
  context: DossierContext,
  io: CliIo,
): Promise<number> {
  const { locale } = context;
  if (values.records === undefined) {
    throw new UsageError(
      locale === 'en'
        ? 'outcomes needs the submitted records: --records usulan.xlsx'
        : 'outcomes memerlukan data usulan: --records usulan.xlsx',
    );
  }
  const comparison = await outcomesOf(file, values.records, context, io.stderr);
  io.stdout(
    context.format === 'json'
      ? JSON.stringify(comparison, null, 2)
      : formatOutcomes(comparison, locale),
  );
  return comparison.invalid.length > 0 ? 2 : 0;
}

/**
 * The comparison of a decisions file with a records file (or a region record), warnings said.
 * Shared by `outcomes` and `report --outcomes`.
 */
export async function outcomesOf(
  file: string,
  recordsFile: string,
  context: DossierContext,
  warn: (message: string) => void,
): Promise<OutcomeComparison> {
  const { locale } = context;
  const decisions = await readAll(file, { ...context.read, fields: 'outcome', map: undefined });
  for (const w of decisions.warnings) warn(`${file}: ${w.message}`);
  const json =
    /\.json$/i.test(recordsFile) && !context.read.format
      ? await readJson(recordsFile, locale)
      : undefined;
  let records: unknown[];
  if (isObject(json) && Array.isArray(json.inovasi)) {
    records = json.inovasi.map((r) =>
      isObject(r) ? { pemda: json.pemda, tahun: json.tahun, ...r } : r,
    );
  } else {
    const all = await readAll(recordsFile, context.read);
    for (const w of all.warnings) warn(`${recordsFile}: ${w.message}`);
    for (const r of all.rows.filter((x) => x.issues)) {
      warn(
        `${recordsFile}, ${whereOf(r, locale)}: ${(r.issues ?? []).map((i) => i.message).join('; ')}`,
      );
    }
    records = all.records;
  }
  // Rows of the decisions file that could not be read are counted as invalid, with their line.
  const comparison = await compareOutcomes(
    records,
    decisions.rows.map((r) => (r.issues ? { invalidRow: true } : r.record)),
    {
      locale,
      ...(context.ruleSet !== undefined ? { ruleSet: context.ruleSet } : {}),
      ...(context.rubric !== undefined ? { rubric: context.rubric } : {}),
    },
  );
  for (const i of comparison.invalid) {
    const row = decisions.rows[i.outcome];
    const issues: readonly Issue[] = row?.issues ?? i.issues;
    warn(
      `${file}, ${row ? whereOf(row, locale) : i.outcome + 1}: ${issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
    );
  }
  return comparison;
}
