import { scenario } from '@due-regard/testing';
import { consentDecider, NOTHING_SHARED, type ConsentEvent, type ConsentScope } from './consent.js';

const given = scenario(consentDecider);
const forum = 'leicestershire-equalities-forum';
const council = 'charnwood';
const progressOnly: ConsentScope = { ...NOTHING_SHARED, progressByStatus: true };
const granted: ConsentEvent = { type: 'ConsentGranted', data: { forum, council, scope: progressOnly } };
const grant = (scope: ConsentScope) => ({ type: 'GrantConsent', forum, council, scope }) as const;

describe('granting consent', () => {
  it('records the scope', () => {
    given().when(grant(progressOnly)).then(granted);
  });

  it('trims and de-duplicates the measures picked', () => {
    given()
      .when(grant({ ...NOTHING_SHARED, measures: [' Staff survey ', 'Staff survey'] }))
      .then({
        type: 'ConsentGranted',
        data: { forum, council, scope: { ...NOTHING_SHARED, measures: ['Staff survey'] } },
      });
  });

  it('refuses a scope that shares nothing', () => {
    given().when(grant(NOTHING_SHARED)).thenRefused('nothing_shared', 'scope');
  });

  it('refuses a blank measure', () => {
    given()
      .when(grant({ ...progressOnly, measures: [' '] }))
      .thenRefused('measure_blank', 'scope.measures');
  });

  it('grants again after a withdrawal', () => {
    given(granted, { type: 'ConsentWithdrawn', data: { forum, council } }).when(grant(progressOnly)).then(granted);
  });
});

describe('changing the scope', () => {
  it('records the whole new scope', () => {
    const wider: ConsentScope = { ...progressOnly, ragCounts: true, actions: 'counts' };
    given(granted)
      .when(grant(wider))
      .then({ type: 'ConsentChanged', data: { forum, council, scope: wider } });
  });

  it('does nothing when the scope is the same', () => {
    given(granted).when(grant(progressOnly)).thenNothingHappens();
  });
});

describe('withdrawing consent', () => {
  it('records the withdrawal', () => {
    given(granted)
      .when({ type: 'WithdrawConsent', forum, council })
      .then({ type: 'ConsentWithdrawn', data: { forum, council } });
  });

  it('refuses when nothing is shared', () => {
    given().when({ type: 'WithdrawConsent', forum, council }).thenNotFound();
    given(granted, { type: 'ConsentWithdrawn', data: { forum, council } })
      .when({ type: 'WithdrawConsent', forum, council })
      .thenNotFound();
  });
});
