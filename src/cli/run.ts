import samples from '../../examples/kota-batu-2024.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import {
  InovasiRulesError,
  InputFileError,
  InvalidOptionError,
  InvalidRecordError,
  InvalidRuleSetError,
  OutputError,
  UnknownRuleSetError,
  UsageError,
} from '../errors.js';
import { TEXTS } from '../features/texts.js';
import type { Engine, Evaluation, RuleSet } from '../index.js';
import { createEngine, evaluateAll, evaluateRegion, getRuleSet, loadRuleSet } from '../index.js';
import { questionsOf, templateWorkbook } from '../io/index.js';
import { type Locale, pick, suggest } from '../messages.js';
import { compareEditions, planRegion } from '../plan.js';
import { checkSubmission } from '../submission.js';
import {
  argumentsError,
  COMMAND_OPTIONS,
  EXIT,
  helpOf,
  optionNotTaken,
  parseOptions,
  positionalsOf,
  writeFailure,
} from './args.js';
import { setColour } from './colour.js';
import { commandDossier, commandOutcomes, commandVerify, type DossierContext } from './dossier.js';
import {
  formatComparison,
  formatEvaluation,
  formatIssues,
  formatPlan,
  formatRegion,
  formatScore,
  formatSideBySide,
  formatSubmission,
} from './format-text.js';
import {
  type CliReadOptions,
  countRecords,
  openSource,
  RuleSetFileError,
  readJson,
  readRuleSetFile,
} from './input.js';
import { writeOutput } from './output.js';
import { commandReport } from './report/command.js';
import { commandRules, problemReport } from './rules.js';
import { mustBe, say } from './say.js';
import { type CliIo, evaluationStream, type StreamOptions, streamEvaluations } from './stream.js';

export { EXIT, writeFailure } from './args.js';
export type { CliIo } from './stream.js';

/** Output formats by command; the first is the default. */
const FORMATS: Record<string, Options['format'][]> = {
  evaluate: ['text', 'json', 'ndjson'],
  verify: ['text', 'json'],
  outcomes: ['text', 'json'],
  score: ['text', 'json', 'ndjson'],
  report: ['md', 'html', 'csv', 'json', 'xlsx'],
  dossier: ['html', 'json'],
  template: ['xlsx'],
};

/** Options shared by the commands. */
export interface Options {
  /** The eligibility rule set (the first of `--rule-set`), if one was given. */
  ruleSet: RuleSet | undefined;
  /** Every `--rule-set` given, of any kind: more than one prints them side by side. */
  ruleSets: RuleSet[];
  /** Whether a `--rule-set` was given (else each command applies its own default). */
  ruleSetGiven: boolean;
  rubric: string | undefined;
  locale: Locale;
  format: 'text' | 'json' | 'ndjson' | 'md' | 'html' | 'csv' | 'xlsx';
  /** How input files are read. */
  read: CliReadOptions;
  /** `--detail`: how much of each evaluation JSON and NDJSON output holds. */
  detail: string | undefined;
}

/** NDJSON, a batch format, is a summary by default; JSON is the full evaluation. */
function detailOf(detail: string | undefined, format: string): 'summary' | 'full' {
  if (detail === 'summary' || detail === 'full') return detail;
  return format === 'ndjson' ? 'summary' : 'full';
}

/**
 * The rule sets of `--rule-set`, each an id or a file, loaded into one engine built at start (a
 * file may extend one given before it); nothing is registered process-wide. With one value it
 * must be an eligibility rule set; with several, of any kind side by side.
 */
async function ruleSetOptions(
  values: string[],
  locale: Locale,
): Promise<Pick<Options, 'ruleSet' | 'ruleSets'>> {
  let engine = createEngine();
  const ruleSets: RuleSet[] = [];
  const fileOf = new Map<unknown, string>();
  for (const value of values) {
    if (value.endsWith('.json')) {
      const json = await readRuleSetFile(value, locale);
      // Two files of one id: the second would replace the first unseen, its column named alike.
      const id = (json as { id?: unknown }).id;
      const other = fileOf.get(id);
      if (other !== undefined) {
        throw new UsageError(
          `${value}: ${say('duplicateRuleSetId', locale, { id: String(id), other })}`,
        );
      }
      fileOf.set(id, value);
      engine = engine.with(json);
      ruleSets.push(engine.ruleSets.find((r) => r.id === id) as RuleSet);
    } else {
      // A shipped id, or one loaded with loadRuleSet in this process.
      ruleSets.push(engine.ruleSets.find((r) => r.id === value) ?? getRuleSet(value));
    }
  }
  // One id alone names the eligibility rule set: an id of another kind is unknown as that kind.
  const [only] = values;
  if (values.length === 1 && only !== undefined && !only.endsWith('.json')) {
    ofKind(engine, only, 'eligibility');
  }
  return { ruleSet: ruleSets.find((r) => r.kind === 'eligibility'), ruleSets };
}

/** The read option of the region's own questions of the rule sets given, when they ask any. */
function questionsRead(ruleSets: readonly RuleSet[]): Pick<CliReadOptions, 'questions'> {
  const questions = questionsOf(ruleSets);
  return questions.length > 0 ? { questions } : {};
}

/** The rule set of an id, which must be of the kind asked for (else unknown as that kind). */
function ofKind(engine: Engine, id: string, kind: RuleSet['kind']): RuleSet {
  const ruleSet = engine.ruleSets.find((r) => r.id === id) ?? getRuleSet(id);
  if (ruleSet.kind !== kind) {
    const known = engine.listRuleSets().filter((r) => r.kind === kind);
    throw new UnknownRuleSetError(
      id,
      known.map((r) => r.id),
      kind,
    );
  }
  return ruleSet;
}

function evaluateOptions(options: Options) {
  return {
    // No --rule-set: one record gets the default; a region or report, its own region's rules.
    ...(options.ruleSetGiven ? { ruleSet: options.ruleSet } : {}),
    locale: options.locale,
    ...(options.rubric ? { rubric: options.rubric } : {}),
  };
}

async function evaluateFile(
  file: string,
  options: Options,
  io: CliIo,
  formatText: (evaluation: Evaluation, locale: Locale) => string,
): Promise<number> {
  const source = await openSource(file, options.read, io.stdin);
  for (const warning of source.warnings) io.stderr(`${file}: ${warning.message}`);
  const format = options.format as StreamOptions['format'];
  // The progress bar's total, counted only when a bar is shown.
  const total = io.progress ? await countRecords(file, source.format) : undefined;
  const { invalid } =
    options.ruleSets.length > 1
      ? await streamEvaluations(
          source,
          {
            evaluate: (record) =>
              evaluateAll(record, { ruleSets: options.ruleSets, locale: options.locale }),
            locale: options.locale,
            format,
            formatText: formatSideBySide,
            ...(total !== undefined ? { total } : {}),
          },
          io,
        )
      : await streamEvaluations(
          source,
          {
            ...evaluationStream(
              evaluateOptions(options),
              options.locale,
              format,
              formatText,
              detailOf(options.detail, format),
            ),
            ...(total !== undefined ? { total } : {}),
          },
          io,
        );
  return invalid > 0 ? EXIT.invalidInput : EXIT.ok;
}

async function* fromList(records: readonly unknown[]) {
  for (const [index, record] of records.entries()) yield { index, record };
}

/**
 * Runs the CLI with the given arguments and returns its exit code.
 *
 * @param argv - the arguments after the program name
 * @param io - where to write
 * @param version - the package version, for `--version`
 */
export async function run(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  // The language of messages, known even when the other arguments do not parse.
  const langAt = argv.indexOf('--lang');
  const locale: Locale = argv[langAt + 1] === 'en' || argv.includes('--lang=en') ? 'en' : 'id';
  // The command named, once the arguments parse: a usage error shows that command's help.
  let named: readonly string[] = [];
  try {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(argv);
    } catch {
      named = positionalsOf(argv);
      throw argumentsError(argv, locale);
    }
    const { values, positionals } = parsed;
    named = positionals;
    if (values.help) {
      io.stdout(helpOf(positionals, locale));
      return EXIT.ok;
    }
    if (values.version) {
      io.stdout(version);
      return EXIT.ok;
    }
    if (values.lang !== 'id' && values.lang !== 'en') throw mustBe('--lang', ['id', 'en'], 'id');
    const notTaken = optionNotTaken(Object.keys(values), positionals, values.lang);
    if (notTaken) throw notTaken;
    setColour({ flag: values['no-color'] === true, env: process.env, isTTY: io.isTTY });
    const [command, ...args] = positionals;
    const formats = FORMATS[command ?? ''] ?? ['text', 'json'];
    const format = values.format ?? formats[0];
    if (!formats.includes(format as Options['format'])) {
      throw mustBe('--format', formats, values.lang);
    }
    const chosen = await ruleSetOptions(values['rule-set'] ?? [], values.lang);
    const options: Options = {
      ...chosen,
      ruleSetGiven: (values['rule-set'] ?? []).length > 0,
      rubric:
        values.rubric === undefined
          ? undefined
          : ofKind(createEngine(), values.rubric, 'rubric').id,
      locale: values.lang,
      format: format as Options['format'],
      read: { ...(await readOptions(values)), ...questionsRead(chosen.ruleSets) },
      detail: values.detail,
    };
    if (values.detail !== undefined && !['summary', 'full'].includes(values.detail)) {
      throw mustBe('--detail', ['summary', 'full'], options.locale);
    }
    // A workbook is written by the report itself, as bytes.
    if (values.output && options.format !== 'xlsx') {
      return await writeOutput(values.output, (write) =>
        runCommand(command, args, values, options, { ...io, stdout: write, isTTY: false }),
      );
    }
    return await runCommand(command, args, values, options, io);
  } catch (error) {
    const code = reportError(error, io, locale, named);
    // A program reading --format json gets one JSON document whatever happened: the error.
    const formatAt = argv.indexOf('--format');
    const json = argv[formatAt + 1] === 'json' || argv.includes('--format=json');
    if (json && error instanceof InovasiRulesError) {
      const issues = (error as { issues?: unknown }).issues;
      io.stdout(
        JSON.stringify(
          { error: { code: error.code, message: error.message, ...(issues ? { issues } : {}) } },
          null,
          2,
        ),
      );
    }
    return code;
  }
}

async function readOptions(
  values: ReturnType<typeof parseOptions>['values'],
): Promise<CliReadOptions> {
  const lang: Locale = values.lang === 'en' ? 'en' : 'id';
  const inputFormat = values['input-format'];
  if (inputFormat !== undefined && !['json', 'ndjson', 'csv', 'xlsx'].includes(inputFormat)) {
    throw mustBe('--input-format', ['json', 'ndjson', 'csv', 'xlsx'], lang);
  }
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
  if (delimiter !== undefined && ![',', ';', '\t'].includes(delimiter)) {
    throw mustBe('--delimiter', [',', ';', 'tab'], lang);
  }
  if (values.encoding !== undefined && !['utf-8', 'windows-1252'].includes(values.encoding)) {
    throw mustBe('--encoding', ['utf-8', 'windows-1252'], lang);
  }
  const numberFormat = values['number-format'];
  if (numberFormat !== undefined && !['id', 'en'].includes(numberFormat)) {
    throw mustBe('--number-format', ['id', 'en'], lang);
  }
  let map: CliReadOptions['map'];
  if (values.map !== undefined) {
    const json = await readJson(values.map, lang);
    const valid =
      json !== null &&
      typeof json === 'object' &&
      !Array.isArray(json) &&
      Object.values(json).every((v) => v === null || typeof v === 'string');
    if (!valid) {
      throw new InputFileError(values.map, [
        {
          path: [],
          code: 'invalid_map',
          message: say('invalidMap', lang, { file: values.map }),
        },
      ]);
    }
    map = json as CliReadOptions['map'];
  }
  return {
    ...(inputFormat ? { format: inputFormat as CliReadOptions['format'] } : {}),
    ...(delimiter ? { delimiter: delimiter as CliReadOptions['delimiter'] } : {}),
    ...(values.sheet ? { sheet: values.sheet } : {}),
    ...(values.encoding ? { encoding: values.encoding as CliReadOptions['encoding'] } : {}),
    ...(map ? { map } : {}),
    ...(values.strict ? { strict: true } : {}),
    ...(numberFormat ? { numberFormat: numberFormat as CliReadOptions['numberFormat'] } : {}),
    locale: lang,
  };
}

/** The rule set of the demo's samples: Kota Batu's Perwali. */
const DEMO_RULE_SET = 'perwali-batu-36-2022';

/** Steps of the plan the demo shows. */
const DEMO_STEPS = 5;

async function runCommand(
  command: string | undefined,
  args: string[],
  values: ReturnType<typeof parseOptions>['values'],
  options: Options,
  io: CliIo,
): Promise<number> {
  switch (command) {
    case 'evaluate':
    case 'score': {
      if (args.length !== 1) throw new UsageError(say('oneFile', options.locale, { command }));
      const formatText = command === 'score' ? formatScore : formatEvaluation;
      return await evaluateFile(args[0] as string, options, io, formatText);
    }
    case 'check': {
      if (args.length !== 1) throw new UsageError(say('oneFile', options.locale, { command }));
      const file = args[0] as string;
      const source = await openSource(file, options.read, io.stdin);
      for (const warning of source.warnings) io.stderr(`${file}: ${warning.message}`);
      const asOf = values['as-of'];
      const { invalid } = await streamEvaluations(
        source,
        {
          evaluate: (record) =>
            checkSubmission(record, {
              locale: options.locale,
              ...(options.rubric ? { rubric: options.rubric } : {}),
              ...(typeof asOf === 'string' ? { asOf } : {}),
            }),
          locale: options.locale,
          format: options.format as StreamOptions['format'],
          formatText: formatSubmission,
        },
        io,
      );
      return invalid > 0 ? EXIT.invalidInput : EXIT.ok;
    }
    case 'report': {
      if (args.length !== 1) throw new UsageError(say('oneFile', options.locale, { command }));
      return await commandReport(
        args[0] as string,
        values,
        {
          evaluate: evaluateOptions(options),
          locale: options.locale,
          format: options.format,
          read: options.read,
        },
        io,
      );
    }
    case 'region': {
      if (args.length !== 1) throw new UsageError(say('oneFile', options.locale, { command }));
      const compare = values.compare;
      if (typeof compare === 'string') {
        const [a, b, ...more] = compare.split(',').map((x) => x.trim());
        if (!a || !b || more.length > 0) {
          throw new UsageError(
            say('badValue', options.locale, { option: '--compare', value: compare }),
          );
        }
        const { rubric: _, ...rest } = evaluateOptions(options);
        const c = await compareEditions(
          await readJson(args[0] as string, options.locale),
          a,
          b,
          rest,
        );
        io.stdout(
          options.format === 'json'
            ? JSON.stringify(c, null, 2)
            : formatComparison(c, options.locale),
        );
        return EXIT.ok;
      }
      const region = await evaluateRegion(
        await readJson(args[0] as string, options.locale),
        evaluateOptions(options),
      );
      io.stdout(
        options.format === 'json'
          ? JSON.stringify(region, null, 2)
          : formatRegion(region, options.locale),
      );
      return EXIT.ok;
    }
    case 'plan': {
      if (args.length !== 1) throw new UsageError(say('oneFile', options.locale, { command }));
      const maxSteps = values['max-steps'];
      if (maxSteps !== undefined && !/^\d+$/.test(String(maxSteps))) {
        throw new UsageError(
          say('badValue', options.locale, { option: '--max-steps', value: String(maxSteps) }),
        );
      }
      const budget = values.budget;
      if (budget !== undefined && !/^\d+([.,]\d+)?$/.test(String(budget))) {
        throw new UsageError(
          say('badValue', options.locale, { option: '--budget', value: String(budget) }),
        );
      }
      const choice = (name: 'objective' | 'method' | 'years', allowed: string[]) => {
        const value = values[name];
        if (value === undefined) return {};
        if (!allowed.includes(String(value))) {
          throw new UsageError(
            say('badValue', options.locale, { option: `--${name}`, value: String(value) }),
          );
        }
        return { [name]: value };
      };
      const plan = await planRegion(await readJson(args[0] as string, options.locale), {
        ...evaluateOptions(options),
        ...(typeof values.target === 'string' ? { target: values.target as never } : {}),
        ...(maxSteps !== undefined ? { maxSteps: Number(maxSteps) } : {}),
        ...(budget !== undefined ? { budget: Number(String(budget).replace(',', '.')) } : {}),
        ...choice('objective', ['cheapest', 'highest']),
        ...choice('method', ['optimal', 'greedy']),
        ...(choice('years', ['1', '2']).years !== undefined
          ? { years: Number(values.years) as 1 | 2 }
          : {}),
      });
      io.stdout(
        options.format === 'json'
          ? JSON.stringify(plan, null, 2)
          : formatPlan(plan, options.locale),
      );
      return EXIT.ok;
    }
    case 'demo': {
      if (args.length > 0) throw new UsageError(say('noFile', options.locale, { command }));
      // The samples are Kota Batu's: its Perwali is named, not left to the jurisdiction match.
      const demoOptions = { ruleSet: DEMO_RULE_SET, ...evaluateOptions(options) };
      // JSON: the region alone, which holds every innovation's evaluation.
      const region = await evaluateRegion(samples, demoOptions);
      if (options.format !== 'text') {
        io.stdout(JSON.stringify(region, null, 2));
        return EXIT.ok;
      }
      const source = {
        format: 'json' as const,
        single: false,
        warnings: [],
        columns: [],
        rows: fromList(samples.inovasi),
      };
      await streamEvaluations(
        source,
        evaluationStream(demoOptions, options.locale, 'text', formatEvaluation),
        io,
      );
      io.stdout(`\n${formatRegion(region, options.locale)}`);
      // What the city could do next: the first steps of its plan to the next band.
      const plan = await planRegion(samples, { ...demoOptions, maxSteps: DEMO_STEPS });
      const target = plan.target.band.replace('_', ' ');
      const heading = pick(TEXTS.cli.demoPlan, options.locale).replace('{target}', target);
      const steps = formatPlan(plan, options.locale).split('\n').slice(1).join('\n');
      io.stdout(`\n${heading}\n${steps}`);
      return EXIT.ok;
    }
    case 'rules':
      return await commandRules(
        args,
        {
          ...options,
          strict: Boolean(values.strict),
          scaffold: {
            ...(values.extends !== undefined ? { extends: values.extends } : {}),
            ...(values.level !== undefined ? { level: values.level } : {}),
            ...(values.name !== undefined ? { name: values.name } : {}),
            ...(values.dir !== undefined ? { dir: values.dir } : {}),
            ...(values.year !== undefined ? { year: values.year } : {}),
          },
        },
        io,
      );
    case 'dossier':
    case 'verify':
    case 'outcomes': {
      if (args.length !== 1) throw new UsageError(say('oneFile', options.locale, { command }));
      const context = await dossierContext(values['rule-set'] ?? [], options);
      const file = args[0] as string;
      if (command === 'verify') return await commandVerify(file, context, io);
      if (command === 'outcomes') return await commandOutcomes(file, values, context, io);
      return await commandDossier(file, values, context, io);
    }
    case 'template': {
      if (args.length > 0) throw new UsageError(say('noFile', options.locale, { command }));
      if (!values.output) throw new UsageError(say('templateNeedsOutput', options.locale, {}));
      // exceljs is loaded by the template itself, for this command only.
      // A region's rule set (`--rule-set perbup.json`) adds a column for each of its questions.
      const bytes = await templateWorkbook({
        locale: options.locale,
        ...(options.rubric !== undefined ? { rubric: options.rubric } : {}),
        ...questionsRead(options.ruleSets),
      });
      await writeOutput(values.output, async (write) => write(bytes));
      // The command that reads it back names the rule sets that asked for columns.
      const given = (values['rule-set'] ?? []).map((r) => ` --rule-set ${r}`).join('');
      io.stderr(say('templateWritten', options.locale, { file: values.output, ruleSets: given }));
      return EXIT.ok;
    }
    case 'mcp': {
      if (args.length > 0) throw new UsageError(say('noFile', options.locale, { command }));
      // The protocol owns standard output: nothing else is written there.
      const { startMcpServer } = await import('../mcp/index.js');
      const server = await startMcpServer({
        engine: createEngine({ ruleSets: options.ruleSetGiven ? options.ruleSets : [] }),
        version: pkg.version,
        locale: options.locale,
      });
      await server.closed;
      return EXIT.ok;
    }
    case 'serve': {
      if (args.length > 0) throw new UsageError(say('noFile', options.locale, { command }));
      // The server (Hono, its OpenAPI) is loaded only for `serve`.
      const { commandServe } = await import('./serve.js');
      return await commandServe(
        values,
        options.ruleSetGiven ? options.ruleSets : [],
        io,
        options.locale,
      );
    }
    case undefined:
      throw new UsageError(say('noCommand', options.locale, {}));
    default:
      throw new UsageError(
        say('unknownCommand', options.locale, {
          command,
          hint: commandHint(command, options.locale),
        }),
      );
  }
}

/** " (did you mean "evaluate"?)" for a misspelt command, else nothing. */
function commandHint(command: string, locale: Locale): string {
  const near = suggest(
    command,
    Object.keys(COMMAND_OPTIONS).filter((c) => !c.includes(' ')),
  );
  return near === undefined ? '' : say('didYouMean', locale, { suggestion: near });
}

/**
 * The dossier commands' context. Their rule set is named by id in the pages, so that `verify`
 * can recompute them later: a rule-set file is loaded in this process under its own id.
 */
async function dossierContext(values: string[], options: Options): Promise<DossierContext> {
  let ruleSet: string | undefined;
  for (const value of values) {
    const id = value.endsWith('.json')
      ? loadRuleSet(await readRuleSetFile(value, options.locale), { replace: true }).id
      : value;
    if (ruleSet === undefined && getRuleSet(id).kind === 'eligibility') ruleSet = id;
  }
  return {
    locale: options.locale,
    format: options.format,
    read: options.read,
    ruleSet,
    rubric: options.rubric,
  };
}

function reportError(
  error: unknown,
  io: CliIo,
  locale: Locale,
  named: readonly string[] = [],
): number {
  if (error instanceof UsageError) {
    // The help of the command the user was running (`serve --watch` alone: serve's), else all.
    io.stderr(`inovasi-rules: ${error.message}\n\n${helpOf(named, locale)}`);
    return EXIT.usage;
  }
  if (error instanceof RuleSetFileError) {
    // As `rules check` shows it: each problem once, at its line and column.
    io.stderr(problemReport(error.file, error.problems, locale).join('\n'));
    return EXIT.invalidInput;
  }
  if (
    error instanceof InputFileError ||
    error instanceof InvalidRuleSetError ||
    error instanceof InvalidRecordError
  ) {
    // A file that cannot be read is one line naming it; problems inside a file are listed.
    if (error instanceof InputFileError && error.issues.length === 1) {
      const issue = error.issues[0] as (typeof error.issues)[number];
      const text = TEXTS.cli.file[issue.code as keyof typeof TEXTS.cli.file];
      io.stderr(
        `inovasi-rules: ${text ? pick(text, locale).replace('{file}', error.file) : issue.message}`,
      );
      return EXIT.invalidInput;
    }
    // The heading without the issues it summarises, in the CLI's language: each is listed
    // once, below it.
    const n = error.issues.length;
    const problems = say(n === 1 ? 'problemOne' : 'problemMany', locale, {});
    const heading =
      error instanceof InputFileError
        ? say('cannotReadFile', locale, { file: error.file, n })
        : error instanceof InvalidRecordError
          ? say('invalidRecord', locale, { n, problems })
          : say('invalidRuleSet', locale, {
              n,
              problems,
              ruleSet: error.ruleSetId ? ` "${error.ruleSetId}"` : '',
            });
    io.stderr(formatIssues(`inovasi-rules: ${heading}`, error.issues, locale));
    return EXIT.invalidInput;
  }
  if (error instanceof UnknownRuleSetError) {
    if (error.notHeld) {
      io.stderr(`inovasi-rules: ${error.notHeld.reason[locale]} (${error.notHeld.citation})`);
      return EXIT.usage;
    }
    const known = error.known;
    const suggestion = error.suggestion;
    const hint = suggestion ? say('didYouMean', locale, { suggestion }) : '';
    io.stderr(
      `inovasi-rules: ${say('unknownRuleSet', locale, { id: error.ruleSetId, hint, known: known.join(', ') })}`,
    );
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    io.stderr(`inovasi-rules: ${writeFailure(error, locale)}`);
    return EXIT.output;
  }
  if (error instanceof InvalidOptionError) {
    const issues = error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    io.stderr(`inovasi-rules: ${say('invalidOption', locale, { issues })}`);
    return EXIT.usage;
  }
  throw error;
}
