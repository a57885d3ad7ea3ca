import type { Issue } from '../errors.js';
import { type Locale, type LocalizedText, MESSAGES, pick } from '../messages.js';

/**
 * The problems of a record in the caller's language. The record's readers say them in English:
 * zod's own messages (the zod-free reader of `inovasi-rules/core` writes the same texts), and
 * the schema's own texts (blank, date, urusan, the size limits, a cycle). In Indonesian, zod's
 * messages become zod's Indonesian ones (`zod/v4/locales/id`, which the main entry's zod path
 * writes itself; its English ones are left as they are) and the schema's texts become the
 * message catalogue's. So both entries say a record's problems alike, in both languages,
 * without the core carrying zod.
 */

/**
 * zod 4's English messages, for the checks the record schema uses, and zod's Indonesian for
 * each (`zod/v4/locales/en` and `id`): the test of this module holds them to zod's own output.
 */
const ZOD_INDONESIAN: readonly (readonly [RegExp, string])[] = [
  // English names an infinite number by its value, Indonesian by its type.
  [
    /^Invalid input: expected (\w+), received -?Infinity$/,
    'Input tidak valid: diharapkan $1, diterima number',
  ],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    'Input tidak valid: diharapkan $1, diterima $2',
  ],
  [/^Invalid input: expected ("[^"]*")$/, 'Input tidak valid: diharapkan $1'],
  [/^Invalid option: expected one of (.*)$/s, 'Pilihan tidak valid: diharapkan salah satu dari $1'],
  [
    /^Too small: expected (\w+) to have ([<>]=?\d+) characters$/,
    'Terlalu kecil: diharapkan $1 memiliki $2 karakter',
  ],
  [
    /^Too small: expected (\w+) to have ([<>]=?\d+) items$/,
    'Terlalu kecil: diharapkan $1 memiliki $2 item',
  ],
  [
    /^Too small: expected (\w+) to be ([<>]=?-?\d+(?:\.\d+)?)$/,
    'Terlalu kecil: diharapkan $1 menjadi $2',
  ],
  [
    /^Too big: expected (\w+) to be ([<>]=?-?\d+(?:\.\d+)?)$/,
    'Terlalu besar: diharapkan $1 menjadi $2',
  ],
  [/^Invalid URL$/, 'URL tidak valid'],
  [/^Invalid input$/, 'Input tidak valid'],
];

/**
 * An issue of the record schema in `locale`: zod's English message in zod's Indonesian, the
 * schema's own English texts (blank, date, urusan, the size limits, a cycle) replaced by the
 * message catalogue's. English issues are returned as they are.
 *
 * @internal
 */
export function inLocale(issue: Issue, locale: Locale): Issue {
  if (locale === 'en') return issue;
  const t = MESSAGES.form;
  const say = (text: LocalizedText, from: string, to: string) => ({
    ...issue,
    message: pick(text, locale).replace(from, to),
  });
  if (issue.message === t.blank.en) return say(t.blank, '', '');
  if (issue.message === t.date.en) return say(t.date, '', '');
  if (issue.code === 'circular') {
    const at = /"([^"]*)"/.exec(issue.message)?.[1] ?? '';
    return say(t.circular, '{at}', at === '(the record)' ? '(rekaman)' : at);
  }
  const limit = t[issue.code as 'too_long' | 'too_large' | 'too_deep'] as LocalizedText | undefined;
  if (limit) return say(limit, '{n}', /\d+/.exec(issue.message)?.[0] ?? '');
  if (issue.code === 'unknown_urusan' || issue.code === 'unknown_sub_urusan') {
    const hint =
      issue.suggestion === undefined
        ? ''
        : pick(t.hint, locale).replace('{suggestion}', issue.suggestion);
    const text = issue.code === 'unknown_urusan' ? t.urusan : t.subUrusan;
    const said = say(text, '{value}', /"([^"]*)"/.exec(issue.message)?.[1] ?? '');
    return { ...said, message: said.message.replace('{hint}', hint) };
  }
  for (const [english, indonesian] of ZOD_INDONESIAN) {
    if (english.test(issue.message)) {
      return { ...issue, message: issue.message.replace(english, indonesian) };
    }
  }
  return issue;
}
