import { AccreditationCatalogue } from '../../catalogue/accreditation-catalogue.js';
import { journeyDecider, type JourneyEvent, type JourneyState } from '../../domain/accreditation.js';
import { accreditationView } from './accreditation-view.js';

const catalogue = AccreditationCatalogue.load();
const scheme = catalogue.latest('disability-confident');
const entry = catalogue.scheme('disability-confident');

const started: JourneyEvent = {
  type: 'AccreditationJourneyStarted',
  data: { scheme: 'disability-confident', schemeVersion: '2016' },
};
const leader: JourneyEvent = {
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
const fold = (...events: JourneyEvent[]): JourneyState =>
  events.reduce((state, event) => journeyDecider.evolve(state, event), journeyDecider.initialState());

function viewOf(state: JourneyState, today: string) {
  if (scheme === undefined || entry === undefined) throw new Error('Disability Confident is not in the catalogue');
  return accreditationView(entry, scheme, { state, version: 0 }, new Map(), today);
}

describe('a scheme as the council stands on it, and its next step', () => {
  it('suggests starting a scheme never recorded, with every commitment not started', () => {
    expect(viewOf(fold(), '2026-01-01')).toMatchObject({
      status: 'not-started',
      currentAward: null,
      commitmentsMet: 0,
      commitmentsTotal: 5,
      validityYears: 3,
      nextStep: { kind: 'start', text: 'Start working towards Disability Confident' },
    });
  });

  it('asks for the commitments not met, then for the award, then for the target above the level held', () => {
    const met = (ref: string): JourneyEvent => ({
      type: 'CommitmentStatusRecorded',
      data: { scheme: 'disability-confident', ref, status: 'met', actionIds: [], links: [] },
    });
    expect(viewOf(fold(started, met('1')), '2026-01-01').nextStep).toEqual({
      kind: 'meet-commitments',
      text: 'Meet the 4 commitments not yet met',
    });
    expect(viewOf(fold(started, ...['1', '2', '3', '4', '5'].map(met)), '2026-01-01').nextStep.kind).toBe(
      'record-award',
    );
    const target: JourneyEvent = {
      type: 'AccreditationTargetLevelSet',
      data: { scheme: 'disability-confident', level: 3, levelName: 'Disability Confident Leader' },
    };
    expect(viewOf(fold(started, target), '2026-01-01').nextStep).toEqual({
      kind: 'work-towards-target',
      text: 'Work towards Disability Confident Leader',
    });
  });

  it('says when renewal is due, then to renew, then that it lapsed, standing the award accordingly', () => {
    const held = fold(started, leader);
    expect(viewOf(held, '2027-12-10')).toMatchObject({
      currentAward: { standing: 'current', renewalDueOn: '2027-12-11' },
      nextStep: { kind: 'keep-up', text: 'Renewal due from 11 December 2027' },
    });
    expect(viewOf(held, '2027-12-11')).toMatchObject({
      currentAward: { standing: 'renewal-due' },
      nextStep: { kind: 'renew', text: 'Renew Disability Confident Leader before 10 March 2028' },
    });
    expect(viewOf(held, '2028-03-11')).toMatchObject({
      currentAward: { standing: 'lapsed' },
      nextStep: { kind: 'renew-lapsed', text: 'Renew: Disability Confident Leader expired on 10 March 2028' },
    });
  });

  it('shows an award replaced by a renewal as replaced, and a withdrawal', () => {
    const renewed: JourneyEvent = {
      type: 'AccreditationRenewed',
      data: { ...leader.data, number: 2, awardedOn: '2028-02-01', expiresOn: '2031-02-01' },
    };
    expect(viewOf(fold(started, leader, renewed), '2028-03-01').awards.map((award) => award.standing)).toEqual([
      'superseded',
      'current',
    ]);
    const withdrawn: JourneyEvent = {
      type: 'AccreditationWithdrawn',
      data: { scheme: 'disability-confident', withdrawnOn: '2026-05-01', reason: 'Leaving' },
    };
    expect(viewOf(fold(started, leader, withdrawn), '2026-06-01')).toMatchObject({
      status: 'withdrawn',
      currentAward: null,
      awards: [{ standing: 'withdrawn' }],
      nextStep: { kind: 'withdrawn', text: 'Withdrew on 1 May 2026' },
    });
  });
});
