import { interpolate, type Locale, type LocalizedText, MESSAGES, pick } from '../messages.js';

/**
 * What a record field holds, and how to say it: the record schema's types (`fields.ts` reads
 * them off zod) and a region's own questions share this description, without zod.
 */

/** What a record field holds, read from the record schema: for value checks and the docs. */
export type FieldType =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'string' }
  | { kind: 'date' }
  | { kind: 'urusan' }
  | { kind: 'subUrusan' }
  | { kind: 'array'; item: FieldType }
  | { kind: 'object' }
  | { kind: 'other' };

/**
 * What a value of a field type should be, in words, for a message (`rules/messages.json`,
 * `fieldTypes`).
 *
 * @internal
 */
export function describeFieldType(type: FieldType, locale: Locale = 'en'): string {
  const t = MESSAGES.fieldTypes;
  const say = (text: LocalizedText, values: Record<string, unknown> = {}) =>
    interpolate(pick(text, locale), (k) => values[k], locale);
  switch (type.kind) {
    case 'enum':
      return say(t.enum, { values: type.values.join(', ') });
    case 'number':
      return say(type.integer ? t.integer : t.number, {
        from: type.min !== undefined ? say(t.from, { min: String(type.min) }) : '',
        to: type.max !== undefined ? say(t.to, { max: String(type.max) }) : '',
      });
    case 'date':
    case 'urusan':
    case 'subUrusan':
    case 'boolean':
    case 'string':
      return say(t[type.kind]);
    case 'array':
      return say(t.array, { item: describeFieldType(type.item, locale) });
    default:
      return type.kind;
  }
}

/** The record field (and the conditions' fact) that holds the answers to a region's questions. */
export const QUESTION_FACT = 'daerah';

const QUESTION_PATH = /^daerah\.[a-z][a-z0-9_]*$/;

/**
 * Whether a dotted path names a region's own question (`daerah.ketua_tim`): the rule set that
 * reads it must declare it in `questions`.
 *
 * @internal
 */
export const isQuestionPath = (field: string): boolean => QUESTION_PATH.test(field);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a text is a day of the calendar written `YYYY-MM-DD` (no 31 April, no 29 February
 * outside a leap year).
 *
 * @internal
 */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
