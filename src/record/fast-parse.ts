import type * as z from 'zod';
import { type ZodDef as Def, defOf } from './_zod-def.js';
import type { Limits } from './limits.js';

/**
 * A fast path for records that are valid: the record's own zod schema compiled once into plain
 * functions, one per object of the schema (as zod compiles object shapes, and ajv JSON
 * schemas), that check the input and build zod's output in one pass, reading each property once and counting what it reads
 * against the size limits. It answers only for input it can vouch for; anything else (an
 * invalid value, an unknown key of a strict object, an object with a prototype of its own, a
 * getter that throws, a limit reached, a part of the schema it does not know how to compile)
 * makes it give up, and the caller takes the slow path: the size scan, then zod, which writes
 * the issues. Zod stays the contract: property tests hold the two to the same output.
 *
 * Why: on a fully evidenced record zod's per-node parsing and the separate size scan were
 * about 40 % of `evaluate` (profile in the README's benchmark section).
 */

/** Returned by a compiled parser for input it does not vouch for. */
export const GIVE_UP: unique symbol = Symbol('give up');

/** A compiled parser: zod's output, or {@link GIVE_UP}. Never throws. */
export interface FastParser {
  (input: unknown): unknown;
  /** The kinds of the schema's parts handed to zod as they are (`union`, `pipe`, …), in order. */
  readonly delegated: readonly string[];
}

/** What the generated code is handed: constants it cannot spell in its source. */
interface Constants {
  /** Sub-schemas handed to zod as they are (unions, transforms). */
  delegates: z.ZodType[];
  /** Enum values. */
  sets: Set<unknown>[];
  /** Patterns of string formats. */
  patterns: RegExp[];
  /** String rewrites (`trim`). */
  rewrites: ((value: string) => string)[];
  /** The keys of objects' shapes, in order. */
  shapes: string[][];
}

/** Thrown while compiling: the schema holds a part this compiler does not mirror. */
class Unsupported extends Error {}

class Emitter {
  /** The statements of the function being written. */
  lines: string[] = [];
  /** The functions written so far: one per object of the schema, small enough to optimise. */
  readonly functions: string[] = [];
  readonly constants: Constants = {
    delegates: [],
    sets: [],
    patterns: [],
    rewrites: [],
    shapes: [],
  };
  private next = 0;
  /** The function written for each object schema, reused where the schema recurs. */
  private readonly named = new Map<Def, string>();

  constructor(private readonly limits: Limits) {}

  variable(): string {
    this.next += 1;
    return `v${this.next}`;
  }

  /** Emits the code that checks `input` (an expression naming a value at `depth`) and leaves
   *  zod's output for it in the returned variable. */
  value(schema: z.ZodType, input: string, depth: string): string {
    const def = defOf(schema);
    if (def.coerce) return this.delegate(schema, input, depth);
    switch (def.type) {
      case 'optional':
        return this.wrapped(def, input, depth, 'undefined');
      case 'nullable':
        return this.wrapped(def, input, depth, 'null');
      case 'object':
        return this.object(def, input, depth);
      case 'array':
        return this.array(def, schema, input, depth);
      case 'string':
        return this.string(def, schema, input, depth);
      case 'number':
        return this.number(def, schema, input, depth);
      case 'boolean':
        if ((def.checks ?? []).length > 0) return this.delegate(schema, input, depth);
        this.lines.push(`if (typeof ${input} !== 'boolean') return G;`);
        return input;
      case 'enum': {
        if ((def.checks ?? []).length > 0) return this.delegate(schema, input, depth);
        const values = Object.values(def.entries ?? {});
        const i = this.constants.sets.push(new Set(values)) - 1;
        this.lines.push(`if (!E[${i}].has(${input})) return G;`);
        // An enum value longer than the limit is still too long a text for the scan.
        const longest = Math.max(0, ...values.map((v) => (typeof v === 'string' ? v.length : 0)));
        if (longest > this.limits.maxStringLength) {
          this.lines.push(
            `if (typeof ${input} === 'string' && ${input}.length > ${this.limits.maxStringLength}) return G;`,
          );
        }
        return input;
      }
      default:
        return this.delegate(schema, input, depth);
    }
  }

  private wrapped(def: Def, input: string, depth: string, empty: string): string {
    const out = this.variable();
    this.lines.push(`let ${out} = ${empty};`, `if (${input} !== ${empty}) {`);
    const inner = this.value(def.innerType as z.ZodType, input, depth);
    this.lines.push(`${out} = ${inner};`, '}');
    return out;
  }

  /** Hands a part to zod, once its size is measured like the scan measures it. */
  private delegate(schema: z.ZodType, input: string, depth: string): string {
    const i = this.constants.delegates.push(schema) - 1;
    const out = this.variable();
    this.lines.push(
      `n = count(${input}, ${depth}, n - 1);`,
      'if (n < 0) return G;',
      `const ${out}r = D[${i}].safeParse(${input});`,
      `if (!${out}r.success) return G;`,
      `const ${out} = ${out}r.data;`,
    );
    return out;
  }

  private string(def: Def, schema: z.ZodType, input: string, depth: string): string {
    const lines: string[] = [
      `if (typeof ${input} !== 'string' || ${input}.length > ${this.limits.maxStringLength}) return G;`,
    ];
    let current = input;
    if (def.format !== undefined) {
      const pattern = def.pattern;
      if (def.format !== 'date' || !pattern || pattern.global || pattern.sticky) {
        return this.delegate(schema, input, depth);
      }
      const i = this.constants.patterns.push(pattern) - 1;
      lines.push(`if (!P[${i}].test(${current})) return G;`);
    }
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      if (c.check === 'overwrite' && c.tx) {
        const i = this.constants.rewrites.push(c.tx) - 1;
        const next = this.variable();
        lines.push(`const ${next} = T[${i}](${current});`);
        current = next;
      } else if (c.check === 'min_length' && typeof c.minimum === 'number') {
        lines.push(`if (${current}.length < ${c.minimum}) return G;`);
      } else if (c.check === 'max_length' && typeof c.maximum === 'number') {
        lines.push(`if (${current}.length > ${c.maximum}) return G;`);
      } else return this.delegate(schema, input, depth);
    }
    this.lines.push(...lines);
    return current;
  }

  private number(def: Def, schema: z.ZodType, input: string, depth: string): string {
    const lines: string[] = [
      `if (typeof ${input} !== 'number' || !Number.isFinite(${input})) return G;`,
    ];
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      const bound = c.value;
      if (c.check === 'number_format' && c.format === 'safeint') {
        lines.push(`if (!Number.isSafeInteger(${input})) return G;`);
      } else if (c.check === 'greater_than' && typeof bound === 'number') {
        lines.push(`if (!(${input} ${c.inclusive ? '>=' : '>'} ${bound})) return G;`);
      } else if (c.check === 'less_than' && typeof bound === 'number') {
        lines.push(`if (!(${input} ${c.inclusive ? '<=' : '<'} ${bound})) return G;`);
      } else return this.delegate(schema, input, depth);
    }
    this.lines.push(...lines);
    return input;
  }

  private array(def: Def, schema: z.ZodType, input: string, depth: string): string {
    if ((def.checks ?? []).length > 0) return this.delegate(schema, input, depth);
    const out = this.variable();
    const i = this.variable();
    const item = this.variable();
    this.lines.push(
      `if (!Array.isArray(${input}) || ${depth} >= ${this.limits.maxDepth}) return G;`,
      `if (${input}.length > ${this.limits.maxNodes} - n) return G;`,
      `n += ${input}.length;`,
      `const ${out} = new Array(${input}.length);`,
      `for (let ${i} = 0; ${i} < ${input}.length; ${i}++) {`,
      `const ${item} = ${input}[${i}];`,
    );
    const value = this.value(def.element as z.ZodType, item, `${depth} + 1`);
    this.lines.push(`${out}[${i}] = ${value};`, '}');
    return out;
  }

  /** An object is checked by a function of its own, called here. */
  private object(def: Def, input: string, depth: string): string {
    let name = this.named.get(def);
    if (name === undefined) {
      const outer = this.lines;
      this.lines = [];
      name = `o${this.functions.length}`;
      this.named.set(def, name);
      this.functions.push('');
      // Its depth is passed in: the same schema may sit at several depths.
      const result = this.objectBody(def, 'x', 'd');
      this.functions[Number(name.slice(1))] =
        `function ${name}(x, d) {\n${this.lines.join('\n')}\nreturn ${result};\n}`;
      this.lines = outer;
    }
    const out = this.variable();
    this.lines.push(`const ${out} = ${name}(${input}, ${depth});`, `if (${out} === G) return G;`);
    return out;
  }

  private objectBody(def: Def, input: string, depth: string): string {
    const catchall = def.catchall === undefined ? 'strip' : defOf(def.catchall).type;
    if (catchall !== 'strip' && catchall !== 'unknown') throw new Unsupported(catchall);
    const shape = def.shape ?? {};
    const out = this.variable();
    const seen = this.variable();
    const proto = this.variable();
    this.lines.push(
      `if (typeof ${input} !== 'object' || ${input} === null || Array.isArray(${input})) return G;`,
      `if (${depth} >= ${this.limits.maxDepth}) return G;`,
      `const ${proto} = getProto(${input});`,
      `if (${proto} !== OP && ${proto} !== null) return G;`,
      `const ${out} = {};`,
      `let ${seen} = 0;`,
    );
    for (const [key, child] of Object.entries(shape)) {
      // A key Object.prototype has would be read from it when the input does not have it.
      if (key in Object.prototype) throw new Unsupported(key);
      const k = JSON.stringify(key);
      const value = this.variable();
      const optional = (child as unknown as { _zod: { optin?: string } })._zod.optin;
      this.lines.push(
        `const ${value} = ${input}[${k}];`,
        `if (${value} === undefined) {`,
        // Given as `undefined` (a form's empty input): placed by `rest`, as a key not counted.
        optional === 'optional' ? '' : 'return G;',
        '} else {',
        `${seen}++; n++;`,
      );
      const parsed = this.value(child, value, `${depth} + 1`);
      this.lines.push(`${out}[${k}] = ${parsed};`, '}');
    }
    // Every key counted? Else the rest: keys given as `undefined` (a form's empty inputs),
    // unknown keys (kept by a loose object, a reason to give up for a strict one).
    const total = this.variable();
    const shapeIndex = this.constants.shapes.push(Object.keys(shape)) - 1;
    const result = this.variable();
    this.lines.push(
      `let ${total} = 0;`,
      `for (const _ in ${input}) ${total}++;`,
      // The object's function returns it, G included.
      `const ${result} = ${total} === ${seen} ? ${out} : rest(${input}, ${out}, ${shapeIndex}, ${catchall === 'unknown'}, ${depth});`,
    );
    return result;
  }
}

/**
 * The generated function that finishes an object whose keys were not all counted: zod's
 * output puts a key given as `undefined` at its place in the shape, and unknown keys after.
 */
const REST = `function rest(x, out, s, loose, d) {
const keys = S[s];
const known = K[s];
let undef = false;
let extra;
for (const key in x) {
  if (known.has(key)) {
    if (x[key] === undefined) { if (!hasOwn(x, key)) return G; undef = true; n++; }
    continue;
  }
  if (!loose || !hasOwn(x, key) || key === '__proto__') return G;
  const value = x[key];
  n = count(value, d + 1, n);
  if (n < 0) return G;
  (extra ??= []).push(key, value);
}
let result = out;
if (undef) {
  result = {};
  for (const key of keys) {
    // No key of a compiled shape is one of Object.prototype's: a missing one reads undefined.
    const value = out[key];
    if (value !== undefined) result[key] = value;
    else if (hasOwn(x, key)) result[key] = undefined;
  }
}
if (extra) for (let i = 0; i < extra.length; i += 2) result[extra[i]] = extra[i + 1];
return result;
}`;

/**
 * Counts a value the way the size scan does (itself and everything under it, own enumerable
 * properties only), starting from `nodes`; -1 once a limit is reached.
 */
function counter(limits: Limits) {
  const count = (value: unknown, depth: number, nodes: number): number => {
    let n = nodes + 1;
    if (n > limits.maxNodes) return -1;
    if (typeof value === 'string') return value.length > limits.maxStringLength ? -1 : n;
    if (value === null || typeof value !== 'object') return n;
    if (depth >= limits.maxDepth) return -1;
    if (Array.isArray(value)) {
      if (value.length > limits.maxNodes) return -1;
      for (let i = 0; i < value.length && n >= 0; i++) n = count(value[i], depth + 1, n);
      return n;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      n = count((value as Record<string, unknown>)[key], depth + 1, n);
      if (n < 0) return -1;
    }
    return n;
  };
  return count;
}

/** Whether this runtime may compile code (a page's Content Security Policy may forbid it). */
function canCompile(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

/**
 * Compiles a zod object schema into a fast parser, or returns `undefined` when it cannot (a
 * schema part it does not mirror at the top, or a runtime that forbids compiling code).
 */
export function compileFastParser(schema: z.ZodType, limits: Limits): FastParser | undefined {
  if (!canCompile()) return undefined;
  const emitter = new Emitter(limits);
  let result: string;
  try {
    result = emitter.value(schema, 'input', '0');
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const body = [
    "'use strict';",
    'let n = 0;',
    'const K = S.map((keys) => new Set(keys));',
    REST,
    ...emitter.functions,
    'return function fastParse(input) {',
    'n = 1;',
    ...emitter.lines,
    `if (n > ${limits.maxNodes}) return G;`,
    `return ${result};`,
    '};',
  ].join('\n');
  const { delegates, sets, patterns, rewrites, shapes } = emitter.constants;
  const parse = new Function('G, OP, getProto, hasOwn, count, D, E, P, T, S', body)(
    GIVE_UP,
    Object.prototype,
    Object.getPrototypeOf,
    Object.hasOwn,
    counter(limits),
    delegates,
    sets,
    patterns,
    rewrites,
    shapes,
  ) as (input: unknown) => unknown;
  const fastParse = (input: unknown) => {
    try {
      return parse(input);
    } catch {
      // A getter or Proxy trap that throws: the slow path reports it where it is.
      return GIVE_UP;
    }
  };
  return Object.assign(fastParse, {
    delegated: delegates.map((d) => defOf(d).type),
  });
}
