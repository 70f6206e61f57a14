import type { Tenant } from '@due-regard/identity';

/**
 * The web's own addresses, built from PUBLIC_URL (never from the Host header): the bare domain is
 * the platform, `<slug>.<host>` a council, with the same scheme and port.
 */
export class SiteAddresses {
  private readonly base: URL;

  constructor(publicUrl: string) {
    this.base = new URL(publicUrl);
  }

  platformOrigin(): string {
    return this.base.origin;
  }

  councilOrigin(slug: string): string {
    const url = new URL(this.base.origin);
    url.hostname = `${slug}.${this.base.hostname}`;
    return url.origin;
  }

  originOf(tenant: Tenant): string {
    return tenant.kind === 'council' ? this.councilOrigin(tenant.slug) : this.platformOrigin();
  }

  /** The redirect URI registered for each council's sub-domain (and the bare domain) in the realm. */
  callbackUrl(tenant: Tenant): string {
    return `${this.originOf(tenant)}/auth/callback`;
  }

  signedOutUrl(tenant: Tenant): string {
    return `${this.originOf(tenant)}/signed-out`;
  }
}

function hasControlOrBackslash(value: string): boolean {
  return [...value].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f || character === '\\';
  });
}

/**
 * A path on this host to send someone back to after signing in: absolute-path only, so never
 * another site (`//evil.example`, `/\evil.example`, `https://...`); anything else is the home page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || hasControlOrBackslash(value)) return '/';
  const parsed = new URL(value, 'http://return.invalid');
  if (parsed.origin !== 'http://return.invalid') return '/';
  // Sign-in pages themselves are no place to return to.
  if (['/sign-in', '/auth/callback', '/sign-out', '/signed-out'].includes(parsed.pathname)) return '/';
  return `${parsed.pathname}${parsed.search}`;
}
