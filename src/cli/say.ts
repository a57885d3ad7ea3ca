import { UsageError } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import { fill, type Locale, pick } from '../messages.js';

/** A command-line error's message in the chosen language, from the message catalogue. */
export const say = (
  key: keyof typeof TEXTS.cli.errors,
  locale: Locale,
  values: Readonly<Record<string, string | number>>,
): string => fill(pick(TEXTS.cli.errors[key], locale), values);

/** "`option` must be a, b or c", in the chosen language. */
export const mustBe = (option: string, values: readonly string[], locale: Locale): UsageError =>
  new UsageError(
    say('mustBe', locale, {
      option,
      values: `${values.slice(0, -1).join(', ')} ${say('or', locale, {})} ${values.at(-1)}`,
    }),
  );
