/** A sign-in waiting for the user's password: the validated authorization request. */
export interface PendingAuthorization {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly loginHint: string | undefined;
  readonly issuer: string;
  /** The browser that started it (a cookie), so another browser cannot post its form. */
  readonly browserId: string;
  /** The one-time token the sign-in form carries; replaced every time the form is shown. */
  readonly formToken: string;
}

/** A signed-in user at the provider (Keycloak's user session), with or without a browser cookie. */
export interface ProviderSession {
  readonly sessionId: string;
  readonly userId: string;
  /** Seconds since the epoch, like every time below. */
  readonly authTime: number;
  readonly startedAt: number;
  readonly lastActiveAt: number;
}

export interface AuthorizationCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly issuer: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly scope: string;
  readonly nonce: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly authTime: number;
  readonly acr: '0' | '1';
  /** Refresh tokens issued from this code share it, so that replaying the code can revoke them. */
  readonly grantId: string;
}

export interface RefreshTokenRecord {
  readonly clientId: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly scope: string;
  readonly authTime: number;
  readonly acr: '0' | '1';
  /** Every rotation of one grant keeps its grant id. */
  readonly grantId: string;
}

/** A logout asked for without an ID token hint, waiting for the user to confirm it. */
export interface PendingLogout {
  readonly browserId: string;
  readonly formToken: string;
  /** Where to send the browser afterwards, with the client's `state` already added. */
  readonly redirectUri: string | undefined;
}

/** What each kind of record holds. */
export interface ProviderStateRecords {
  pendingAuthorization: PendingAuthorization;
  pendingLogout: PendingLogout;
  code: AuthorizationCode;
  /** A redeemed code, kept until it would have expired so that a replay is recognised. */
  usedCode: { readonly grantId: string };
  session: ProviderSession;
  /** The secret value of a browser's session cookie, pointing at its session. */
  sessionCookie: { readonly sessionId: string };
  refreshToken: RefreshTokenRecord;
  /** A refresh token already exchanged, kept until it would have expired so that reuse is recognised. */
  rotatedRefreshToken: { readonly grantId: string };
  /** A user's wrong passwords in a row (brute-force detection), by user id. */
  loginFailures: LoginFailures;
}

/** Keycloak's record of a user's failed sign-ins. Times in seconds since the epoch. */
export interface LoginFailures {
  readonly count: number;
  readonly lastFailureAt: number;
  /** Until when the user is locked out; `Infinity` under permanent lockout. */
  readonly lockedUntil: number;
}

export type ProviderStateKind = keyof ProviderStateRecords;

/**
 * Where the provider keeps codes, sessions and refresh tokens. The embedded provider serves
 * development, tests and demos from one process, so the only implementation keeps them in memory
 * and everyone signs in again after a restart (the signing keys do persist). The interface is
 * small so that a shared store could replace it if that ever changed.
 */
export interface ProviderStateStore {
  /** Stores a record until `expiresAt` (milliseconds since the epoch), replacing any under the same key. */
  put<K extends ProviderStateKind>(
    kind: K,
    key: string,
    value: ProviderStateRecords[K],
    expiresAt: number,
  ): Promise<void>;
  get<K extends ProviderStateKind>(kind: K, key: string): Promise<ProviderStateRecords[K] | undefined>;
  /** Gets and deletes in one step: what makes codes and refresh tokens single-use. */
  take<K extends ProviderStateKind>(kind: K, key: string): Promise<ProviderStateRecords[K] | undefined>;
  delete(kind: ProviderStateKind, key: string): Promise<void>;
  deleteWhere<K extends ProviderStateKind>(
    kind: K,
    predicate: (value: ProviderStateRecords[K]) => boolean,
  ): Promise<void>;
}

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

type Tables = { [K in ProviderStateKind]: Map<string, Entry<ProviderStateRecords[K]>> };

export class InMemoryProviderStateStore implements ProviderStateStore {
  private readonly tables: Tables = {
    pendingAuthorization: new Map(),
    pendingLogout: new Map(),
    code: new Map(),
    usedCode: new Map(),
    session: new Map(),
    sessionCookie: new Map(),
    refreshToken: new Map(),
    rotatedRefreshToken: new Map(),
    loginFailures: new Map(),
  };
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  put<K extends ProviderStateKind>(
    kind: K,
    key: string,
    value: ProviderStateRecords[K],
    expiresAt: number,
  ): Promise<void> {
    // Expired records are dropped when read; a sweep now and then bounds what nobody reads again.
    if (++this.writes % 256 === 0) this.sweep();
    this.table(kind).set(key, { value, expiresAt });
    return Promise.resolve();
  }

  get<K extends ProviderStateKind>(kind: K, key: string): Promise<ProviderStateRecords[K] | undefined> {
    return Promise.resolve(this.live(kind, key));
  }

  take<K extends ProviderStateKind>(kind: K, key: string): Promise<ProviderStateRecords[K] | undefined> {
    const value = this.live(kind, key);
    this.table(kind).delete(key);
    return Promise.resolve(value);
  }

  delete(kind: ProviderStateKind, key: string): Promise<void> {
    this.table(kind).delete(key);
    return Promise.resolve();
  }

  deleteWhere<K extends ProviderStateKind>(
    kind: K,
    predicate: (value: ProviderStateRecords[K]) => boolean,
  ): Promise<void> {
    const table = this.table(kind);
    for (const [key, entry] of table) {
      if (predicate(entry.value)) table.delete(key);
    }
    return Promise.resolve();
  }

  private table<K extends ProviderStateKind>(kind: K): Tables[K] {
    return this.tables[kind];
  }

  private live<K extends ProviderStateKind>(kind: K, key: string): ProviderStateRecords[K] | undefined {
    const table = this.table(kind);
    const entry = table.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      table.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private sweep(): void {
    const now = this.now();
    for (const table of Object.values(this.tables)) {
      for (const [key, entry] of table) if (entry.expiresAt <= now) table.delete(key);
    }
  }
}
