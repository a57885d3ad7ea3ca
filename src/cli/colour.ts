import { styleText } from 'node:util';

/**
 * Colour for the terminal, with node's own `styleText`: on when standard output is a terminal
 * (or FORCE_COLOR is set), off with `--no-color` or the NO_COLOR convention, and never in a
 * file or a pipe, where escape codes would be noise.
 */

let enabled = false;

/** Decides once per run whether to colour the output. */
export function setColour(options: {
  flag: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean | undefined;
}): void {
  const off = options.flag || (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '');
  const forced = options.env.FORCE_COLOR !== undefined && options.env.FORCE_COLOR !== '0';
  enabled = !off && (forced || Boolean(options.isTTY));
}

type Tone = 'pass' | 'fail' | 'unknown' | 'dim' | 'bold';
const STYLES: Record<Tone, Parameters<typeof styleText>[0]> = {
  pass: 'green',
  fail: 'red',
  unknown: 'yellow',
  dim: 'gray',
  bold: 'bold',
};

/** The text in the tone's colour when colour is on, else as it is. */
export function paint(tone: Tone, text: string): string {
  return enabled ? styleText(STYLES[tone], text) : text;
}
