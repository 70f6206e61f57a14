import type { BruteForceSettings } from '../realm/realm.js';
import type { LoginFailures, ProviderStateStore } from '../state/provider-state.js';

/**
 * Keycloak's brute-force detection, as the realm configures it: every `failureFactor` wrong
 * passwords in a row lock the user out, for `waitIncrementSeconds` more each time (at most
 * `maxFailureWaitSeconds`), or for good under `permanentLockout`. A locked-out user is refused even
 * with the right password, with the same message as a wrong one (Keycloak's default), so that the
 * form does not tell an attacker which guess was right. A right password while not locked out
 * clears the count. Keycloak's quick-login check (two failures within a second) is not modelled.
 */
export class BruteForceDetection {
  constructor(
    private readonly settings: BruteForceSettings,
    private readonly store: ProviderStateStore,
    private readonly seconds: () => number,
  ) {}

  async isLockedOut(userId: string): Promise<boolean> {
    if (!this.settings.protected) return false;
    const failures = await this.store.get('loginFailures', userId);
    return failures !== undefined && failures.lockedUntil > this.seconds();
  }

  async failed(userId: string): Promise<void> {
    if (!this.settings.protected) return;
    const now = this.seconds();
    const { failureFactor, waitIncrementSeconds, maxFailureWaitSeconds, maxDeltaTimeSeconds } = this.settings;
    const previous = await this.store.get('loginFailures', userId);
    const count =
      previous !== undefined && now - previous.lastFailureAt <= maxDeltaTimeSeconds ? previous.count + 1 : 1;
    let lockedUntil = previous?.lockedUntil ?? 0;
    if (count % failureFactor === 0) {
      lockedUntil = this.settings.permanentLockout
        ? Number.POSITIVE_INFINITY
        : now + Math.min(waitIncrementSeconds * (count / failureFactor), maxFailureWaitSeconds);
    }
    const record: LoginFailures = { count, lastFailureAt: now, lockedUntil };
    const keepUntil = Math.max(now + maxDeltaTimeSeconds, lockedUntil);
    await this.store.put(
      'loginFailures',
      userId,
      record,
      Number.isFinite(keepUntil) ? keepUntil * 1000 : Number.MAX_SAFE_INTEGER,
    );
  }

  async succeeded(userId: string): Promise<void> {
    if (this.settings.protected) await this.store.delete('loginFailures', userId);
  }
}
