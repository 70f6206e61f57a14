/** Tells whether a council slug is registered; the councils module provides it. */
export abstract class TenantRegistry {
  abstract isRegistered(slug: string): Promise<boolean>;
}
