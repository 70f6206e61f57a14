import { randomBytes } from 'node:crypto';

/** A fresh nonce for each page: the template's one inline script (the `js-enabled` class) carries it. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export interface PagePolicy {
  readonly nonce: string;
  /** Where the sign-out form's redirect goes (the identity provider). */
  readonly providerOrigin: string;
  /** Another origin serving the page's assets, or null when they come from this one. */
  readonly assetOrigin: string | null;
  readonly upgradeInsecureRequests: boolean;
}

/**
 * The web pages' policy, replacing helmet's default on them: scripts from this origin or with the
 * page's nonce only (no 'unsafe-inline'), no inline styles, no framing, and forms that may post
 * here and follow the sign-out redirect to the identity provider.
 */
export function pageContentSecurityPolicy(policy: PagePolicy): string {
  const sources = (...extra: (string | null)[]): string =>
    ["'self'", ...extra].filter((value, index, all) => value !== null && all.indexOf(value) === index).join(' ');
  return [
    "default-src 'self'",
    `script-src ${sources(policy.assetOrigin, `'nonce-${policy.nonce}'`)}`,
    `style-src ${sources(policy.assetOrigin)}`,
    `img-src ${sources(policy.assetOrigin, 'data:')}`,
    `font-src ${sources(policy.assetOrigin)}`,
    "connect-src 'self'",
    `form-action ${sources(policy.providerOrigin)}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(policy.upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * The queue dashboard's policy (bull-board, under /admin/queues only): its scripts are files from
 * this origin, but its markup and React components carry inline styles, so styles alone are
 * relaxed to 'unsafe-inline'. No inline script runs (its one inline `<script>` is JSON data), and
 * its Google Fonts stylesheet is not allowed: the dashboard falls back to the system's fonts.
 */
export function queueDashboardContentSecurityPolicy(upgradeInsecureRequests: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
