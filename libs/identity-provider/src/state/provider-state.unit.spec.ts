import { InMemoryProviderStateStore, type ProviderSession } from './provider-state.js';

const session = (sessionId: string): ProviderSession => ({
  sessionId,
  userId: 'u',
  authTime: 0,
  startedAt: 0,
  lastActiveAt: 0,
});

describe('InMemoryProviderStateStore', () => {
  it('forgets records once they expire', async () => {
    let now = 1_000;
    const store = new InMemoryProviderStateStore(() => now);
    await store.put('session', 's1', session('s1'), 2_000);
    expect(await store.get('session', 's1')).toEqual(session('s1'));
    now = 2_000;
    expect(await store.get('session', 's1')).toBeUndefined();
  });

  it('hands a record out once through take()', async () => {
    const store = new InMemoryProviderStateStore(() => 0);
    await store.put('usedCode', 'c', { grantId: 'g' }, 10);
    expect(await store.take('usedCode', 'c')).toEqual({ grantId: 'g' });
    expect(await store.take('usedCode', 'c')).toBeUndefined();
  });

  it('keeps kinds apart and deletes by predicate', async () => {
    const store = new InMemoryProviderStateStore(() => 0);
    await store.put('sessionCookie', 'k1', { sessionId: 's1' }, 10);
    await store.put('sessionCookie', 'k2', { sessionId: 's2' }, 10);
    await store.put('session', 'k1', session('s1'), 10);
    await store.deleteWhere('sessionCookie', (reference) => reference.sessionId === 's1');
    expect(await store.get('sessionCookie', 'k1')).toBeUndefined();
    expect(await store.get('sessionCookie', 'k2')).toEqual({ sessionId: 's2' });
    expect(await store.get('session', 'k1')).toEqual(session('s1'));
  });
});
