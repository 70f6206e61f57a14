/** Tells which council slugs are registered; the councils module provides it. */
export abstract class TenantRegistry {
  abstract isRegistered(slug: string): Promise<boolean>;
  /** Every registered council's slug, as last caught up (what per-council metrics are reported for). */
  abstract registeredSlugs(): readonly string[];
}
