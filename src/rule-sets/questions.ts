import type { Issue } from '../errors.js';
import { interpolate, type Locale, MESSAGES, pick, shown } from '../messages.js';
import {
  describeFieldType,
  type FieldType,
  isCalendarDay,
  QUESTION_FACT,
} from '../record/field-type.js';
import type { Question } from './format.js';

/**
 * A region's own questions (*pertanyaan daerah*): what a Perwali/Perbup asks beyond the
 * national record, declared in its rule set's `questions` and answered in the record under
 * `daerah.<id>`. Here: the namespace, each question's type as the condition checks and the
 * answer checks see it, and the check of a record's answers. No zod, so that the core entry
 * checks answers as the main entry does.
 */

/**
 * What a question's answer holds, as the condition and answer checks describe a field.
 *
 * @internal
 */
export function questionFieldType(question: Question): FieldType {
  switch (question.type) {
    case 'text':
      return { kind: 'string' };
    case 'number':
      return { kind: 'number', integer: false };
    case 'integer':
      return { kind: 'number', integer: true };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'date' };
    case 'choice':
      return { kind: 'enum', values: question.values ?? [] };
  }
}

/**
 * The type of each question's field, keyed by its path (`daerah.ketua_tim`).
 *
 * @internal
 */
export function questionTypes(questions: readonly Question[]): Map<string, FieldType> {
  return new Map(questions.map((q) => [`${QUESTION_FACT}.${q.id}`, questionFieldType(q)]));
}

function fitsAnswer(question: Question, value: unknown): boolean {
  switch (question.type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isCalendarDay(value);
    case 'choice':
      return typeof value === 'string' && (question.values ?? []).includes(value);
  }
}

/**
 * The problems of a record's answers to a rule set's questions: each answer given (not
 * `null`) must be of its question's type. Answers to questions the rule set does not ask are
 * not looked at: they belong to another region's rules.
 *
 * @internal
 */
export function answerIssues(
  answers: unknown,
  questions: readonly Question[],
  locale: Locale,
): Issue[] {
  if (questions.length === 0 || answers === null || typeof answers !== 'object') return [];
  const issues: Issue[] = [];
  for (const question of questions) {
    if (!Object.hasOwn(answers, question.id)) continue;
    const value = (answers as Record<string, unknown>)[question.id];
    if (value === null || value === undefined || fitsAnswer(question, value)) continue;
    const field = `${QUESTION_FACT}.${question.id}`;
    issues.push({
      path: [QUESTION_FACT, question.id],
      code: 'invalid_answer',
      message: interpolate(
        pick(MESSAGES.answers.invalid, locale),
        (key) =>
          ({
            field,
            label: pick(question.label, locale),
            allowed: describeFieldType(questionFieldType(question), locale),
            value: shown(value),
          })[key],
        locale,
      ),
      params: { field, question: question.id },
    });
  }
  return issues;
}

const JSON_TYPES: Record<Question['type'], Record<string, unknown>> = {
  text: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  choice: { type: 'string' },
};

/**
 * The JSON Schema of a record's `daerah` for a rule set's questions: one property per question,
 * its label as the title and its help as the description (in `locale`), a choice's values as
 * its `enum`; other keys allowed (another region's answers).
 *
 * @internal
 */
export function questionsJsonSchema(
  questions: readonly Question[],
  locale: Locale,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const q of questions) {
    properties[q.id] = {
      ...JSON_TYPES[q.type],
      ...(q.type === 'choice' ? { enum: [...(q.values ?? [])] } : {}),
      title: pick(q.label, locale),
      ...(q.help ? { description: pick(q.help, locale) } : {}),
    };
  }
  return { type: 'object', properties, additionalProperties: true };
}
