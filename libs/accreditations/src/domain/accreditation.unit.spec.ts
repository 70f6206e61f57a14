import { scenario } from '@due-regard/testing';
import {
  journeyDecider,
  type AccreditationAwarded,
  type JourneyCommand,
  type JourneyEvent,
  type RecordAward,
} from './accreditation.js';
import type { SchemeVersion } from './scheme.js';

const disabilityConfident: SchemeVersion = {
  scheme: 'disability-confident',
  schemeName: 'Disability Confident',
  version: '2016',
  levels: [
    { rank: 1, name: 'Disability Confident Committed' },
    { rank: 2, name: 'Disability Confident Employer' },
    { rank: 3, name: 'Disability Confident Leader' },
  ],
  commitmentsCalled: 'commitments',
  commitments: [
    { ref: '1', text: 'Inclusive recruitment' },
    { ref: '2', text: 'Promote vacancies' },
  ],
  validityYears: 3,
};

const raceAtWork2018: SchemeVersion = {
  scheme: 'race-at-work-charter',
  schemeName: 'Race at Work Charter',
  version: '2018',
  levels: [{ rank: 1, name: 'Signatory' }],
  commitmentsCalled: 'commitments',
  commitments: [
    { ref: '1', text: 'Appoint an executive sponsor for race' },
    { ref: '5', text: 'Take action that supports ethnic minority career progression' },
  ],
  validityYears: null,
};
const raceAtWork2021: SchemeVersion = {
  ...raceAtWork2018,
  version: '2021',
  commitments: [...raceAtWork2018.commitments, { ref: '6', text: 'Support race inclusion allies in the workplace' }],
};

const given = scenario(journeyDecider);
const started = (scheme: SchemeVersion = disabilityConfident): JourneyEvent => ({
  type: 'AccreditationJourneyStarted',
  data: { scheme: scheme.scheme, schemeVersion: scheme.version },
});
const award = (fields: Partial<RecordAward> = {}): JourneyCommand => ({
  type: 'RecordAward',
  scheme: disabilityConfident,
  level: 3,
  awardedOn: '2025-03-10',
  expiresOn: undefined,
  today: '2025-03-12',
  ...fields,
});
const leaderAwarded: AccreditationAwarded = {
  type: 'AccreditationAwarded',
  data: {
    scheme: 'disability-confident',
    number: 1,
    level: 3,
    levelName: 'Disability Confident Leader',
    awardedOn: '2025-03-10',
    expiresOn: '2028-03-10',
    expiryComputed: true,
  },
};
const sweep = (asOf: string): JourneyCommand => ({ type: 'SweepAwardNotices', scheme: disabilityConfident, asOf });
const noticeOf = { scheme: 'disability-confident', schemeName: 'Disability Confident', awardNumber: 1, level: 3 };
const leaderNotice = { ...noticeOf, levelName: 'Disability Confident Leader', expiresOn: '2028-03-10' };

describe('starting a journey on a scheme', () => {
  it('Given nothing, When the council starts, Then the journey is on the version it started on', () => {
    given().when({ type: 'StartJourney', scheme: raceAtWork2018 }).then(started(raceAtWork2018));
  });

  it('refuses to start twice', () => {
    given(started()).when({ type: 'StartJourney', scheme: disabilityConfident }).thenConflicts('journey_started');
  });

  it('refuses anything else on a journey never started', () => {
    given().when({ type: 'SetTargetLevel', scheme: disabilityConfident, level: 3 }).thenNotFound();
    given().when(award()).thenNotFound();
  });

  it('raises nothing on a scheme the council never started', () => {
    given().when(sweep('2030-01-01')).thenNothingHappens();
  });
});

describe('the target level', () => {
  it('Given a journey, When the target is Leader, Then it is set with its name', () => {
    given(started())
      .when({ type: 'SetTargetLevel', scheme: disabilityConfident, level: 3 })
      .then({
        type: 'AccreditationTargetLevelSet',
        data: { scheme: 'disability-confident', level: 3, levelName: 'Disability Confident Leader' },
      });
  });

  it('records nothing when the target is as it was, and may be cleared', () => {
    const set: JourneyEvent = {
      type: 'AccreditationTargetLevelSet',
      data: { scheme: 'disability-confident', level: 3, levelName: 'Disability Confident Leader' },
    };
    given(started(), set).when({ type: 'SetTargetLevel', scheme: disabilityConfident, level: 3 }).thenNothingHappens();
    given(started(), set)
      .when({ type: 'SetTargetLevel', scheme: disabilityConfident, level: null })
      .then({
        type: 'AccreditationTargetLevelSet',
        data: { scheme: 'disability-confident', level: null, levelName: null },
      });
  });

  it('refuses a level the scheme does not have, naming the field', () => {
    given(started())
      .when({ type: 'SetTargetLevel', scheme: disabilityConfident, level: 4 })
      .thenRefused('unknown_level', 'targetLevel');
  });
});

describe("a commitment's status and evidence", () => {
  const actionId = '0190a3c0-0000-7000-8000-000000000001';
  const links = [{ title: 'Recruitment policy', url: 'https://example.org/policy' }];
  const record = (
    fields: Partial<Extract<JourneyCommand, { type: 'RecordCommitmentStatus' }>> = {},
  ): JourneyCommand => ({
    type: 'RecordCommitmentStatus',
    scheme: disabilityConfident,
    ref: '1',
    status: 'in-progress',
    evidence: { actionIds: [actionId], links },
    ...fields,
  });
  const recorded: JourneyEvent = {
    type: 'CommitmentStatusRecorded',
    data: {
      scheme: 'disability-confident',
      ref: '1',
      status: 'in-progress',
      actionIds: [actionId],
      links,
    },
  };

  it('Given a journey, When commitment 1 is in progress with a linked action and a document, Then it is recorded', () => {
    given(started()).when(record()).then(recorded);
  });

  it('links an action once however often it is named', () => {
    given(started())
      .when(record({ evidence: { actionIds: [actionId, actionId], links } }))
      .then(recorded);
  });

  it('records nothing when status and evidence are as they were; a new status is recorded', () => {
    given(started(), recorded).when(record()).thenNothingHappens();
    given(started(), recorded)
      .when(record({ status: 'met' }))
      .then({ ...recorded, data: { ...recorded.data, status: 'met' } });
    expect(given(started(), recorded).state).toMatchObject({ commitments: { '1': { status: 'in-progress' } } });
  });

  it('refuses a commitment the version does not have, or a status it does not know', () => {
    given(started())
      .when(record({ ref: '9' }))
      .thenRefused('unknown_commitment', 'ref');
    given(started())
      .when(record({ status: 'done' as never }))
      .thenRefused('invalid_commitment_status', 'status');
  });
});

describe('moving to a new version of a scheme', () => {
  const onFive: JourneyEvent = {
    type: 'CommitmentStatusRecorded',
    data: { scheme: 'race-at-work-charter', ref: '5', status: 'met', actionIds: [], links: [] },
  };

  it('Given a council on the 2018 charter, When the charter gains commitments in 2021, Then it stays on 2018', () => {
    const state = given(started(raceAtWork2018), onFive).state;
    expect(state).toMatchObject({ schemeVersion: '2018' });
    given(started(raceAtWork2018), onFive)
      .when({
        type: 'RecordCommitmentStatus',
        scheme: raceAtWork2018,
        ref: '6',
        status: 'met',
        evidence: { actionIds: [], links: [] },
      })
      .thenRefused('unknown_commitment', 'ref');
  });

  it('When it moves to 2021, Then the progress on commitments it keeps is kept', () => {
    const moved: JourneyEvent = {
      type: 'AccreditationSchemeVersionChanged',
      data: { scheme: 'race-at-work-charter', from: '2018', to: '2021', kept: ['5'] },
    };
    given(started(raceAtWork2018), onFive).when({ type: 'MoveToSchemeVersion', scheme: raceAtWork2021 }).then(moved);
    expect(given(started(raceAtWork2018), onFive, moved).state).toMatchObject({
      schemeVersion: '2021',
      commitments: { '5': { status: 'met' } },
    });
    given(started(raceAtWork2018), onFive, moved)
      .when({ type: 'MoveToSchemeVersion', scheme: raceAtWork2021 })
      .thenNothingHappens();
  });
});

describe('awards', () => {
  it('Given a journey, When Leader is awarded, Then it expires three years on, computed from the scheme', () => {
    given(started()).when(award()).then(leaderAwarded);
  });

  it('takes an expiry given, and computes 29 February as 28 February three years on', () => {
    given(started())
      .when(award({ expiresOn: '2027-12-31' }))
      .then({ ...leaderAwarded, data: { ...leaderAwarded.data, expiresOn: '2027-12-31', expiryComputed: false } });
    given(started())
      .when(award({ awardedOn: '2024-02-29', today: '2024-03-01' }))
      .then({
        ...leaderAwarded,
        data: { ...leaderAwarded.data, awardedOn: '2024-02-29', expiresOn: '2027-02-28' },
      });
  });

  it('has no expiry on a scheme without a period unless one is given', () => {
    given(started(raceAtWork2018))
      .when(award({ scheme: raceAtWork2018, level: 1 }))
      .then({
        type: 'AccreditationAwarded',
        data: {
          scheme: 'race-at-work-charter',
          number: 1,
          level: 1,
          levelName: 'Signatory',
          awardedOn: '2025-03-10',
          expiresOn: null,
          expiryComputed: false,
        },
      });
  });

  it('Given Leader, When Leader is awarded again, Then it is a renewal, numbered 2', () => {
    given(started(), leaderAwarded)
      .when(award({ awardedOn: '2028-02-01', today: '2028-02-01' }))
      .then({
        type: 'AccreditationRenewed',
        data: { ...leaderAwarded.data, number: 2, awardedOn: '2028-02-01', expiresOn: '2031-02-01' },
      });
  });

  it('Given Employer, When Leader is awarded, Then moving up restarts the three years', () => {
    const employer: JourneyEvent = {
      type: 'AccreditationAwarded',
      data: { ...leaderAwarded.data, level: 2, levelName: 'Disability Confident Employer', awardedOn: '2024-01-01' },
    };
    given(started(), employer)
      .when(award())
      .then({ ...leaderAwarded, data: { ...leaderAwarded.data, number: 2 } });
  });

  it('refuses an unknown level, a date in the future or before the latest award, and an expiry not after the award', () => {
    given(started())
      .when(award({ level: 0 }))
      .thenRefused('unknown_level', 'level');
    given(started())
      .when(award({ awardedOn: '2025-03-13' }))
      .thenRefused('awarded_in_future', 'awardedOn');
    given(started(), leaderAwarded)
      .when(award({ awardedOn: '2025-03-01' }))
      .thenRefused('award_before_latest', 'awardedOn');
    given(started())
      .when(award({ expiresOn: '2025-03-10' }))
      .thenRefused('expiry_not_after_award', 'expiresOn');
    given(started())
      .when(award({ awardedOn: '2025-02-30' }))
      .thenRefused('invalid_date', 'awardedOn');
  });
});

describe('withdrawal', () => {
  const withdrawn: JourneyEvent = {
    type: 'AccreditationWithdrawn',
    data: { scheme: 'disability-confident', withdrawnOn: '2026-01-05', reason: 'Leaving the scheme' },
  };
  const withdraw = (reason = ' Leaving the scheme '): JourneyCommand => ({
    type: 'WithdrawAccreditation',
    scheme: disabilityConfident,
    withdrawnOn: '2026-01-05',
    reason,
  });

  it('Given an award, When the council withdraws, Then it is recorded and nothing more falls due', () => {
    given(started(), leaderAwarded).when(withdraw()).then(withdrawn);
    given(started(), leaderAwarded, withdrawn).when(sweep('2030-01-01')).thenNothingHappens();
  });

  it('refuses a withdrawal twice or without a reason', () => {
    given(started(), withdrawn).when(withdraw()).thenConflicts('already_withdrawn');
    given(started()).when(withdraw('  ')).thenRefused('reason_required', 'reason');
  });

  it('Given a withdrawal, When the level is awarded again, Then it is an award, not a renewal', () => {
    given(started(), leaderAwarded, withdrawn)
      .when(award({ awardedOn: '2026-06-01', today: '2026-06-01' }))
      .then({
        ...leaderAwarded,
        data: { ...leaderAwarded.data, number: 2, awardedOn: '2026-06-01', expiresOn: '2029-06-01' },
      });
  });
});

describe('renewal notices and lapses, by the daily sweep', () => {
  const due90: JourneyEvent = {
    type: 'RenewalDue',
    data: { ...leaderNotice, dueOn: '2027-12-11', raisedOn: '2027-12-11', daysBefore: 90, daysToExpiry: 90 },
  };
  const due30: JourneyEvent = {
    type: 'RenewalDue',
    data: { ...leaderNotice, dueOn: '2028-02-09', raisedOn: '2028-02-09', daysBefore: 30, daysToExpiry: 30 },
  };
  const lapsed: JourneyEvent = {
    type: 'AccreditationLapsed',
    data: { ...leaderNotice, dueOn: '2028-03-11', raisedOn: '2028-03-11' },
  };

  it('raises nothing before 90 days to expiry', () => {
    given(started(), leaderAwarded).when(sweep('2027-12-10')).thenNothingHappens();
  });

  it('Given Leader expiring 10 March 2028, When the sweep runs 90 days before, Then renewal is due', () => {
    given(started(), leaderAwarded).when(sweep('2027-12-11')).then(due90);
  });

  it('raises it once: the same day again, and the days after, raise nothing', () => {
    given(started(), leaderAwarded, due90).when(sweep('2027-12-11')).thenNothingHappens();
    given(started(), leaderAwarded, due90).when(sweep('2028-02-08')).thenNothingHappens();
  });

  it('raises the 30-day notice on its day, once', () => {
    given(started(), leaderAwarded, due90).when(sweep('2028-02-09')).then(due30);
    given(started(), leaderAwarded, due90, due30).when(sweep('2028-03-10')).thenNothingHappens();
  });

  it('Then the day after expiry the accreditation has lapsed, once', () => {
    given(started(), leaderAwarded, due90, due30).when(sweep('2028-03-11')).then(lapsed);
    given(started(), leaderAwarded, due90, due30, lapsed).when(sweep('2028-03-12')).thenNothingHappens();
  });

  it('catches up a missed day late, saying how many days are left as of the run', () => {
    given(started(), leaderAwarded)
      .when(sweep('2027-12-20'))
      .then({ type: 'RenewalDue', data: { ...due90.data, raisedOn: '2027-12-20', daysToExpiry: 81 } });
  });

  it('raises only the most pressing notice when the job missed the earlier one, and never the one overtaken', () => {
    const late30: JourneyEvent = {
      type: 'RenewalDue',
      data: { ...due30.data, raisedOn: '2028-02-20', daysToExpiry: 19 },
    };
    given(started(), leaderAwarded).when(sweep('2028-02-20')).then(late30);
    given(started(), leaderAwarded, late30).when(sweep('2028-02-21')).thenNothingHappens();
    const lateLapse: JourneyEvent = { type: 'AccreditationLapsed', data: { ...lapsed.data, raisedOn: '2028-04-01' } };
    given(started(), leaderAwarded).when(sweep('2028-04-01')).then(lateLapse);
    given(started(), leaderAwarded, lateLapse).when(sweep('2028-04-02')).thenNothingHappens();
  });

  it('Given a renewal, When its own dates come, Then the new award gets its own notices', () => {
    const renewed: JourneyEvent = {
      type: 'AccreditationRenewed',
      data: { ...leaderAwarded.data, number: 2, awardedOn: '2028-02-15', expiresOn: '2031-02-15' },
    };
    given(started(), leaderAwarded, due90, due30, renewed).when(sweep('2028-03-11')).thenNothingHappens();
    given(started(), leaderAwarded, due90, due30, renewed)
      .when(sweep('2030-11-17'))
      .then({
        type: 'RenewalDue',
        data: {
          ...leaderNotice,
          awardNumber: 2,
          expiresOn: '2031-02-15',
          dueOn: '2030-11-17',
          raisedOn: '2030-11-17',
          daysBefore: 90,
          daysToExpiry: 90,
        },
      });
  });

  it('raises nothing for an award without expiry', () => {
    const signed: JourneyEvent = {
      type: 'AccreditationAwarded',
      data: {
        ...leaderAwarded.data,
        scheme: 'race-at-work-charter',
        level: 1,
        levelName: 'Signatory',
        expiresOn: null,
      },
    };
    given(started(raceAtWork2018), signed)
      .when({ type: 'SweepAwardNotices', scheme: raceAtWork2018, asOf: '2040-01-01' })
      .thenNothingHappens();
  });
});
