import { parseArgs } from 'node:util';
import type { OutputError } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import { type Locale, type LocalizedText, pick } from '../messages.js';

/**
 * What the command line knows before it loads any command: its arguments, its help, its exit
 * codes and how a failed write is said. `inovasi-rules --help` and `--version` are answered from
 * here alone (see main.ts), so they start as fast as node does.
 */

/** Exit codes. */
export const EXIT = { ok: 0, usage: 1, invalidInput: 2, output: 3 } as const;

/** The help text in the chosen language, from the message catalogue. */
export const usage = (locale: Locale) => pick(TEXTS.cli.usage, locale);

/**
 * The help of the command named before `--help` (`rules check --help`: that subcommand's), else
 * the whole usage.
 */
export function helpOf(positionals: readonly string[], locale: Locale): string {
  const help = TEXTS.cli.help as Record<string, LocalizedText | undefined>;
  const [command, sub] = positionals;
  const text =
    (command === 'rules' && sub !== undefined ? help[`rules ${sub}`] : undefined) ??
    (command !== undefined ? help[command] : undefined);
  return text ? pick(text, locale) : usage(locale);
}

/** The arguments as `parseArgs` reads them: every option of every command. */
export function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'rule-set': { type: 'string', multiple: true },
      rubric: { type: 'string' },
      lang: { type: 'string', default: 'id' },
      format: { type: 'string' },
      units: { type: 'string' },
      previous: { type: 'string' },
      'input-format': { type: 'string' },
      sheet: { type: 'string' },
      delimiter: { type: 'string' },
      encoding: { type: 'string' },
      'number-format': { type: 'string' },
      map: { type: 'string' },
      strict: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      detail: { type: 'string' },
      'as-of': { type: 'string' },
      target: { type: 'string' },
      compare: { type: 'string' },
      'max-steps': { type: 'string' },
      budget: { type: 'string' },
      objective: { type: 'string' },
      method: { type: 'string' },
      years: { type: 'string' },
      extends: { type: 'string' },
      level: { type: 'string' },
      name: { type: 'string' },
      dir: { type: 'string' },
      year: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      cors: { type: 'string', multiple: true },
      'body-limit': { type: 'string' },
      'max-inflight': { type: 'string' },
      'body-idle-timeout': { type: 'string' },
      quiet: { type: 'boolean' },
      'rule-set-dir': { type: 'string' },
      watch: { type: 'boolean' },
      innovation: { type: 'string' },
      plan: { type: 'boolean' },
      date: { type: 'string' },
      place: { type: 'string' },
      signatories: { type: 'string' },
      records: { type: 'string' },
      outcomes: { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** A failed write in the reader's language: the file, and what the system said. */
export function writeFailure(error: OutputError, locale: Locale): string {
  const texts = TEXTS.cli.write;
  const text = texts[error.reason.toLowerCase() as keyof typeof texts] ?? texts.other;
  const file = error.file === '-' ? pick(texts.stdout, locale) : error.file;
  return pick(text, locale).replace('{file}', file).replace('{reason}', error.reason);
}

/**
 * The answer to `--help` or `--version` when the arguments ask for one and parse, else
 * `undefined` (the full run decides, and says what is wrong).
 */
export function quickAnswer(argv: string[], version: string): string | undefined {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  const locale: Locale = values.lang === 'en' ? 'en' : 'id';
  if (values.help) return helpOf(positionals, locale);
  if (values.version) return version;
  return undefined;
}
