import type { Issue } from '../errors.js';
import type { Evaluation } from '../evaluate.js';
import { type Locale, MESSAGES } from '../messages.js';
import type { Status } from '../outcome.js';

const MARK: Record<Status, string> = { pass: '✓', fail: '✗', unknown: '?' };
const VERDICT_MARK = { eligible: '✓', not_eligible: '✗', incomplete: '?' } as const;

/** Renders one evaluation as indented text: each criterion with ✓ / ✗ / ? and its reasons. */
export function formatEvaluation(evaluation: Evaluation, locale: Locale): string {
  const lines: string[] = [];
  const label = MESSAGES.verdict[evaluation.verdict][locale];
  const id = evaluation.id !== undefined ? ` (${evaluation.id})` : '';
  lines.push(
    `${VERDICT_MARK[evaluation.verdict]} ${evaluation.nama}${id}: ${label} [${evaluation.ruleSet.id}]`,
  );
  for (const criterion of evaluation.criteria) {
    const ref = criterion.ref ? `${criterion.ref}. ` : '';
    lines.push(`  ${MARK[criterion.status]} ${ref}${criterion.title}`);
    if (criterion.status === 'pass') continue;
    for (const reason of criterion.reasons) {
      lines.push(`      ${MARK[reason.status]} ${reason.message} [${reason.fields.join(', ')}]`);
    }
    lines.push(`      ${criterion.citation}`);
  }
  return lines.join('\n');
}

/** Renders the problems of an invalid input, one per line, with their paths. */
export function formatIssues(title: string, issues: readonly Issue[]): string {
  const lines = [title];
  for (const issue of issues) {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    lines.push(`  - ${path}: ${issue.message} [${issue.code}]`);
  }
  return lines.join('\n');
}
