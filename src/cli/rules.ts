import { access } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { runTestCases } from '../features/cases.js';
import { checkRuleSet, listRuleSets, loadRuleSet } from '../rule-sets/registry.js';
import { formatIssues } from './format-text.js';
import { readJson } from './input.js';
import type { CliIo } from './stream.js';

/** The `rules` commands: list the rule sets, check a rule-set file, run a rule set's test cases. */

/** Exit codes: 0 ran; 1 usage error; 2 some input invalid (valid records still reported). */
export const EXIT = { ok: 0, usage: 1, invalidInput: 2 } as const;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Runs `rules list`, `rules check <file>` and `rules test <cases file>`. */
export async function commandRules(
  positionals: string[],
  options: { locale: 'id' | 'en'; format: string },
  io: CliIo,
): Promise<number> {
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
  if (sub === 'test' && file !== undefined && rest.length === 0) {
    const cases = (await readJson(file)) as { ruleSet?: unknown };
    // A region's own rule set sits beside its cases (x.cases.json beside x.json): load it.
    const beside = file.replace(/\.cases\.json$/, '.json');
    const known = listRuleSets().some((r) => r.id === cases?.ruleSet);
    if (!known && beside !== file && (await exists(beside))) loadRuleSet(await readJson(beside));
    const results = await runTestCases(cases);
    const failed = results.filter((r) => !r.passed);
    if (options.format === 'json')
      io.stdout(
        JSON.stringify(
          { file, passed: results.length - failed.length, failed: failed.length, results },
          null,
          2,
        ),
      );
    else {
      for (const r of results) {
        io.stdout(`${r.passed ? '✓' : '✗'} ${r.name}`);
        for (const problem of r.problems) io.stdout(`    ${problem}`);
      }
      io.stdout(`${results.length - failed.length} passed, ${failed.length} failed`);
    }
    return failed.length === 0 ? EXIT.ok : EXIT.invalidInput;
  }
  throw new UsageError('expected "rules list", "rules check <file>" or "rules test <cases file>"');
}
