import { access } from 'node:fs/promises';
import { InputFileError, InvalidRuleSetError, UsageError } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import { createEngine, listRuleSets, loadRuleSet, type RuleSet } from '../index.js';
import { interpolate, type Locale, type LocalizedText, pick, suggest } from '../messages.js';
import { lintRuleSet, type RuleSetProblem } from '../schemas.js';
import { lintTestCases, runTestCases } from '../vitest.js';
import { COMMAND_OPTIONS, EXIT } from './args.js';
import { readJson, readRuleSetFile, readTextFile } from './input.js';
import { say as sayError } from './say.js';
import { type ScaffoldOptions, writeScaffold } from './scaffold.js';
import type { CliIo } from './stream.js';

export { EXIT };

/** The `rules` commands: list the rule sets, check a rule-set file, run a rule set's test cases. */

/**
 * The problems of a rule-set file as a person reads them: a heading with the count of errors and
 * warnings, then each problem at its line and column, where it is, and what is wrong. A problem
 * `readRuleSetFile` refuses counts as an error.
 */
export function problemReport(
  file: string,
  problems: readonly RuleSetProblem[],
  locale: 'id' | 'en',
): string[] {
  const en = locale === 'en';
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines = [
    `${errors > 0 ? '✗' : '!'} ${file}: ${errors} ${en ? 'error(s)' : 'galat'}, ${warnings} ${en ? 'warning(s)' : 'peringatan'}`,
  ];
  for (const p of problems) {
    const at = p.line !== undefined ? `${file}:${p.line}:${p.column}` : file;
    lines.push(
      `  ${p.severity === 'error' ? '✗' : '!'} ${at}  ${p.where}`,
      `      ${p.message} [${p.code}]`,
    );
  }
  return lines;
}

const say = (text: LocalizedText, locale: Locale, values: Record<string, unknown>) =>
  interpolate(pick(text, locale), (k) => values[k], locale);

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Runs `rules list`, `rules check <file>` and `rules test <cases file>`. */
export async function commandRules(
  positionals: string[],
  options: {
    locale: 'id' | 'en';
    format: string;
    strict?: boolean;
    scaffold?: ScaffoldOptions;
    /** `--rule-set`: listed by `rules list` beside the shipped ones. */
    ruleSets?: readonly RuleSet[];
  },
  io: CliIo,
): Promise<number> {
  const [sub, file, ...rest] = positionals;
  if (sub === 'list' && file === undefined) {
    const list = options.ruleSets?.length
      ? createEngine({ ruleSets: options.ruleSets }).listRuleSets()
      : listRuleSets();
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
  if (sub === 'new' && file !== undefined && rest.length === 0) {
    const written = await writeScaffold(file, options.scaffold ?? {}, options.locale);
    for (const path of written) io.stdout(`✓ ${path}`);
    return EXIT.ok;
  }
  if (sub === 'check' && file !== undefined && rest.length === 0) {
    const json = await readJson(file, options.locale);
    const source = await readTextFile(file).catch(() => undefined);
    const problems = lintRuleSet(json, {
      locale: options.locale,
      ...(options.strict ? { strict: true } : {}),
      ...(source !== undefined ? { source } : {}),
    });
    const errors = problems.filter((p) => p.severity === 'error');
    if (options.format === 'json') {
      io.stdout(JSON.stringify({ file, valid: errors.length === 0, problems }, null, 2));
    } else if (problems.length === 0) {
      io.stdout(`✓ ${file}: ${options.locale === 'en' ? 'a valid rule set' : 'rule set valid'}`);
    } else {
      for (const line of problemReport(file, problems, options.locale)) await io.stdout(line);
    }
    return errors.length === 0 ? EXIT.ok : EXIT.invalidInput;
  }
  if (sub === 'test' && file !== undefined && rest.length === 0) {
    const cases = (await readJson(file, options.locale)) as { ruleSet?: unknown };
    // A region's own rule set sits beside its cases (x.cases.json beside x.json): load it.
    const beside = file.replace(/\.cases\.json$/, '.json');
    const known = listRuleSets().some((r) => r.id === cases?.ruleSet);
    if (!known && beside !== file && (await exists(beside)))
      loadRuleSet(await readRuleSetFile(beside, options.locale));
    // A misspelt field in a case's record is ignored by the evaluation: say so (an error with --strict).
    const fieldProblems = lintTestCases(cases);
    for (const p of fieldProblems) {
      io.stderr(`${options.strict ? '✗' : '!'} ${file}: ${p.path.join('.')}: ${p.message}`);
    }
    // A malformed case file is the file's problem (named, with each problem), not a rule set's.
    const results = await runTestCases(cases, { locale: options.locale }).catch(
      (error: unknown) => {
        throw error instanceof InvalidRuleSetError ? new InputFileError(file, error.issues) : error;
      },
    );
    const failed = results.filter((r) => !r.passed);
    if (options.strict && fieldProblems.length > 0 && failed.length === 0) {
      io.stdout(
        say(TEXTS.cli.rulesTest.strict, options.locale, {
          passed: results.length,
          unknown: fieldProblems.length,
        }),
      );
      return EXIT.invalidInput;
    }
    if (options.format === 'json')
      io.stdout(
        JSON.stringify(
          { file, passed: results.length - failed.length, failed: failed.length, results },
          null,
          2,
        ),
      );
    else {
      // Each line waits for a slow reader (backpressure), so memory stays bounded.
      for (const r of results) {
        await io.stdout(`${r.passed ? '✓' : '✗'} ${r.name}`);
        for (const problem of r.problems) await io.stdout(`    ${problem}`);
      }
      await io.stdout(
        say(TEXTS.cli.rulesTest.summary, options.locale, {
          passed: results.length - failed.length,
          failed: failed.length,
        }),
      );
    }
    return failed.length === 0 ? EXIT.ok : EXIT.invalidInput;
  }
  throw rulesUsageError(sub, positionals.length, options.locale);
}

/** The `rules` subcommands: those the option table has a row for. */
const SUBCOMMANDS = Object.keys(COMMAND_OPTIONS)
  .filter((command) => command.startsWith('rules '))
  .map((command) => command.slice('rules '.length));

/** What is wrong with a `rules` command line that matched no subcommand's form. */
function rulesUsageError(sub: string | undefined, count: number, locale: Locale): UsageError {
  if (sub === undefined) return new UsageError(sayError('rulesUsage', locale, {}));
  if (!SUBCOMMANDS.includes(sub)) {
    const near = suggest(sub, SUBCOMMANDS);
    const hint = near ? sayError('didYouMean', locale, { suggestion: `rules ${near}` }) : '';
    return new UsageError(sayError('unknownRulesCommand', locale, { sub, hint }));
  }
  const command = `rules ${sub}`;
  if (sub === 'list') return new UsageError(sayError('noFile', locale, { command }));
  // `rules new` takes an id, `rules check` and `rules test` a file: one, and nothing more.
  if (sub === 'new' || count > 2) return new UsageError(sayError('rulesUsage', locale, {}));
  return new UsageError(sayError('oneFile', locale, { command }));
}
