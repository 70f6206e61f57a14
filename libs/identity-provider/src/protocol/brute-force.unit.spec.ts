import type { BruteForceSettings } from '../realm/realm.js';
import { InMemoryProviderStateStore } from '../state/provider-state.js';
import { BruteForceDetection } from './brute-force.js';

const SETTINGS: BruteForceSettings = {
  protected: true,
  permanentLockout: false,
  failureFactor: 3,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 100,
  maxDeltaTimeSeconds: 600,
};

function detection(settings: Partial<BruteForceSettings> = {}) {
  let seconds = 1_000_000;
  const store = new InMemoryProviderStateStore(() => seconds * 1000);
  const detector = new BruteForceDetection({ ...SETTINGS, ...settings }, store, () => seconds);
  return {
    detector,
    wait: (more: number) => {
      seconds += more;
    },
    failTimes: async (times: number) => {
      for (let failure = 0; failure < times; failure += 1) await detector.failed('user');
    },
  };
}

describe('brute-force detection as the realm configures it', () => {
  it('locks a user out at the failure factor, for the wait increment', async () => {
    const { detector, wait, failTimes } = detection();
    await failTimes(2);
    expect(await detector.isLockedOut('user')).toBe(false);
    await failTimes(1);
    expect(await detector.isLockedOut('user')).toBe(true);
    wait(59);
    expect(await detector.isLockedOut('user')).toBe(true);
    wait(1);
    expect(await detector.isLockedOut('user')).toBe(false);
  });

  it('locks out longer each time the factor is reached again, up to the maximum wait', async () => {
    const { detector, wait, failTimes } = detection();
    await failTimes(6);
    wait(99);
    expect(await detector.isLockedOut('user')).toBe(true);
    wait(1);
    expect(await detector.isLockedOut('user')).toBe(false);
  });

  it('forgets failures further apart than the maximum delta', async () => {
    const { detector, wait, failTimes } = detection();
    await failTimes(2);
    wait(601);
    await failTimes(2);
    expect(await detector.isLockedOut('user')).toBe(false);
  });

  it('starts counting again after a right password', async () => {
    const { detector, failTimes } = detection();
    await failTimes(2);
    await detector.succeeded('user');
    await failTimes(2);
    expect(await detector.isLockedOut('user')).toBe(false);
  });

  it('locks out for good under permanent lockout', async () => {
    const { detector, wait, failTimes } = detection({ permanentLockout: true });
    await failTimes(3);
    wait(10 ** 7);
    expect(await detector.isLockedOut('user')).toBe(true);
  });

  it('does nothing when the realm is not protected', async () => {
    const { detector, failTimes } = detection({ protected: false });
    await failTimes(30);
    expect(await detector.isLockedOut('user')).toBe(false);
  });
});
