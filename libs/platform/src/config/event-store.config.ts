import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import { enumVar, nodeEnvVar, optionalStringVar, stringVar } from './env-vars.js';

export const EVENT_STORE_KINDS = ['postgres', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

const EVENTSTORE_URL_EXAMPLE = 'esdb://localhost:2113?tls=false';
// The client takes a comma-separated host list for clusters, which WHATWG URL parsing rejects.
const EVENTSTORE_URL = /^(esdb|kurrentdb)(\+discover)?:\/\/[^\s/?#]+([/?][^\s]*)?$/i;
const SIGNING_KEY_HINT = 'an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519)';

/** Env files and container settings often carry a PEM on one line with `\n` escapes. */
function unescapePem(value: string): string {
  return value.includes('\\n') ? value.replaceAll('\\n', '\n') : value;
}

function isEd25519PrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

export const eventStoreConfigSchema = z
  .object({
    NODE_ENV: nodeEnvVar(),
    EVENT_STORE: enumVar(EVENT_STORE_KINDS, 'postgres'),
    EVENTSTORE_URL: optionalStringVar(),
    EVENT_STORE_SIGNING_KEY: optionalStringVar(),
    EVENT_STORE_SIGNING_KEY_ID: stringVar(
      'dev',
      'must be 1 to 64 letters, digits, dots, dashes or underscores',
      /^[A-Za-z0-9._-]{1,64}$/,
    ),
  })
  .superRefine((env, context) => {
    if (env.EVENTSTORE_URL !== undefined && !EVENTSTORE_URL.test(env.EVENTSTORE_URL.trim())) {
      context.addIssue({
        code: 'custom',
        path: ['EVENTSTORE_URL'],
        message: `must be an EventStoreDB/KurrentDB connection string starting with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://, e.g. ${EVENTSTORE_URL_EXAMPLE}`,
      });
    }
    if (env.EVENT_STORE === 'eventstoredb' && env.EVENTSTORE_URL === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['EVENTSTORE_URL'],
        message: `must be set when EVENT_STORE is eventstoredb, e.g. ${EVENTSTORE_URL_EXAMPLE}`,
      });
    }
    if (env.EVENT_STORE_SIGNING_KEY === undefined) {
      if (env.NODE_ENV === 'production') {
        context.addIssue({
          code: 'custom',
          path: ['EVENT_STORE_SIGNING_KEY'],
          message: `must be set in production: ${SIGNING_KEY_HINT}`,
        });
      }
    } else if (!isEd25519PrivateKey(unescapePem(env.EVENT_STORE_SIGNING_KEY))) {
      context.addIssue({ code: 'custom', path: ['EVENT_STORE_SIGNING_KEY'], message: `must be ${SIGNING_KEY_HINT}` });
    }
  })
  .transform((env) => {
    const signingKey = {
      /** Unset outside production: a development key is generated and kept under `.data/`. */
      pem: env.EVENT_STORE_SIGNING_KEY === undefined ? undefined : unescapePem(env.EVENT_STORE_SIGNING_KEY),
      keyId: env.EVENT_STORE_SIGNING_KEY_ID,
    };
    const backend =
      env.EVENT_STORE === 'eventstoredb'
        ? { kind: 'eventstoredb' as const, url: (env.EVENTSTORE_URL ?? '').trim() }
        : { kind: 'postgres' as const };
    return { backend, signingKey };
  });

export type EventStoreConfig = z.output<typeof eventStoreConfigSchema>;

/** Variables whose values never appear in error messages. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['EVENT_STORE_SIGNING_KEY']);
