import {
  DomainConflict,
  DomainRuleViolation,
  NotFound,
  type Decider,
  type DomainEvent,
} from '@due-regard/shared-kernel';
import { addDays, addYears, daysBetween, isCalendarDay, type CalendarDay } from './award-dates.js';
import { commitmentOf, levelOf, type SchemeVersion } from './scheme.js';

/**
 * A council's journey on one accreditation scheme (its own stream per council and scheme): the
 * level it aims for, where it stands on each commitment or pledge and with what evidence, the awards
 * it has held (each with its expiry), renewals, lapses and withdrawal. The daily sweep
 * (`SweepAwardNotices`) raises `RenewalDue` 90 and 30 days before the current award expires and
 * `AccreditationLapsed` the day after, each once per award: the state remembers what was raised.
 */
export const COMMITMENT_STATUSES = ['not-started', 'in-progress', 'met'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Days before expiry that a renewal notice is raised, earliest first. */
export const RENEWAL_NOTICE_DAYS = [90, 30] as const;
export type RenewalNoticeDays = (typeof RENEWAL_NOTICE_DAYS)[number];
export type AwardNotice = 'renewal-90' | 'renewal-30' | 'lapsed';

export type EvidenceLink = { readonly title: string; readonly url: string };

export type CommitmentEvidence = {
  /** Actions of the council's plans that deliver it ("2.6 Achieve Disability Confident Leader"). */
  readonly actionIds: readonly string[];
  /** Documents or pages that show it: a title and where it is. */
  readonly links: readonly EvidenceLink[];
};

export type CommitmentProgress = { readonly status: CommitmentStatus } & CommitmentEvidence;

export type Award = {
  /** 1 for the council's first award on the scheme, then 2, 3…: how notices name it. */
  readonly number: number;
  readonly level: number;
  readonly levelName: string;
  readonly awardedOn: CalendarDay;
  /** Null: the scheme sets no period and none was given, so it does not lapse. */
  readonly expiresOn: CalendarDay | null;
  /** Whether `expiresOn` was computed from the scheme's validity (not given). */
  readonly expiryComputed: boolean;
  readonly renewal: boolean;
  /** The notices raised for it, so that none is raised twice. */
  readonly notices: readonly AwardNotice[];
};

export type Journey = {
  readonly status: 'active' | 'withdrawn';
  readonly scheme: string;
  readonly schemeVersion: string;
  readonly targetLevel: number | null;
  readonly commitments: Readonly<Record<string, CommitmentProgress>>;
  readonly awards: readonly Award[];
  readonly withdrawnOn: CalendarDay | null;
};

export type JourneyState = { readonly status: 'none' } | Journey;

// Commands ------------------------------------------------------------------------------------

/** Every command carries the catalogue's facts of the version the journey is on (or starts on). */
interface OnScheme {
  readonly scheme: SchemeVersion;
}

export interface StartJourney extends OnScheme {
  readonly type: 'StartJourney';
}
export interface SetTargetLevel extends OnScheme {
  readonly type: 'SetTargetLevel';
  /** Null: no target. */
  readonly level: number | null;
}
export interface RecordCommitmentStatus extends OnScheme {
  readonly type: 'RecordCommitmentStatus';
  readonly ref: string;
  readonly status: CommitmentStatus;
  readonly evidence: CommitmentEvidence;
}
/** Moves the journey to another version of its scheme; progress on commitments worded the same is kept. */
export interface MoveToSchemeVersion extends OnScheme {
  readonly type: 'MoveToSchemeVersion';
}
export interface RecordAward extends OnScheme {
  readonly type: 'RecordAward';
  readonly level: number;
  readonly awardedOn: CalendarDay;
  /** Left out: computed from the scheme's validity. */
  readonly expiresOn: CalendarDay | undefined;
  /** Today: an award is not recorded before it is made. */
  readonly today: CalendarDay;
}
export interface WithdrawAccreditation extends OnScheme {
  readonly type: 'WithdrawAccreditation';
  readonly withdrawnOn: CalendarDay;
  readonly reason: string;
}
/** The daily sweep as of a day: raises what has fallen due and was not raised before. */
export interface SweepAwardNotices extends OnScheme {
  readonly type: 'SweepAwardNotices';
  readonly asOf: CalendarDay;
}

export type JourneyCommand =
  | StartJourney
  | SetTargetLevel
  | RecordCommitmentStatus
  | MoveToSchemeVersion
  | RecordAward
  | WithdrawAccreditation
  | SweepAwardNotices;

// Events --------------------------------------------------------------------------------------

type AwardData = {
  readonly scheme: string;
  readonly number: number;
  readonly level: number;
  readonly levelName: string;
  readonly awardedOn: CalendarDay;
  readonly expiresOn: CalendarDay | null;
  /** Whether `expiresOn` was computed from the scheme's validity (not given). */
  readonly expiryComputed: boolean;
};

/**
 * What a notice carries: enough for a message to the council's admins without reading anything else
 * ("Disability Confident Leader expires on 10 March 2028, in 30 days").
 */
type NoticeData = {
  readonly scheme: string;
  readonly schemeName: string;
  readonly awardNumber: number;
  readonly level: number;
  readonly levelName: string;
  readonly expiresOn: CalendarDay;
  /** The day the notice fell due, and the day the sweep raised it (later when the job ran late). */
  readonly dueOn: CalendarDay;
  readonly raisedOn: CalendarDay;
};

export type JourneyStarted = DomainEvent<
  'AccreditationJourneyStarted',
  { readonly scheme: string; readonly schemeVersion: string }
>;
export type TargetLevelSet = DomainEvent<
  'AccreditationTargetLevelSet',
  { readonly scheme: string; readonly level: number | null; readonly levelName: string | null }
>;
export type CommitmentStatusRecorded = DomainEvent<
  'CommitmentStatusRecorded',
  {
    readonly scheme: string;
    readonly ref: string;
    readonly status: CommitmentStatus;
    readonly actionIds: readonly string[];
    readonly links: readonly EvidenceLink[];
  }
>;
export type SchemeVersionChanged = DomainEvent<
  'AccreditationSchemeVersionChanged',
  {
    readonly scheme: string;
    readonly from: string;
    readonly to: string;
    /** The refs whose progress is kept: worded the same in both versions (and numbered the same). */
    readonly kept: readonly string[];
  }
>;
export type AccreditationAwarded = DomainEvent<'AccreditationAwarded', AwardData>;
export type AccreditationRenewed = DomainEvent<'AccreditationRenewed', AwardData>;
export type AccreditationWithdrawn = DomainEvent<
  'AccreditationWithdrawn',
  { readonly scheme: string; readonly withdrawnOn: CalendarDay; readonly reason: string }
>;
export type RenewalDue = DomainEvent<
  'RenewalDue',
  NoticeData & { readonly daysBefore: RenewalNoticeDays; readonly daysToExpiry: number }
>;
export type AccreditationLapsed = DomainEvent<'AccreditationLapsed', NoticeData>;

export type JourneyEvent =
  | JourneyStarted
  | TargetLevelSet
  | CommitmentStatusRecorded
  | SchemeVersionChanged
  | AccreditationAwarded
  | AccreditationRenewed
  | AccreditationWithdrawn
  | RenewalDue
  | AccreditationLapsed;

// Rules ---------------------------------------------------------------------------------------

function journeyOf(state: JourneyState, scheme: SchemeVersion): Journey {
  if (state.status === 'none') {
    throw new NotFound(`The council has not started on ${scheme.schemeName}`);
  }
  if (state.scheme !== scheme.scheme || state.schemeVersion !== scheme.version) {
    // The handler looks the version up from the journey: a mismatch is a bug, not the client's fault.
    throw new Error(
      `The journey is on ${state.scheme} ${state.schemeVersion}, the command was decided on ${scheme.scheme} ${scheme.version}`,
    );
  }
  return state;
}

function checkedLevel(scheme: SchemeVersion, rank: number, field: string): { rank: number; name: string } {
  const level = levelOf(scheme, rank);
  if (level === undefined) {
    const ranks = scheme.levels.map((known) => `${known.rank} (${known.name})`).join(', ');
    throw new DomainRuleViolation(
      `${scheme.schemeName} ${scheme.version} has no level ${rank}: its levels are ${ranks}`,
      'unknown_level',
      field,
    );
  }
  return level;
}

function checkedDay(day: string, field: string): CalendarDay {
  if (!isCalendarDay(day)) {
    throw new DomainRuleViolation(`"${day}" is not a date: write it as YYYY-MM-DD`, 'invalid_date', field);
  }
  return day;
}

/** The award in force, or lapsed but not yet replaced: the one the sweep looks at. Null after a withdrawal. */
export function currentAward(journey: Journey): Award | null {
  if (journey.status === 'withdrawn') return null;
  return journey.awards.at(-1) ?? null;
}

/** Whether the award has lapsed as of a day (expired the day before or earlier). */
export function hasLapsed(award: Award, asOf: CalendarDay): boolean {
  return award.expiresOn !== null && asOf > award.expiresOn;
}

function sameEvidence(a: CommitmentEvidence, b: CommitmentEvidence): boolean {
  return (
    a.actionIds.length === b.actionIds.length &&
    a.actionIds.every((id, index) => b.actionIds[index] === id) &&
    a.links.length === b.links.length &&
    a.links.every((link, index) => b.links[index]?.title === link.title && b.links[index]?.url === link.url)
  );
}

const NOT_STARTED: CommitmentProgress = { status: 'not-started', actionIds: [], links: [] };

/** Where the journey stands on a commitment: not started until something is recorded. */
export function progressOn(journey: Journey, ref: string): CommitmentProgress {
  return journey.commitments[ref] ?? NOT_STARTED;
}

function decideAward(command: RecordAward, journey: Journey): AccreditationAwarded | AccreditationRenewed {
  const { scheme } = command;
  const level = checkedLevel(scheme, command.level, 'level');
  const awardedOn = checkedDay(command.awardedOn, 'awardedOn');
  if (awardedOn > command.today) {
    throw new DomainRuleViolation(
      'An award is recorded once it is made: the award date cannot be in the future',
      'awarded_in_future',
      'awardedOn',
    );
  }
  const latest = journey.awards.at(-1);
  if (latest !== undefined && awardedOn < latest.awardedOn) {
    throw new DomainRuleViolation(
      `The latest award was made on ${latest.awardedOn}: record awards in the order they were made`,
      'award_before_latest',
      'awardedOn',
    );
  }
  let expiresOn: CalendarDay | null;
  if (command.expiresOn !== undefined) {
    expiresOn = checkedDay(command.expiresOn, 'expiresOn');
    if (expiresOn <= awardedOn) {
      throw new DomainRuleViolation(
        'The expiry date must be after the award date',
        'expiry_not_after_award',
        'expiresOn',
      );
    }
  } else {
    expiresOn = scheme.validityYears === null ? null : addYears(awardedOn, scheme.validityYears);
  }
  const data: AwardData = {
    scheme: scheme.scheme,
    number: journey.awards.length + 1,
    level: level.rank,
    levelName: level.name,
    awardedOn,
    expiresOn,
    expiryComputed: command.expiresOn === undefined && expiresOn !== null,
  };
  // The same level again, with the journey still on the scheme, renews it; anything else is an award.
  const renews = latest !== undefined && latest.level === level.rank && journey.status === 'active';
  return renews ? { type: 'AccreditationRenewed', data } : { type: 'AccreditationAwarded', data };
}

/**
 * What the sweep raises for the current award as of a day: at most one notice, the most pressing
 * that fell due and was not raised. A notice a later one has overtaken (the job did not run in
 * between) is not raised as well: the admins are told once, and what they are told is true.
 */
function decideNotice(command: SweepAwardNotices, journey: Journey): (RenewalDue | AccreditationLapsed)[] {
  const award = currentAward(journey);
  if (award === null || award.expiresOn === null) return [];
  const asOf = checkedDay(command.asOf, 'asOf');
  const notice = {
    scheme: journey.scheme,
    schemeName: command.scheme.schemeName,
    awardNumber: award.number,
    level: award.level,
    levelName: award.levelName,
    expiresOn: award.expiresOn,
    raisedOn: asOf,
  };
  const lapsesOn = addDays(award.expiresOn, 1);
  if (asOf >= lapsesOn) {
    return award.notices.includes('lapsed')
      ? []
      : [{ type: 'AccreditationLapsed', data: { ...notice, dueOn: lapsesOn } }];
  }
  // Most pressing first: 30 days, then 90.
  for (const daysBefore of [...RENEWAL_NOTICE_DAYS].sort((a, b) => a - b)) {
    const dueOn = addDays(award.expiresOn, -daysBefore);
    if (asOf < dueOn) continue;
    const raisedAlready = award.notices.some(
      (raised) => raised === 'lapsed' || Number(raised.slice('renewal-'.length)) <= daysBefore,
    );
    if (raisedAlready) return [];
    return [
      {
        type: 'RenewalDue',
        data: { ...notice, dueOn, daysBefore, daysToExpiry: daysBetween(asOf, award.expiresOn) },
      },
    ];
  }
  return [];
}

/** The notices an event settles for its award: a notice overtakes every earlier one. */
function noticesSettledBy(event: RenewalDue | AccreditationLapsed): AwardNotice[] {
  if (event.type === 'AccreditationLapsed') return ['renewal-90', 'renewal-30', 'lapsed'];
  return RENEWAL_NOTICE_DAYS.filter((days) => days >= event.data.daysBefore).map(
    (days): AwardNotice => `renewal-${days}`,
  );
}

export const journeyDecider: Decider<JourneyCommand, JourneyEvent, JourneyState> = {
  eventTypes: [
    'AccreditationJourneyStarted',
    'AccreditationTargetLevelSet',
    'CommitmentStatusRecorded',
    'AccreditationSchemeVersionChanged',
    'AccreditationAwarded',
    'AccreditationRenewed',
    'AccreditationWithdrawn',
    'RenewalDue',
    'AccreditationLapsed',
  ],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'StartJourney':
        if (state.status !== 'none') {
          throw new DomainConflict(`The council is already on ${command.scheme.schemeName}`, 'journey_started');
        }
        return [
          {
            type: 'AccreditationJourneyStarted',
            data: { scheme: command.scheme.scheme, schemeVersion: command.scheme.version },
          },
        ];
      case 'SetTargetLevel': {
        const journey = journeyOf(state, command.scheme);
        const level = command.level === null ? null : checkedLevel(command.scheme, command.level, 'targetLevel');
        if ((level?.rank ?? null) === journey.targetLevel) return [];
        return [
          {
            type: 'AccreditationTargetLevelSet',
            data: { scheme: journey.scheme, level: level?.rank ?? null, levelName: level?.name ?? null },
          },
        ];
      }
      case 'RecordCommitmentStatus': {
        const journey = journeyOf(state, command.scheme);
        if (commitmentOf(command.scheme, command.ref) === undefined) {
          const refs = command.scheme.commitments.map((commitment) => commitment.ref);
          throw new DomainRuleViolation(
            refs.length === 0
              ? `${command.scheme.schemeName} has no ${command.scheme.commitmentsCalled} to record`
              : `${command.scheme.schemeName} ${command.scheme.version} has no ${command.scheme.commitmentsCalled} "${command.ref}": they are ${refs.join(', ')}`,
            'unknown_commitment',
            'ref',
          );
        }
        if (!COMMITMENT_STATUSES.includes(command.status)) {
          throw new DomainRuleViolation(
            `The status must be ${COMMITMENT_STATUSES.join(', ')}`,
            'invalid_commitment_status',
            'status',
          );
        }
        const actionIds = [...new Set(command.evidence.actionIds)];
        const evidence = { actionIds, links: command.evidence.links };
        const current = progressOn(journey, command.ref);
        if (current.status === command.status && sameEvidence(current, evidence)) return [];
        return [
          {
            type: 'CommitmentStatusRecorded',
            data: { scheme: journey.scheme, ref: command.ref, status: command.status, ...evidence },
          },
        ];
      }
      case 'MoveToSchemeVersion': {
        if (state.status === 'none') {
          throw new NotFound(`The council has not started on ${command.scheme.schemeName}`);
        }
        if (state.schemeVersion === command.scheme.version) return [];
        // Progress carries over where the new version has the same commitment under the same number.
        const kept = Object.keys(state.commitments).filter((ref) => commitmentOf(command.scheme, ref) !== undefined);
        return [
          {
            type: 'AccreditationSchemeVersionChanged',
            data: { scheme: state.scheme, from: state.schemeVersion, to: command.scheme.version, kept },
          },
        ];
      }
      case 'RecordAward':
        return [decideAward(command, journeyOf(state, command.scheme))];
      case 'WithdrawAccreditation': {
        const journey = journeyOf(state, command.scheme);
        if (journey.status === 'withdrawn') {
          throw new DomainConflict(
            `The council withdrew from ${command.scheme.schemeName} on ${journey.withdrawnOn ?? 'an earlier date'}`,
            'already_withdrawn',
          );
        }
        const withdrawnOn = checkedDay(command.withdrawnOn, 'withdrawnOn');
        const reason = command.reason.trim();
        if (reason.length === 0) {
          throw new DomainRuleViolation('Say why the council is withdrawing', 'reason_required', 'reason');
        }
        return [{ type: 'AccreditationWithdrawn', data: { scheme: journey.scheme, withdrawnOn, reason } }];
      }
      case 'SweepAwardNotices':
        return state.status === 'none' ? [] : decideNotice(command, journeyOf(state, command.scheme));
    }
  },

  evolve(state, event) {
    if (event.type === 'AccreditationJourneyStarted') {
      return {
        status: 'active',
        scheme: event.data.scheme,
        schemeVersion: event.data.schemeVersion,
        targetLevel: null,
        commitments: {},
        awards: [],
        withdrawnOn: null,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'AccreditationTargetLevelSet':
        return { ...state, targetLevel: event.data.level };
      case 'CommitmentStatusRecorded': {
        const { status, actionIds, links } = event.data;
        return { ...state, commitments: { ...state.commitments, [event.data.ref]: { status, actionIds, links } } };
      }
      case 'AccreditationSchemeVersionChanged':
        return {
          ...state,
          schemeVersion: event.data.to,
          commitments: Object.fromEntries(
            Object.entries(state.commitments).filter(([ref]) => event.data.kept.includes(ref)),
          ),
        };
      case 'AccreditationAwarded':
      case 'AccreditationRenewed': {
        const { number, level, levelName, awardedOn, expiresOn, expiryComputed } = event.data;
        const award: Award = {
          number,
          level,
          levelName,
          awardedOn,
          expiresOn,
          expiryComputed,
          renewal: event.type === 'AccreditationRenewed',
          notices: [],
        };
        return { ...state, status: 'active', withdrawnOn: null, awards: [...state.awards, award] };
      }
      case 'AccreditationWithdrawn':
        return { ...state, status: 'withdrawn', withdrawnOn: event.data.withdrawnOn };
      case 'RenewalDue':
      case 'AccreditationLapsed': {
        const settled = noticesSettledBy(event);
        return {
          ...state,
          awards: state.awards.map((award) =>
            award.number === event.data.awardNumber
              ? { ...award, notices: [...new Set([...award.notices, ...settled])] }
              : award,
          ),
        };
      }
    }
  },
};
