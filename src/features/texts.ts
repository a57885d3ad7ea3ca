import texts from '../../rules/messages-tools.json' with { type: 'json' };

/**
 * The texts of the tools built on evaluate (submission checks, the planner, comparisons, the
 * command line and its reports), from `rules/messages-tools.json`: kept apart from the
 * evaluation's texts so that a web form importing `evaluate` does not carry them.
 *
 * @internal
 */
export const TEXTS = texts;
