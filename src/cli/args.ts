import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type OutputError, UsageError } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import { type Locale, type LocalizedText, pick, suggest } from '../messages.js';
import { say } from './say.js';

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

/** Every option of every command, as `parseArgs` reads them. */
const OPTIONS = {
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
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The name of an option, without its dashes. */
type OptionName = keyof typeof OPTIONS;

/** The options every command takes. */
const EVERY_COMMAND: readonly OptionName[] = ['lang', 'no-color', 'help', 'version'];

/** The options of the commands that read a file of records. */
const READING: readonly OptionName[] = [
  'input-format',
  'sheet',
  'delimiter',
  'encoding',
  'number-format',
  'map',
  'strict',
];

/**
 * The options each command (and each `rules` subcommand) reads, beyond those every command
 * takes. An option given to a command that would not read it is refused rather than dropped:
 * `evaluate --as-of 2025-06-30` would otherwise evaluate as of today and say nothing. Each
 * command's `--help` names no option outside its row (a test holds the two together).
 */
export const COMMAND_OPTIONS: Readonly<Record<string, readonly OptionName[]>> = {
  evaluate: ['rule-set', 'rubric', 'format', 'detail', 'output', ...READING],
  score: ['rule-set', 'rubric', 'format', 'detail', 'output', ...READING],
  report: ['rule-set', 'rubric', 'format', 'output', 'units', 'previous', 'outcomes', ...READING],
  // A region's rule set names its question columns, so that they are read, not warned about.
  check: ['rule-set', 'rubric', 'format', 'output', 'as-of', ...READING],
  region: ['rule-set', 'rubric', 'format', 'output', 'compare'],
  plan: [
    'rule-set',
    'rubric',
    'format',
    'output',
    'target',
    'budget',
    'objective',
    'method',
    'max-steps',
    'years',
  ],
  dossier: [
    'rule-set',
    'rubric',
    'format',
    'output',
    'innovation',
    'plan',
    'units',
    'date',
    'place',
    'signatories',
    'as-of',
    ...READING,
  ],
  verify: ['rule-set', 'format', 'output'],
  outcomes: ['rule-set', 'rubric', 'format', 'output', 'records', ...READING],
  template: ['rule-set', 'rubric', 'output'],
  demo: ['format', 'output'],
  serve: [
    'rule-set',
    'port',
    'host',
    'cors',
    'body-limit',
    'max-inflight',
    'body-idle-timeout',
    'quiet',
    'rule-set-dir',
    'watch',
  ],
  mcp: ['rule-set'],
  rules: [],
  'rules list': ['rule-set', 'format', 'output'],
  'rules new': ['extends', 'level', 'name', 'dir', 'year'],
  'rules check': ['strict', 'format', 'output'],
  'rules test': ['strict', 'format', 'output'],
};

/** The arguments as `parseArgs` reads them: every option of every command. */
export function parseOptions(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

/** The arguments read leniently: each option and positional as written, none refused. */
function tokensOf(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: OPTIONS,
  }).tokens;
}

/**
 * The command and its arguments of arguments that may not parse, so that a usage error can show
 * the help of the command the user was running.
 */
export function positionalsOf(argv: string[]): string[] {
  return tokensOf(argv).flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
}

/** The row of {@link COMMAND_OPTIONS} of the command named (`rules check`: the subcommand's). */
function commandOf(positionals: readonly string[]): string | undefined {
  const [command, sub] = positionals;
  if (command === 'rules' && sub !== undefined) return `rules ${sub}`;
  return command;
}

/** " (did you mean "--format"?)" for the option nearest a misspelt one, else nothing. */
function hintFor(name: string, command: string | undefined, locale: Locale): string {
  const own = command === undefined ? [] : (COMMAND_OPTIONS[command] ?? []);
  // The command's own options first: `score --detial` is `--detail`, whichever else is near.
  const near = suggest(name, [...own, ...EVERY_COMMAND]) ?? suggest(name, Object.keys(OPTIONS));
  return near === undefined ? '' : say('didYouMean', locale, { suggestion: `--${near}` });
}

/**
 * What is wrong with arguments `parseArgs` refused, in the reader's language: an option no
 * command takes (with the nearest one), a value missing or one given to a switch.
 *
 * @param argv - the arguments after the program name
 * @param locale - the language of the message
 */
export function argumentsError(argv: string[], locale: Locale): UsageError {
  const tokens = tokensOf(argv);
  const positionals = positionalsOf(argv);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = token.rawName;
    const spec = (OPTIONS as Record<string, { type: string } | undefined>)[token.name];
    if (spec === undefined) {
      const hint = hintFor(token.name, commandOf(positionals), locale);
      return new UsageError(say('unknownOption', locale, { option, hint }));
    }
    if (spec.type === 'string' && token.value === undefined) {
      return new UsageError(say('optionNeedsValue', locale, { option }));
    }
    // `--budget -5`: a value that starts with a dash is taken only as `--budget=-5`.
    if (spec.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      return new UsageError(say('optionDashValue', locale, { option, value: token.value }));
    }
    if (spec.type === 'boolean' && token.inlineValue) {
      return new UsageError(say('optionTakesNoValue', locale, { option }));
    }
  }
  // parseArgs refuses nothing else with allowPositionals; say what it said.
  return new UsageError(say('invalidArguments', locale, { arguments: argv.join(' ') }));
}

/**
 * The option given to a command that does not read it, as a usage error naming the options it
 * does read (and the commands that read this one); `undefined` when every option is the
 * command's, or the command is unknown (which is said elsewhere).
 *
 * @param given - the names of the options given (`parseArgs`'s values)
 * @param positionals - the command and its arguments
 * @param locale - the language of the message
 */
export function optionNotTaken(
  given: Iterable<string>,
  positionals: readonly string[],
  locale: Locale,
): UsageError | undefined {
  const command = commandOf(positionals);
  const takes = command === undefined ? undefined : COMMAND_OPTIONS[command];
  if (command === undefined || takes === undefined) return undefined;
  for (const name of given) {
    const option = name as OptionName;
    if (takes.includes(option) || EVERY_COMMAND.includes(option)) continue;
    const others = Object.entries(COMMAND_OPTIONS)
      .filter(([, row]) => row.includes(option))
      .map(([other]) => other);
    // The command's own option it is near (`plan --year`: `--years`), else who takes it when
    // that is some commands (`--as-of`: check, dossier), not most.
    const near = suggest(option, takes);
    const takenBy =
      near !== undefined
        ? say('didYouMean', locale, { suggestion: `--${near}` })
        : others.length === 0 || others.length > 4
          ? ''
          : say('optionTakenBy', locale, { commands: others.join(', ') });
    const options = takes.map((o) => `--${o}`).join(', ');
    return new UsageError(
      say(takes.length === 0 ? 'noOptions' : 'optionNotTaken', locale, {
        command,
        option: `--${option}`,
        takenBy,
        options,
      }),
    );
  }
  return undefined;
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
