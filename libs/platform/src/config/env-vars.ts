import { z } from 'zod';

// Building blocks for the per-concern schemas. Each variable carries one message saying what it
// must be; the loader adds the variable's name and the value it got.

/** An empty or blank variable (`PORT=` in an env file) counts as unset. */
const blankAsUnset = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function integerIn(min: number, max: number) {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: message });
}

export function integerVar(min: number, max: number, fallback: number) {
  return z.preprocess(blankAsUnset, integerIn(min, max).default(fallback));
}

export function optionalIntegerVar(min: number, max: number) {
  return z.preprocess(blankAsUnset, integerIn(min, max).optional());
}

export function enumVar<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.preprocess(blankAsUnset, z.enum(values, { error: `must be one of ${values.join(', ')}` }).default(fallback));
}

export function optionalEnumVar<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(blankAsUnset, z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional());
}

function isUrlWithScheme(value: string, schemes: readonly string[]): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return schemes.includes(url.protocol.slice(0, -1)) && url.host !== '';
}

function urlMessage(schemes: readonly string[], example: string): string {
  const starts = schemes.map((scheme) => `${scheme}://`).join(' or ');
  return `must be a URL starting with ${starts}, e.g. ${example}`;
}

export function optionalUrlVar(schemes: readonly string[], example: string) {
  const message = urlMessage(schemes, example);
  return z.preprocess(
    blankAsUnset,
    z
      .string({ error: message })
      .trim()
      .refine((value) => isUrlWithScheme(value, schemes), { error: message })
      .optional(),
  );
}

export function urlVar(schemes: readonly string[], example: string, fallback: string) {
  const message = urlMessage(schemes, example);
  return z.preprocess(
    blankAsUnset,
    z
      .string({ error: message })
      .trim()
      .refine((value) => isUrlWithScheme(value, schemes), { error: message })
      .default(fallback),
  );
}

export function pathVar(fallback: string) {
  return z.preprocess(blankAsUnset, z.string({ error: 'must be a directory path' }).default(fallback));
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function hostNameVar(fallback: string) {
  const message = 'must be a host name without scheme or port, e.g. localhost or due-regard.example.org';
  return z.preprocess(
    blankAsUnset,
    z
      .string({ error: message })
      .trim()
      .regex(HOST_NAME, { error: message })
      .transform((value) => value.toLowerCase())
      .default(fallback),
  );
}

export function optionalStringVar() {
  return z.preprocess(blankAsUnset, z.string().optional());
}

export function stringVar(fallback: string, message: string, pattern: RegExp) {
  return z.preprocess(
    blankAsUnset,
    z.string({ error: message }).trim().regex(pattern, { error: message }).default(fallback),
  );
}

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const nodeEnvVar = () => enumVar(NODE_ENVS, 'development');
