import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, type AppConfig } from '@due-regard/platform';

/** The web client in the realm export (infra/keycloak/due-regard-realm.json). */
export const WEB_CLIENT_ID = 'due-regard-web';
/** The realm export's development secret: refused in production. */
export const DEVELOPMENT_CLIENT_SECRET = 'due-regard-web-dev-secret';
const DEVELOPMENT_SESSION_SECRET = 'due-regard-development-session-secret-not-for-production';

/** Where people report problems and give feedback; named in the phase banner and accessibility statement. */
export const SUPPORT_EMAIL = 'support@due-regard.org.uk';

/** Signed out after this long without a request, as Keycloak's realm (ssoSessionIdleTimeout) does. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** Signed out this long after signing in, whatever the activity (the realm's ssoSessionMaxLifespan). */
export const SESSION_MAX_SECONDS = 10 * 60 * 60;

const webEnvironmentSchema = z.object({
  WEB_CLIENT_SECRET: z.string().trim().min(1).optional(),
  SESSION_SECRET: z.string().trim().min(1).optional(),
  WEB_TEMPLATES_RELOAD: z.enum(['true', 'false']).default('false'),
});

/** Everything the web service needs to know, derived once from AppConfig and two secrets. */
export interface WebOptions {
  readonly production: boolean;
  /**
   * Templates read again on every render (WEB_TEMPLATES_RELOAD=true, for editing them with the app
   * running); otherwise each is compiled once. Compiling on every render was four fifths of a page's
   * time.
   */
  readonly reloadTemplates: boolean;
  /** The platform's own URL on the bare domain, e.g. `http://localhost:3000`. */
  readonly publicUrl: string;
  readonly baseDomain: string;
  /** `<authServerUrl>/realms/due-regard`: Keycloak, or the embedded provider at publicUrl. */
  readonly issuer: string;
  /** True when the app serves the embedded provider itself (no KEYCLOAK_URL). */
  readonly embeddedProvider: boolean;
  /** Keycloak's base URL and realm, when KEYCLOAK_URL is set. */
  readonly keycloak: { readonly url: string; readonly realm: string } | null;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs session cookies; CSRF tokens use a key derived from it. */
  readonly sessionSecret: string;
  readonly csrfSecret: string;
  /** Cookies are Secure (and `__Host-` prefixed) when the public URL is https. */
  readonly secureCookies: boolean;
  readonly sessionCookieName: string;
  readonly csrfCookieName: string;
}

function derived(secret: string, purpose: string): string {
  return createHash('sha256').update(`${purpose}\0${secret}`).digest('base64url');
}

/**
 * Reads the web's two secrets (WEB_CLIENT_SECRET, SESSION_SECRET) beside the validated AppConfig.
 * In production both must be set, the session secret to at least 32 characters; elsewhere they
 * default to development values. Throws ConfigError, naming the variable but never its value.
 */
export function resolveWebOptions(
  config: AppConfig,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): WebOptions {
  const parsed = webEnvironmentSchema.safeParse({
    WEB_CLIENT_SECRET: blankAsUndefined(environment['WEB_CLIENT_SECRET']),
    SESSION_SECRET: blankAsUndefined(environment['SESSION_SECRET']),
    WEB_TEMPLATES_RELOAD: blankAsUndefined(environment['WEB_TEMPLATES_RELOAD']),
  });
  if (!parsed.success) {
    throw new ConfigError(
      'Configuration error: WEB_CLIENT_SECRET and SESSION_SECRET must be text, WEB_TEMPLATES_RELOAD true or false',
    );
  }
  const problems: string[] = [];
  const production = config.production;
  if (production && parsed.data.WEB_CLIENT_SECRET === undefined) {
    problems.push("WEB_CLIENT_SECRET must be set in production: the due-regard-web client's secret in Keycloak");
  }
  if (production && parsed.data.WEB_CLIENT_SECRET === DEVELOPMENT_CLIENT_SECRET) {
    problems.push('WEB_CLIENT_SECRET must not be the development secret in production: regenerate it in Keycloak');
  }
  if (production && (parsed.data.SESSION_SECRET?.length ?? 0) < 32) {
    problems.push(
      'SESSION_SECRET must be set in production to at least 32 random characters (got a value not shown here, or nothing)',
    );
  }
  if (problems.length > 0) throw new ConfigError(`Configuration error: ${problems.join('; ')}`);

  const sessionSecret = parsed.data.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET;
  const secureCookies = config.identity.publicUrl.startsWith('https:');
  return {
    production,
    reloadTemplates: parsed.data.WEB_TEMPLATES_RELOAD === 'true',
    publicUrl: config.identity.publicUrl,
    baseDomain: config.http.baseDomain,
    issuer: `${config.identity.authServerUrl}/realms/${config.identity.realm}`,
    embeddedProvider: config.identity.keycloakUrl === null,
    keycloak:
      config.identity.keycloakUrl === null ? null : { url: config.identity.keycloakUrl, realm: config.identity.realm },
    clientId: WEB_CLIENT_ID,
    clientSecret: parsed.data.WEB_CLIENT_SECRET ?? DEVELOPMENT_CLIENT_SECRET,
    sessionSecret,
    csrfSecret: derived(sessionSecret, 'due-regard csrf'),
    secureCookies,
    // `__Host-` cookies must be Secure, for the whole host, without Domain: browsers refuse them over http.
    sessionCookieName: secureCookies ? '__Host-due-regard-session' : 'due-regard-session',
    csrfCookieName: secureCookies ? '__Host-due-regard-csrf' : 'due-regard-csrf',
  };
}

function blankAsUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

export const WEB_OPTIONS = Symbol('WebOptions');
