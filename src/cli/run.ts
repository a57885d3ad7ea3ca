import { parseArgs } from 'node:util';
import { InvalidRecordError, InvalidRuleSetError, type Issue } from '../errors.js';
import { DEFAULT_RULE_SET, type Evaluation, safeEvaluate } from '../evaluate.js';
import type { Locale } from '../messages.js';
import { evaluateRegion } from '../region.js';
import {
  checkRuleSet,
  getRuleSet,
  listRuleSets,
  loadRuleSet,
  type RuleSet,
  resolveRuleSet,
} from '../registry.js';
import { formatEvaluation, formatIssues, formatRegion, formatScore } from './format-text.js';
import { InputFileError, readJson, readRecords } from './input.js';
import samples from './samples.json' with { type: 'json' };

/** Where the CLI writes. Injected so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes: 0 ran; 1 usage error; 2 some input invalid (valid records still reported). */
export const EXIT = { ok: 0, usage: 1, invalidInput: 2 } as const;

const USAGE = `Usage: inovasi-rules <command> [options]

Commands:
  evaluate <file>      evaluate one record (a JSON object) or several (a JSON array)
  score <file>         IGA score of one record or several: indicators, totals, upgrade path
  region <file>        Indeks Inovasi Daerah of a region record { pemda, tahun, spd, inovasi }
  demo                 evaluate the bundled Kota Batu records, then the city's index
  rules list           list the shipped and loaded rule sets
  rules check <file>   validate a rule-set file and print every problem

Options:
  --rule-set <id|file> eligibility rule set: an id, or a rule-set JSON file (default ${DEFAULT_RULE_SET})
  --rubric <id>        IGA rubric edition: iga-2026 (default) or iga-2023
  --lang id|en         language of messages (default id)
  --format text|json   output format (default text)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 ran; 1 usage error; 2 some input invalid (the valid records are still reported).`;

class UsageError extends Error {}

interface Options {
  ruleSet: RuleSet;
  rubric: string | undefined;
  locale: Locale;
  format: 'text' | 'json';
}

async function loadEligibility(value: string | undefined): Promise<RuleSet> {
  if (value === undefined) return getRuleSet(DEFAULT_RULE_SET);
  if (value.endsWith('.json')) return loadRuleSet(await readJson(value));
  return resolveRuleSet(value, 'eligibility');
}

type Item = { index: number; evaluation: Evaluation } | { index: number; issues: readonly Issue[] };

async function evaluateAll(records: unknown[], options: Options): Promise<Item[]> {
  const items: Item[] = [];
  for (const [index, record] of records.entries()) {
    const result = await safeEvaluate(record, {
      ruleSet: options.ruleSet,
      locale: options.locale,
      ...(options.rubric ? { rubric: options.rubric } : {}),
    });
    items.push(
      result.success ? { index, evaluation: result.data } : { index, issues: result.error.issues },
    );
  }
  return items;
}

type Formatter = (evaluation: Evaluation, locale: Locale) => string;

function report(
  items: Item[],
  single: boolean,
  options: Options,
  io: CliIo,
  format: Formatter = formatEvaluation,
): number {
  const invalid = items.filter((i) => 'issues' in i);
  if (options.format === 'json') {
    const out = items.map((i) =>
      'evaluation' in i
        ? i.evaluation
        : { index: i.index, error: { code: 'E_INVALID_RECORD', issues: i.issues } },
    );
    io.stdout(JSON.stringify(single ? out[0] : out, null, 2));
  } else {
    const blocks = items.map((i) =>
      'evaluation' in i
        ? format(i.evaluation, options.locale)
        : formatIssues(`✗ record #${i.index + 1} is invalid:`, i.issues),
    );
    io.stdout(blocks.join('\n\n'));
    if (!single) {
      const counts = { eligible: 0, not_eligible: 0, incomplete: 0 };
      for (const i of items) if ('evaluation' in i) counts[i.evaluation.verdict]++;
      io.stdout(
        `\n${items.length} records: ${counts.eligible} eligible, ${counts.not_eligible} not eligible, ${counts.incomplete} incomplete, ${invalid.length} invalid`,
      );
    }
  }
  for (const i of invalid) {
    if ('issues' in i) io.stderr(formatIssues(`record #${i.index + 1} is invalid:`, i.issues));
  }
  return invalid.length > 0 ? EXIT.invalidInput : EXIT.ok;
}

async function commandRules(positionals: string[], options: Options, io: CliIo): Promise<number> {
  const [sub, file, ...rest] = positionals;
  if (sub === 'list' && file === undefined) {
    const list = listRuleSets();
    if (options.format === 'json') {
      io.stdout(JSON.stringify(list, null, 2));
    } else {
      for (const r of list) {
        const ext = r.extends ? ` (extends ${r.extends})` : '';
        io.stdout(`${r.id}  ${r.kind}, edition ${r.edition}${ext}: ${r.title[options.locale]}`);
      }
    }
    return EXIT.ok;
  }
  if (sub === 'check' && file !== undefined && rest.length === 0) {
    const issues = checkRuleSet(await readJson(file));
    if (options.format === 'json')
      io.stdout(JSON.stringify({ file, valid: issues.length === 0, issues }, null, 2));
    else if (issues.length === 0) io.stdout(`✓ ${file} is a valid rule set`);
    else io.stdout(formatIssues(`✗ ${file}: ${issues.length} problem(s)`, issues));
    return issues.length === 0 ? EXIT.ok : EXIT.invalidInput;
  }
  throw new UsageError('expected "rules list" or "rules check <file>"');
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'rule-set': { type: 'string' },
      rubric: { type: 'string' },
      lang: { type: 'string', default: 'id' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/**
 * Runs the CLI with the given arguments and returns its exit code.
 *
 * @param argv - the arguments after the program name
 * @param io - where to write
 * @param version - the package version, for `--version`
 */
export async function run(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  try {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(argv);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (values.version) {
      io.stdout(version);
      return EXIT.ok;
    }
    if (values.lang !== 'id' && values.lang !== 'en')
      throw new UsageError('--lang must be id or en');
    if (values.format !== 'text' && values.format !== 'json')
      throw new UsageError('--format must be text or json');
    const options: Options = {
      ruleSet: await loadEligibility(values['rule-set']),
      rubric: values.rubric === undefined ? undefined : resolveRuleSet(values.rubric, 'rubric').id,
      locale: values.lang,
      format: values.format,
    };
    const [command, ...args] = positionals;
    switch (command) {
      case 'evaluate': {
        if (args.length !== 1) throw new UsageError('evaluate takes one file');
        const input = await readRecords(args[0] as string);
        return report(await evaluateAll(input.records, options), input.single, options, io);
      }
      case 'score': {
        if (args.length !== 1) throw new UsageError('score takes one file');
        const input = await readRecords(args[0] as string);
        return report(
          await evaluateAll(input.records, options),
          input.single,
          options,
          io,
          formatScore,
        );
      }
      case 'region': {
        if (args.length !== 1) throw new UsageError('region takes one file');
        const region = await evaluateRegion(await readJson(args[0] as string), {
          ruleSet: options.ruleSet,
          locale: options.locale,
          ...(options.rubric ? { rubric: options.rubric } : {}),
        });
        io.stdout(
          options.format === 'json'
            ? JSON.stringify(region, null, 2)
            : formatRegion(region, options.locale),
        );
        return EXIT.ok;
      }
      case 'demo': {
        if (args.length > 0) throw new UsageError('demo takes no file');
        const code = report(await evaluateAll(samples.inovasi, options), false, options, io);
        const region = await evaluateRegion(samples, {
          ruleSet: options.ruleSet,
          locale: options.locale,
          ...(options.rubric ? { rubric: options.rubric } : {}),
        });
        io.stdout(
          options.format === 'json'
            ? JSON.stringify(region, null, 2)
            : `\n${formatRegion(region, options.locale)}`,
        );
        return code;
      }
      case 'rules':
        return await commandRules(args, options, io);
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`inovasi-rules: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (
      error instanceof InputFileError ||
      error instanceof InvalidRuleSetError ||
      error instanceof InvalidRecordError
    ) {
      io.stderr(formatIssues(`inovasi-rules: ${error.message}`, error.issues));
      return EXIT.invalidInput;
    }
    if (error instanceof Error && 'code' in error && error.code === 'E_UNKNOWN_RULE_SET') {
      io.stderr(`inovasi-rules: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
