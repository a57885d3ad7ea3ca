/**
 * Error classes. A failing criterion is a verdict, never an exception: these are for input that
 * cannot be evaluated at all (an invalid record, a malformed rule set, an unknown rule-set id).
 */

import type * as z from 'zod';

/** One problem found in a record or a rule set. */
export interface Issue {
  /** Where the problem is: keys and indexes from the top of the input. */
  path: (string | number)[];
  /** Stable machine code, e.g. `invalid_type`, `unknown_urusan`. */
  code: string;
  /**
   * What is wrong: in the `locale` of the call for a record's problems (Indonesian by default,
   * zod's own messages included), in English for rule sets and options.
   */
  message: string;
  /** The closest valid name or value, for "did you mean …", when there is one. */
  suggestion?: string;
  /** The values the message is made of (the fact, the field, the value), for messages in other languages. */
  params?: Record<string, string>;
}

/**
 * Stable error codes, one per class: `E_INVALID_RECORD` (a record), `E_INVALID_RULE_SET` (a rule
 * set or a test-case file), `E_UNKNOWN_RULE_SET` (an id), `E_INVALID_OPTION` (a function's
 * options), `E_INPUT_FILE` and `E_USAGE` (the command line), `E_OUTPUT` (an output file or
 * standard output could not be written), `E_MISSING_PEER` (an optional peer dependency
 * such as json-rules-engine is not installed), `E_INTERNAL` (a bug: please report).
 */
export type ErrorCode =
  | 'E_INVALID_RECORD'
  | 'E_INVALID_RULE_SET'
  | 'E_UNKNOWN_RULE_SET'
  | 'E_INVALID_OPTION'
  | 'E_INPUT_FILE'
  | 'E_USAGE'
  | 'E_OUTPUT'
  | 'E_MISSING_PEER'
  | 'E_INTERNAL';

/** Base class of this library's errors: a stable `code` beside the message. */
export class InovasiRulesError extends Error {
  /** Stable machine code. */
  readonly code: ErrorCode;

  /**
   * @param code - stable machine code
   * @param message - human-readable description
   */
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'InovasiRulesError';
    this.code = code;
  }
}

function summarise(what: string, issues: readonly Issue[]): string {
  const shown = issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  return `${what} (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}): ${shown.join('; ')}${more}`;
}

/**
 * The record handed to `evaluate` is not a valid innovation record. `issues` lists every
 * problem, each with its path.
 *
 * @example
 * ```ts
 * try { await evaluate({ nama: '' }); } catch (e) {
 *   if (e instanceof InvalidRecordError) console.log(e.issues[0].path); // ['nama']
 * }
 * ```
 */
export class InvalidRecordError extends InovasiRulesError {
  /** Every problem found, each with its path. */
  readonly issues: readonly Issue[];

  /** @param issues - every problem found */
  constructor(issues: readonly Issue[]) {
    super('E_INVALID_RECORD', summarise('Invalid innovation record', issues));
    this.name = 'InvalidRecordError';
    this.issues = issues;
  }
}

/** A rule set failed validation at load. `issues` lists every problem with its JSON path. */
export class InvalidRuleSetError extends InovasiRulesError {
  /** Every problem found, each with its JSON path inside the rule-set file. */
  readonly issues: readonly Issue[];
  /** The rule set's id, when it could be read. */
  readonly ruleSetId?: string;

  /**
   * @param issues - every problem found
   * @param ruleSetId - the rule set's id, when it could be read
   */
  constructor(issues: readonly Issue[], ruleSetId?: string) {
    super(
      'E_INVALID_RULE_SET',
      summarise(`Invalid rule set${ruleSetId ? ` "${ruleSetId}"` : ''}`, issues),
    );
    this.name = 'InvalidRuleSetError';
    this.issues = issues;
    this.ruleSetId = ruleSetId || undefined;
  }
}

/** Why an edition that was not held has no rule set (`kipp-2024`). */
export interface NotHeld {
  /** Why, in Indonesian (`id`) and English (`en`). */
  reason: {
    /** In Indonesian. */
    id: string;
    /** In English. */
    en: string;
  };
  /** The source that says so. */
  citation: string;
}

/** No rule set with this id is shipped or registered. */
export class UnknownRuleSetError extends InovasiRulesError {
  /** The id that was asked for. */
  readonly ruleSetId: string;
  /** The ids that exist (of the kind asked for, when one was). */
  readonly known: readonly string[];
  /** The known id closest to the one asked for, when one is close enough (a typo). */
  readonly suggestion: string | undefined;
  /** Set when the id names an edition that was not held (`kipp-2024`): why, and the source. */
  readonly notHeld: NotHeld | undefined;

  /**
   * @param ruleSetId - the id asked for
   * @param known - the ids that exist
   * @param kind - the kind that was asked for, when the id names a rule set of another kind
   * @param suggestion - the known id closest to it, when one is close enough
   * @param notHeld - why an edition that was not held has no rule set, with its source
   */
  constructor(
    ruleSetId: string,
    known: readonly string[],
    kind?: string,
    suggestion?: string,
    notHeld?: NotHeld,
  ) {
    const what = kind ? `${kind} rule set` : 'rule set';
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    super(
      'E_UNKNOWN_RULE_SET',
      notHeld
        ? `No rule set "${ruleSetId}": ${notHeld.reason.en} (${notHeld.citation})`
        : `Unknown ${what} "${ruleSetId}"${hint}; known: ${known.join(', ')}`,
    );
    this.name = 'UnknownRuleSetError';
    this.ruleSetId = ruleSetId;
    this.known = Object.freeze([...known]);
    this.suggestion = notHeld ? undefined : suggestion;
    this.notHeld = notHeld;
  }
}

/**
 * An option passed to a function is not valid (a misspelt option name, with its did-you-mean; an
 * unknown locale; a rule-set list that is not a list). `issues` lists every problem, each with the option's path.
 *
 * @example
 * ```ts
 * await evaluate(record, { locale: 'fr' }); // rejects with InvalidOptionError, path ['locale']
 * await evaluate(record, { ruleset: 'pp-38-2017' }); // rejects: did you mean "ruleSet"?
 * ```
 */
export class InvalidOptionError extends InovasiRulesError {
  /** Every problem found, each with the option's path. */
  readonly issues: readonly Issue[];

  /** @param issues - every problem found */
  constructor(issues: readonly Issue[]) {
    super('E_INVALID_OPTION', summarise('Invalid options', issues));
    this.name = 'InvalidOptionError';
    this.issues = issues;
  }
}

/**
 * A file given to the command line (or to a reader) cannot be read: missing, a directory,
 * unreadable, or of an unknown format.
 */
export class InputFileError extends InovasiRulesError {
  /** The file's path as given. */
  readonly file: string;
  /** Every problem found, each with its line (as a path) where it has one. */
  readonly issues: readonly Issue[];

  /**
   * @param file - the file's path as given
   * @param issues - every problem found
   */
  constructor(file: string, issues: readonly Issue[]) {
    super('E_INPUT_FILE', summarise(`Cannot read ${file}`, issues));
    this.name = 'InputFileError';
    this.file = file;
    this.issues = issues;
  }
}

/**
 * The output could not be written: a full disk (`ENOSPC`), an I/O error (`EIO`), no permission
 * (`EACCES`), a folder where a file was asked for (`EISDIR`). Whatever was written is removed,
 * so a partial file is never taken for a whole one.
 */
export class OutputError extends InovasiRulesError {
  /** The file as given, or `-` for standard output. */
  readonly file: string;
  /** The system's code for the failure, e.g. `ENOSPC`. */
  readonly reason: string;

  /**
   * @param file - the file as given, or `-` for standard output
   * @param reason - the system's code, e.g. `ENOSPC`
   * @param detail - the system's own words, kept in the message
   */
  constructor(file: string, reason: string, detail?: string) {
    super(
      'E_OUTPUT',
      `Cannot write ${file === '-' ? 'standard output' : file}: ${detail ?? reason}`,
    );
    this.name = 'OutputError';
    this.file = file;
    this.reason = reason;
  }
}

/** The command line was called with arguments it does not accept. */
export class UsageError extends InovasiRulesError {
  /** @param message - what is wrong with the arguments */
  constructor(message: string) {
    super('E_USAGE', message);
    this.name = 'UsageError';
  }
}

/** A state the library should never reach: a bug. The message says where; please report it. */
export class InternalError extends InovasiRulesError {
  /** @param message - where the impossible state was found */
  constructor(message: string) {
    super('E_INTERNAL', `internal: ${message}`);
    this.name = 'InternalError';
  }
}

/**
 * Maps zod issues to the library's issues. A custom issue takes its code from its `params.code`,
 * else `customCode`.
 *
 * @internal
 */
export function issuesFrom(error: z.ZodError, customCode: string): Issue[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { code?: unknown } }).params;
    const code =
      typeof params?.code === 'string'
        ? params.code
        : issue.code === 'custom'
          ? customCode
          : issue.code;
    const suggestion = (params as { suggestion?: unknown } | undefined)?.suggestion;
    const values = (params as { values?: unknown } | undefined)?.values;
    return {
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      code,
      message: issue.message,
      ...(typeof suggestion === 'string' ? { suggestion } : {}),
      ...(values && typeof values === 'object' ? { params: values as Record<string, string> } : {}),
    };
  });
}
