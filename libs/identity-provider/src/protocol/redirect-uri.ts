/** Printable ASCII only: anything else could end up in a Location header or be read differently by a browser. */
const PRINTABLE = /^[\x21-\x7e]+$/;

function parseAbsolute(uri: string): URL | undefined {
  if (!PRINTABLE.test(uri) || !URL.canParse(uri)) return undefined;
  const url = new URL(uri);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // A redirect URI must not carry a fragment (RFC 6749 §3.1.2) or credentials.
  if (uri.includes('#') || url.username !== '' || url.password !== '') return undefined;
  return url;
}

/**
 * Keycloak's rule for redirect and post-logout redirect URIs: a registered URI ending in `*` matches
 * any URI that starts with what precedes the `*`; any other registered URI must match exactly.
 * Wildcard sub-domains are not a thing, as in Keycloak. A prefix that stops inside the authority
 * (`http://localhost:3000*`) still only matches its own origin, never `http://localhost:30001`.
 */
export function matchesRegisteredUri(candidate: string, registered: readonly string[]): boolean {
  const url = parseAbsolute(candidate);
  if (url === undefined) return false;
  return registered.some((pattern) => {
    if (!pattern.endsWith('*')) return candidate === pattern;
    const prefix = pattern.slice(0, -1);
    if (!candidate.startsWith(prefix) || !URL.canParse(prefix)) return false;
    return new URL(prefix).origin === url.origin;
  });
}

/** Appends parameters to a redirect URI, keeping the query it already has. */
export function withQuery(uri: string, parameters: Readonly<Record<string, string | undefined>>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.href;
}

/** The origins a client's `webOrigins` allow; `+` means the origins of its redirect URIs, as in Keycloak. */
export function allowedOrigins(webOrigins: readonly string[], redirectUris: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const origin of webOrigins) {
    if (origin === '+') {
      for (const uri of redirectUris) {
        const base = uri.endsWith('*') ? uri.slice(0, -1) : uri;
        if (URL.canParse(base)) origins.add(new URL(base).origin);
      }
    } else if (origin !== '-') {
      origins.add(origin);
    }
  }
  return [...origins];
}
