import aliases from '../../rules/aliases.json' with { type: 'json' };
import texts from '../../rules/messages-template.json' with { type: 'json' };
import { InvalidOptionError } from '../errors.js';
import { type Locale, optionNames, pick, thrownText, unknownOptionIssues } from '../messages.js';
import { urusanCatalogue } from '../record/urusan.js';
import { getRuleSet, listRuleSets } from '../rule-sets/registry.js';
import type { RubricRuleSet } from '../rule-sets/types.js';
import {
  type Field,
  type FieldKind,
  fieldsWithQuestions,
  idInWords,
  innovationFields,
  type QuestionField,
  questionOptionIssues,
} from './_fields.js';
import { documentPartHeader } from './_headers.js';
import { fixZipTimes } from './_zip-guard.js';

/**
 * The blank workbook a regional team fills in: one column per field of the innovation record,
 * headed as the reader knows them, drop-down lists of the accepted answers, and a sheet that
 * says what each column takes. What it writes reads back through `readRecords` with no column
 * left unmatched.
 */

const fieldAliases = aliases.fields as Record<string, readonly string[]>;
const valueAliases = aliases.values as Record<string, Record<string, readonly string[]>>;

/**
 * The header a person writes for a field: its first Indonesian label (`Nama Inovasi`), else its
 * id in words (`prasyaratReplikasi` → `Prasyarat Replikasi`); a path with dots keeps them.
 *
 * @internal
 */
export function headerOf(path: string): string {
  const human = fieldAliases[path]?.find((a) => /^[A-Z]/.test(a) && !a.includes('_'));
  if (human) return human;
  if (path.includes('.')) return documentPartHeader(path) ?? path;
  return idInWords(path);
}

const title = (id: string) => id.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

/**
 * The answer a person writes for an enum value: its first label in `rules/aliases.json`, else
 * the id in words (`uji_coba` → `Uji Coba`), which the reader takes as well.
 *
 * @internal
 */
export function labelOf(path: string, value: string): string {
  return valueAliases[path]?.[value]?.[0] ?? title(value);
}

/** exceljs's list of a sheet's validations, by range (in 4.4, not in its types). */
interface DataValidations {
  dataValidations: { add(range: string, validation: object): void };
}

/** The parts of an indicator's document a template asks for: what verifiers look at. */
const ASKED_PARTS = ['jenis', 'nomor', 'tanggal', 'url'];

/** Options of {@link templateWorkbook}. */
export interface TemplateOptions {
  /** The language of the guide sheet and of the sheets' names (default `id`). */
  locale?: Locale;
  /** Rows that carry the drop-down lists (default 500). */
  rows?: number;
  /** The IGA rubric whose indicators get columns: the id of a loaded rubric (default `iga-2026`). */
  rubric?: string;
  /**
   * The region's own questions, as `questionsOf(engine.ruleSets)` gives them: each gets a column
   * after the record's, headed by its label in `locale` (which the reader matches), with a
   * drop-down for a yes/no or a choice and a line in the guide. Default none.
   */
  questions?: readonly QuestionField[];
}

/** Record sections of other programmes (KIPP, proposals, LABINOV, KOVABLIK) and regions' own questions. */
const OTHER_SECTIONS = /^(kipp|proposal|labinov|kovablik|daerah)\./;

/** An option whose value is none of those it takes. */
const badOption = (name: string, message: string) =>
  new InvalidOptionError([
    { path: name ? [name] : [], code: name ? 'invalid_value' : 'unreadable', message },
  ]);

/**
 * The columns of the template, in the record's order: the innovation's own fields (its latest
 * development's document among them), and the indicators of `rubric`, each with its document's
 * kind, number, date and link.
 */
function templateFields(rubric: RubricRuleSet): Field[] {
  const all = innovationFields();
  const indicators = new Set(rubric.indicators.map((i) => i.field));
  const own: Field[] = [];
  // Each indicator's columns together: its values, then its document's parts.
  const byIndicator = new Map<string, Field[]>();
  for (const field of all.values()) {
    if (OTHER_SECTIONS.test(field.path) || field.kind === 'bukti') continue;
    const parent = field.path.slice(0, field.path.lastIndexOf('.'));
    // A document is given part by part: its kind, number, date and link.
    if (
      all.get(parent)?.kind === 'bukti' &&
      !ASKED_PARTS.includes(field.path.slice(parent.length + 1))
    ) {
      continue;
    }
    const indicator = /^indikator\.[A-Za-z]+/.exec(field.path)?.[0];
    if (indicator === undefined) own.push(field);
    else if (indicators.has(indicator)) {
      byIndicator.set(indicator, [...(byIndicator.get(indicator) ?? []), field]);
    }
  }
  return [...own, ...[...byIndicator.values()].flat()];
}

/** The answers a drop-down offers for a field: its enum values' labels, or yes and no. */
function choicesOf(field: Field): string[] | undefined {
  if (field.kind === 'boolean') return ['Ya', 'Tidak'];
  if (field.kind === 'enum') return (field.options ?? []).map((o) => labelOf(field.path, o));
  return undefined;
}

/** The guide's text for each kind of column (enums list their answers). */
const KIND_TEXT: Partial<Record<FieldKind, Exclude<keyof typeof texts, '$comment'>>> = {
  boolean: 'yesNo',
  date: 'date',
  number: 'number',
  integer: 'integer',
  'list-number': 'list',
  'list-string': 'list',
  urusan: 'urusan',
  url: 'url',
};

/** What a column takes, said on the guide sheet. */
function takes(field: Field, locale: Locale): string {
  const labels = (field.options ?? []).map((o) => labelOf(field.path, o));
  if (field.kind === 'enum') return `${pick(texts.oneOf, locale)} ${labels.join(' / ')}`;
  if (field.kind === 'list-enum') return `${pick(texts.someOf, locale)} ${labels.join(', ')}`;
  return pick(texts[KIND_TEXT[field.kind] ?? 'text'], locale);
}

/**
 * A blank workbook (`.xlsx`) for a region's innovations: the sheet to fill in first (a header
 * row, frozen, with a drop-down list on each column of fixed answers), then a guide to each
 * column, and a hidden sheet that holds the lists. Read back with `readRecords`, every column
 * maps to its field; the reader skips the hidden sheet.
 *
 * Loads exceljs when called.
 *
 * @param options - the language and how many rows carry the lists
 * @returns the workbook's bytes
 * @throws `InvalidOptionError` for an unknown option, a rubric that is not loaded, or a row
 * count that is no whole number from 1 to 100,000
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { templateWorkbook } from 'inovasi-rules/io';
 *
 * await writeFile('isian-inovasi.xlsx', await templateWorkbook({ locale: 'id' }));
 * ```
 */
export async function templateWorkbook(options: TemplateOptions = {}): Promise<Uint8Array> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidOptionError([
      { path: [], code: 'invalid_type', message: 'options must be an object' },
    ]);
  }
  let given: TemplateOptions;
  try {
    given = { ...options };
  } catch (error) {
    throw badOption('', `the options could not be read: ${thrownText(error)}`);
  }
  const unknown = unknownOptionIssues(
    given,
    optionNames<TemplateOptions>({ locale: true, rows: true, rubric: true, questions: true }),
  );
  if (unknown.length > 0) throw new InvalidOptionError(unknown);
  const { locale = 'id', rows = 500, rubric: rubricId = 'iga-2026', questions = [] } = given;
  const questionIssues = questionOptionIssues(questions);
  if (questionIssues.length > 0) throw new InvalidOptionError(questionIssues);
  const rubrics = listRuleSets()
    .filter((r) => r.kind === 'rubric')
    .map((r) => r.id);
  if (typeof rubricId !== 'string' || !rubrics.includes(rubricId)) {
    throw badOption('rubric', `rubric must be the id of a loaded rubric: ${rubrics.join(', ')}`);
  }
  const rubric = getRuleSet(rubricId) as RubricRuleSet;
  if (locale !== 'id' && locale !== 'en') {
    throw badOption('locale', 'locale must be "id" or "en"');
  }
  if (!Number.isInteger(rows) || rows < 1 || rows > 100_000) {
    throw badOption('rows', 'rows must be a whole number from 1 to 100000');
  }
  const t = texts;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Fixed timestamps: the same options give the same bytes.
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  // The region's own questions after the record's fields, each headed by its label.
  const asked = fieldsWithQuestions(questions);
  const labels = new Map(questions.map((q) => [`daerah.${q.id}`, pick(q.label, locale)]));
  const fields = [
    ...templateFields(rubric),
    ...[...labels.keys()].map((path) => asked.get(path) as Field),
  ];
  const header = (field: Field) => labels.get(field.path) ?? headerOf(field.path);
  const sheet = workbook.addWorksheet(pick(t.sheet, locale), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const guide = workbook.addWorksheet(pick(t.guideSheet, locale));
  const lists = workbook.addWorksheet(pick(t.listsSheet, locale), { state: 'hidden' });

  sheet.addRow(fields.map(header));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  let listColumn = 0;
  fields.forEach((field, i) => {
    const choices = choicesOf(field);
    if (field.kind === 'date') sheet.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    if (!choices) return;
    listColumn++;
    const letter = lists.getColumn(listColumn).letter;
    lists.getCell(`${letter}1`).value = header(field);
    choices.forEach((choice, k) => {
      lists.getCell(`${letter}${k + 2}`).value = choice;
    });
    const column = sheet.getColumn(i + 1).letter;
    (sheet as unknown as DataValidations).dataValidations.add(`${column}2:${column}${rows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${lists.name}'!$${letter}$2:$${letter}$${choices.length + 1}`],
      // A warning, not a stop: an answer typed another way ("ya", "UJI COBA") still reads.
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  });

  guide.addRow([pick(t.column, locale), pick(t.field, locale), pick(t.takes, locale)]);
  guide.getRow(1).font = { bold: true };
  for (const field of fields) guide.addRow([header(field), field.path, takes(field, locale)]);
  guide.addRow([]);
  guide.addRow([pick(t.urusanList, locale)]);
  for (const u of urusanCatalogue) guide.addRow([u.code ?? '', u.name]);
  guide.getColumn(1).width = 34;
  guide.getColumn(2).width = 34;
  guide.getColumn(3).width = 80;
  // The same options give the same bytes, whenever they are written.
  return new Uint8Array(fixZipTimes(Buffer.from(await workbook.xlsx.writeBuffer())));
}
