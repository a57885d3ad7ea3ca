import { describe, expect, it } from 'vitest';
import {
  argumentsError,
  COMMAND_OPTIONS,
  helpOf,
  optionNotTaken,
  parseOptions,
  positionalsOf,
} from '../../src/cli/args.js';
import { TEXTS } from '../../src/features/texts.js';
import { cli } from '../helpers.js';

const help = TEXTS.cli.help as Record<string, { id: string; en: string }>;
const EVERY_COMMAND = ['lang', 'no-color', 'help', 'version'];
const named = (text: string) => [
  ...new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1] as string)),
];

describe('the options of each command', () => {
  it('has a help for every command in both languages, naming no option the command refuses', () => {
    for (const command of Object.keys(COMMAND_OPTIONS))
      expect(help[command], command).toBeDefined();
    for (const [command, text] of Object.entries(help)) {
      const takes = [...(COMMAND_OPTIONS[command] ?? []), ...EVERY_COMMAND];
      for (const locale of ['id', 'en'] as const) {
        for (const option of named(text[locale])) {
          // `rules --help` lists its subcommands, whose options are theirs.
          const row =
            command === 'rules'
              ? [...Object.values(COMMAND_OPTIONS).flat(), ...EVERY_COMMAND]
              : takes;
          expect(row, `${command} (${locale}): --${option}`).toContain(option);
        }
      }
      expect(named(text.id).sort(), command).toStrictEqual(named(text.en).sort());
    }
  });

  it('names in the whole usage only options some command takes', () => {
    const all = new Set([...Object.values(COMMAND_OPTIONS).flat(), ...EVERY_COMMAND]);
    for (const locale of ['id', 'en'] as const) {
      for (const option of named(TEXTS.cli.usage[locale])) expect(all, option).toContain(option);
    }
  });

  it('knows every option of every row, so that parseArgs reads each', () => {
    for (const [command, row] of Object.entries(COMMAND_OPTIONS)) {
      for (const option of row) {
        const value = parseOptions([`--${option}`, 'x']).values as Record<string, unknown>;
        expect(value[option], `${command}: --${option}`).toBeDefined();
      }
    }
  });
});

describe('optionNotTaken', () => {
  it('refuses an option the command would not read, naming what it takes and who takes that one', () => {
    const error = optionNotTaken(['lang', 'as-of'], ['evaluate', 'x.csv'], 'en');
    expect(error?.code).toBe('E_USAGE');
    expect(error?.message).toBe(
      'evaluate does not take --as-of (that option is for check, dossier); it takes --rule-set, --rubric, --format, --detail, --output, --input-format, --sheet, --delimiter, --encoding, --number-format, --map, --strict',
    );
    expect(optionNotTaken(['as-of'], ['evaluate'], 'id')?.message).toMatch(
      /^evaluate tidak memakai --as-of \(opsi itu milik check, dossier\); opsinya: --rule-set/,
    );
  });

  it('names the command’s own option near the one given, rather than who takes that one', () => {
    // --year is rules new's; plan takes --years.
    expect(optionNotTaken(['year'], ['plan', 'r.json'], 'en')?.message).toMatch(
      /^plan does not take --year \(did you mean "--years"\?\); it takes --rule-set, /,
    );
  });

  it('leaves the owners out when most commands take the option', () => {
    expect(optionNotTaken(['rule-set'], ['demo'], 'en')?.message).toBe(
      'demo does not take --rule-set; it takes --format, --output',
    );
  });

  it('reads the row of a rules subcommand, and says when a command takes no option', () => {
    expect(optionNotTaken(['strict'], ['rules', 'check', 'f.json'], 'en')).toBeUndefined();
    expect(optionNotTaken(['strict'], ['rules', 'list'], 'en')?.message).toMatch(
      /^rules list does not take --strict/,
    );
    expect(optionNotTaken(['level'], ['rules'], 'en')?.message).toBe(
      'rules does not take --level (that option is for rules new); it takes no options',
    );
  });

  it('takes every option of the row and the options of every command', () => {
    for (const [command, row] of Object.entries(COMMAND_OPTIONS)) {
      expect(
        optionNotTaken([...row, ...EVERY_COMMAND], command.split(' '), 'en'),
        command,
      ).toBeUndefined();
    }
  });

  it('leaves an unknown command, or none, to the command line', () => {
    expect(optionNotTaken(['as-of'], ['frobnicate'], 'en')).toBeUndefined();
    expect(optionNotTaken(['as-of'], [], 'en')).toBeUndefined();
    expect(optionNotTaken(['as-of'], ['rules', 'lsit'], 'en')).toBeUndefined();
  });
});

describe('argumentsError', () => {
  const said = (argv: string[], locale: 'id' | 'en' = 'en') => {
    expect(() => parseOptions(argv)).toThrow();
    return argumentsError(argv, locale).message;
  };

  it('names an unknown option and the nearest known one, the command’s own first', () => {
    expect(said(['evaluate', 'x.csv', '--fromat', 'json'])).toBe(
      'unknown option --fromat (did you mean "--format"?)',
    );
    expect(said(['evaluate', 'x.csv', '--fromat', 'json'], 'id')).toBe(
      'opsi --fromat tidak dikenal (maksudnya "--format"?)',
    );
    expect(said(['score', 'x.csv', '--detial', 'full'])).toBe(
      'unknown option --detial (did you mean "--detail"?)',
    );
    // Not `check`'s, but some command's: still the nearest.
    expect(said(['evaluate', 'x.csv', '--asof', '2025-01-01'])).toBe(
      'unknown option --asof (did you mean "--as-of"?)',
    );
    expect(said(['evaluate', '-x', 'f'])).toBe('unknown option -x');
    // Before any command: the nearest of all.
    expect(said(['--verison'])).toBe('unknown option --verison (did you mean "--version"?)');
    expect(said(['evaluate', 'f', '--zzzzzzzz'])).toBe('unknown option --zzzzzzzz');
  });

  it('looks past the options that are well written to the one that is not', () => {
    expect(
      said([
        'evaluate',
        'x.csv',
        '--format',
        'json',
        '--rubric=iga-2023',
        '--strict',
        '--sheet=-Data-',
        '--fromat',
        'j',
      ]),
    ).toBe('unknown option --fromat (did you mean "--format"?)');
  });

  it('suggests the options of the command being run before any other', () => {
    // rules new takes --dir; --date, one letter nearer, is dossier's.
    expect(said(['rules', 'new', 'x', '--dat', 'reports'])).toBe(
      'unknown option --dat (did you mean "--dir"?)',
    );
    expect(said(['dossier', 'x.json', '--dat', '2025-01-01'])).toBe(
      'unknown option --dat (did you mean "--date"?)',
    );
  });

  it('says a value is missing, or given to a switch', () => {
    expect(said(['evaluate', 'x.csv', '--format'])).toBe(
      '--format needs a value: --format <value>',
    );
    expect(said(['rules', 'check', 'f', '--strict=yes'])).toBe(
      '--strict takes no value: write --strict alone',
    );
    expect(said(['plan', 'r.json', '--budget', '-5'])).toBe(
      '--budget is followed by "-5", which starts with a dash: write --budget=-5 if that is its value, or give --budget its value',
    );
    expect(parseOptions(['plan', 'r.json', '--budget=-5']).values.budget).toBe('-5');
  });

  it('finds the command of arguments that do not parse', () => {
    expect(positionalsOf(['check', '--asof', 'x', 'f.csv'])).toStrictEqual(['check', 'x', 'f.csv']);
    expect(helpOf(positionalsOf(['check', '--asof']), 'en')).toMatch(/^Usage: inovasi-rules check/);
  });
});

describe('the command line', () => {
  it('stops before reading anything on an option the command would ignore, with its help', () => {
    const run = cli('evaluate', 'tidak-ada.csv', '--as-of', '2025-06-30', '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^inovasi-rules: evaluate does not take --as-of \(that option is for check, dossier\); it takes --rule-set, .*\n\nUsage: inovasi-rules evaluate <file>/,
    );
  });

  it('suggests the command, and the rules subcommand, nearest a misspelt one', () => {
    expect(cli('evaluat', 'x.csv').stderr).toMatch(
      /^inovasi-rules: perintah "evaluat" tidak dikenal \(maksudnya "evaluate"\?\)\n/,
    );
    const rules = cli('rules', 'lsit', '--lang', 'en');
    expect(rules.code).toBe(1);
    expect(rules.stderr).toMatch(
      /^inovasi-rules: unknown rules command "lsit" \(did you mean "rules list"\?\): rules list, rules new <id>, rules check <file> or rules test <cases file>\n/,
    );
    expect(cli('rules', 'check').stderr).toMatch(
      /^inovasi-rules: rules check memerlukan satu berkas/,
    );
    expect(cli('rules', 'list', 'x', '--lang', 'en').stderr).toMatch(
      /^inovasi-rules: rules list takes no file/,
    );
    expect(cli('rules', '--lang', 'en').stderr).toMatch(
      /^inovasi-rules: use rules list, rules new/,
    );
  });
});
