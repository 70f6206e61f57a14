import type { Tenant } from '../context/request-context.js';

/**
 * Which tenant a Host header addresses under BASE_DOMAIN: the bare domain is the platform, one
 * label in front of it a council; anything else is not ours (null).
 */
export function tenantFromHost(hostHeader: string | undefined, baseDomain: string): Tenant | null {
  if (!hostHeader) return null;
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const base = baseDomain.toLowerCase();
  if (host === base) return { kind: 'platform' };
  if (!host.endsWith(`.${base}`)) return null;
  const label = host.slice(0, -(base.length + 1));
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(label)) return null;
  return { kind: 'council', slug: label };
}
