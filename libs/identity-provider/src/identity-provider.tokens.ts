/** The options given to IdentityProviderModule.forRoot(). */
export const IDENTITY_PROVIDER_OPTIONS = Symbol('IDENTITY_PROVIDER_OPTIONS');
/** The same, with defaults applied and checked (ResolvedIdentityProviderOptions). */
export const RESOLVED_IDENTITY_PROVIDER_OPTIONS = Symbol('RESOLVED_IDENTITY_PROVIDER_OPTIONS');
