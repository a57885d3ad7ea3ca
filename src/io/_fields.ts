import * as z from 'zod';
import { InvalidOptionError, type Issue } from '../errors.js';
import { InnovationSchema } from '../record/innovation.js';
import type { RuleSet } from '../rule-sets/types.js';

/**
 * What a spreadsheet cell must become at each path of the innovation record, read off the
 * record's zod schema so that it cannot drift from it: text, number (integer or not), yes/no,
 * date, one of an enum's values, a list, the urusan list, an indicator's evidence, or the web
 * address of one of its documents.
 */

/** The kind of value a column holds. */
export type FieldKind =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'enum'
  | 'list-string'
  | 'list-number'
  | 'list-enum'
  | 'urusan'
  | 'bukti'
  | 'url';

/** A record path a column can map to, and what its cells must become. */
export interface Field {
  /** Dotted record path, e.g. `indikator.sdm.jumlah`. */
  readonly path: string;
  /** The kind of value. */
  readonly kind: FieldKind;
  /** The accepted values of an enum (or a list of enum values). */
  readonly options?: readonly string[];
  /** Other names a header may give it (a region's question's labels). */
  readonly labels?: readonly string[];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodPipe ||
    current instanceof z.ZodDefault
  ) {
    current = (current instanceof z.ZodPipe ? current.in : current.unwrap()) as z.ZodType;
  }
  return current;
}

function scalar(inner: z.ZodType): Omit<Field, 'path'> | undefined {
  if (inner instanceof z.ZodNumber) return { kind: inner.isInt ? 'integer' : 'number' };
  if (inner instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (inner instanceof z.ZodISODate) return { kind: 'date' };
  if (inner instanceof z.ZodEnum) return { kind: 'enum', options: inner.options as string[] };
  // Text, and the caller's `id` (text or number): kept as written.
  if (inner instanceof z.ZodString || inner instanceof z.ZodUnion) return { kind: 'string' };
  return undefined;
}

function describe(path: string, schema: z.ZodType): Omit<Field, 'path'> | undefined {
  const inner = unwrap(schema);
  if (path === 'urusan') return { kind: 'urusan' };
  if (inner instanceof z.ZodArray) {
    const item = unwrap(inner.element as z.ZodType);
    if (item instanceof z.ZodObject && 'jenis' in item.shape) return { kind: 'bukti' };
    const one = scalar(item);
    if (one?.kind === 'enum') return { kind: 'list-enum', options: one.options ?? [] };
    if (one?.kind === 'integer' || one?.kind === 'number') return { kind: 'list-number' };
    return { kind: 'list-string' };
  }
  return scalar(inner);
}

function collect(schema: z.ZodType, prefix: string, out: Map<string, Field>): void {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return;
  for (const [name, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const field = describe(path, child);
    if (field) out.set(path, { path, ...field });
    else collect(child, path, out);
  }
}

const BUKTI_PARTS: readonly (readonly [string, FieldKind])[] = [
  ['jenis', 'string'],
  ['nama', 'string'],
  ['nomor', 'string'],
  ['tanggal', 'date'],
  ['tentang', 'string'],
  ['url', 'url'],
];

/**
 * The path of a part of a document: an indicator's (`indikator.sdm.bukti.nomor`: the list's path
 * in group 1, the indicator's id in 2) or the latest development's (`buktiPengembangan.url`: 3),
 * the part in group 4.
 */
export const DOCUMENT_PART = /^(indikator\.([A-Za-z]+)\.bukti|(buktiPengembangan))\.([a-z]+)$/;

/** An id in words, as a header writes it: `prasyaratReplikasi` → `Prasyarat Replikasi`. */
export const idInWords = (id: string): string =>
  id.replace(/([A-Z])/g, ' $1').replace(/^\w/, (c) => c.toUpperCase());

let cache: ReadonlyMap<string, Field> | undefined;

/**
 * Every leaf path of the innovation record, in the schema's order (built once, on first use).
 * An indicator's evidence is a list of documents; a sheet gives one per row, either as the
 * list of its kinds (`indikator.sdm.bukti`) or part by part (`indikator.sdm.bukti.nomor`).
 */
export function innovationFields(): ReadonlyMap<string, Field> {
  if (!cache) {
    const out = new Map<string, Field>();
    collect(InnovationSchema, '', out);
    for (const field of [...out.values()]) {
      if (field.kind !== 'bukti') continue;
      for (const [part, kind] of BUKTI_PARTS) {
        out.set(`${field.path}.${part}`, { path: `${field.path}.${part}`, kind });
      }
    }
    cache = out;
  }
  return cache;
}

/**
 * The fields of a verifiers' outcome file: which innovation (`id`, `nama`, `opd`), the decision
 * (`keputusan`: `diterima` or `ditolak`), the verified points (`nilai`) and a note (`catatan`).
 */
export const OUTCOME_FIELDS: ReadonlyMap<string, Field> = new Map([
  ['id', { path: 'id', kind: 'string' }],
  ['nama', { path: 'nama', kind: 'string' }],
  ['opd', { path: 'opd', kind: 'string' }],
  ['keputusan', { path: 'keputusan', kind: 'enum', options: ['diterima', 'ditolak'] }],
  ['nilai', { path: 'nilai', kind: 'number' }],
  ['catatan', { path: 'catatan', kind: 'string' }],
]);

/** The fields of a units file (the agencies and Eselon III units of a region). */
export const UNIT_FIELDS: ReadonlyMap<string, Field> = new Map([
  ['opd', { path: 'opd', kind: 'string' }],
  ['unitKerja', { path: 'unitKerja', kind: 'string' }],
]);

/** A region's own question, as the reader needs it (a rule set's `questions`). */
export interface QuestionField {
  /** Its id: the column `daerah.<id>`. */
  readonly id: string;
  /** What the answer holds. */
  readonly type: 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'choice';
  /** The allowed answers of a `choice`. */
  readonly values?: readonly string[];
  /** Its label, which a header may give instead of the path. */
  readonly label: {
    /** In Indonesian. */
    readonly id: string;
    /** In English. */
    readonly en: string;
  };
}

const QUESTION_KINDS: Record<QuestionField['type'], FieldKind> = {
  text: 'string',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  date: 'date',
  choice: 'enum',
};

/**
 * The problems of a `questions` option (of `readRecords`, of `templateWorkbook`): a list of
 * questions as a rule set declares them, each with its path `['questions', i]`.
 */
export function questionOptionIssues(questions: unknown): Issue[] {
  if (!Array.isArray(questions)) {
    return [
      {
        path: ['questions'],
        code: 'invalid_type',
        message: "questions must be a list of questions (an eligibility rule set's questions)",
      },
    ];
  }
  const issues: Issue[] = [];
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  questions.forEach((q: unknown, i) => {
    const question = (q ?? {}) as Record<string, unknown>;
    const label = (question.label ?? {}) as Record<string, unknown>;
    const problem =
      typeof q !== 'object' || q === null || Array.isArray(q)
        ? 'must be an object'
        : typeof question.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(question.id)
          ? 'needs an id of lowercase letters, digits and "_"'
          : !Object.hasOwn(QUESTION_KINDS, question.type as string)
            ? `needs a type, one of ${Object.keys(QUESTION_KINDS).join(', ')}`
            : question.type === 'choice' &&
                !(Array.isArray(question.values) && question.values.every(text))
              ? 'is a choice: it needs values, a list of texts'
              : !(text(label.id) && text(label.en))
                ? 'needs a label with id and en texts'
                : undefined;
    if (problem) {
      issues.push({
        path: ['questions', i],
        code: 'invalid_value',
        message: `question ${i + 1} ${problem}`,
      });
    }
  });
  return issues;
}

const questionsCache = new WeakMap<readonly RuleSet[], readonly QuestionField[]>();

/**
 * The region's own questions of the eligibility rule sets given, each id once (the first
 * declaration of an id wins), for {@link ReadOptions.questions}: a sheet's or a form's
 * `daerah.<id>` columns are then read as their questions' types say. Kept per list when the list
 * is frozen (as an engine's `ruleSets` is).
 *
 * @throws `InvalidOptionError` (from the main entry) when `ruleSets` is not a list of loaded rule
 *   sets
 * @example
 * ```ts
 * const engine = createEngine({ ruleSets: [perwaliJson] });
 * const records = await readRecords('inovasi.xlsx', { questions: questionsOf(engine.ruleSets) });
 * ```
 */
export function questionsOf(ruleSets: readonly RuleSet[]): readonly QuestionField[] {
  if (!Array.isArray(ruleSets)) {
    throw notRuleSets(
      ['ruleSets'],
      'ruleSets must be a list of loaded rule sets (engine.ruleSets)',
    );
  }
  let questions = questionsCache.get(ruleSets);
  if (!questions) {
    questions = Object.freeze(gatherQuestions(ruleSets));
    if (Object.isFrozen(ruleSets)) questionsCache.set(ruleSets, questions);
  }
  return questions;
}

/** The questions of a list of rule sets, each checked to be a loaded rule set's. */
function gatherQuestions(ruleSets: readonly unknown[]): QuestionField[] {
  const byId = new Map<string, QuestionField>();
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null;
  try {
    ruleSets.forEach((ruleSet, i) => {
      if (!isObject(ruleSet) || typeof ruleSet.kind !== 'string') {
        throw notRuleSets(['ruleSets', i], `rule set ${i + 1} is not a loaded rule set`);
      }
      if (ruleSet.kind !== 'eligibility') return;
      const asked = ruleSet.questions;
      if (!Array.isArray(asked) || !asked.every((q) => isObject(q) && typeof q.id === 'string')) {
        throw notRuleSets(
          ['ruleSets', i, 'questions'],
          `rule set ${i + 1} has no list of questions`,
        );
      }
      for (const q of asked as QuestionField[]) if (!byId.has(q.id)) byId.set(q.id, q);
    });
  } catch (error) {
    if (error instanceof InvalidOptionError) throw error;
    throw notRuleSets(['ruleSets'], 'ruleSets could not be read (a property threw when read)');
  }
  return [...byId.values()];
}

function notRuleSets(path: (string | number)[], message: string): InvalidOptionError {
  return new InvalidOptionError([{ path, code: 'invalid_type', message }]);
}

const withQuestionsCache = new WeakMap<readonly QuestionField[], ReadonlyMap<string, Field>>();

/**
 * The innovation's fields and a region's own questions (`daerah.<id>`), each question read as
 * its type says and matched by its path, its id or either label.
 */
export function fieldsWithQuestions(
  questions: readonly QuestionField[],
): ReadonlyMap<string, Field> {
  if (questions.length === 0) return innovationFields();
  let fields = withQuestionsCache.get(questions);
  if (!fields) {
    const out = new Map(innovationFields());
    for (const q of questions) {
      const path = `daerah.${q.id}`;
      out.set(path, {
        path,
        kind: QUESTION_KINDS[q.type],
        ...(q.type === 'choice' ? { options: q.values ?? [] } : {}),
        labels: [q.id, q.label.id, q.label.en],
      });
    }
    fields = out;
    withQuestionsCache.set(questions, fields);
  }
  return fields;
}
