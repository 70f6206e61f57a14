import { longUkDate } from '@due-regard/shared-kernel';
import type { CatalogueScheme } from '../../catalogue/accreditation-catalogue.js';
import {
  currentAward,
  hasLapsed,
  progressOn,
  RENEWAL_NOTICE_DAYS,
  type Award,
  type Journey,
  type JourneyState,
} from '../../domain/accreditation.js';
import { addDays, type CalendarDay } from '../../domain/award-dates.js';
import { levelOf, type SchemeVersion } from '../../domain/scheme.js';
import type { LinkedAction } from '../shared/journeys.js';
import type { AccreditationView, AwardView, CommitmentView } from './get-accreditations.view.js';

/** The first renewal notice falls this many days before expiry. */
const FIRST_NOTICE_DAYS = Math.max(...RENEWAL_NOTICE_DAYS);

const words = (day: CalendarDay): string => longUkDate(day) ?? day;

export function renewalDueOn(award: Pick<Award, 'expiresOn'>): CalendarDay | null {
  return award.expiresOn === null ? null : addDays(award.expiresOn, -FIRST_NOTICE_DAYS);
}

/** An award as answers show it, standing as of `today` within its journey. */
export function awardView(award: Award, journey: Journey, today: CalendarDay): AwardView {
  const current = currentAward(journey);
  const renewalDue = renewalDueOn(award);
  const standing =
    current === null
      ? 'withdrawn'
      : current.number !== award.number
        ? 'superseded'
        : hasLapsed(award, today)
          ? 'lapsed'
          : renewalDue !== null && today >= renewalDue
            ? 'renewal-due'
            : 'current';
  return {
    number: award.number,
    level: award.level,
    levelName: award.levelName,
    awardedOn: award.awardedOn,
    expiresOn: award.expiresOn,
    expiryComputed: award.expiryComputed,
    renewal: award.renewal,
    renewalDueOn: renewalDue,
    standing,
  };
}

/** What the council should do next on a scheme, in a line an officer reads on the overview. */
export function nextStep(
  journey: Journey | null,
  scheme: SchemeVersion,
  met: number,
  today: CalendarDay,
): AccreditationView['nextStep'] {
  if (journey === null) return { kind: 'start', text: `Start working towards ${scheme.schemeName}` };
  if (journey.status === 'withdrawn') {
    return { kind: 'withdrawn', text: `Withdrew on ${words(journey.withdrawnOn ?? today)}` };
  }
  const award = currentAward(journey);
  if (award?.expiresOn != null && hasLapsed(award, today)) {
    return { kind: 'renew-lapsed', text: `Renew: ${award.levelName} expired on ${words(award.expiresOn)}` };
  }
  const renewalDue = award === null ? null : renewalDueOn(award);
  if (award?.expiresOn != null && renewalDue !== null && today >= renewalDue) {
    return { kind: 'renew', text: `Renew ${award.levelName} before ${words(award.expiresOn)}` };
  }
  const target = journey.targetLevel === null ? undefined : levelOf(scheme, journey.targetLevel);
  if (target !== undefined && (award === null || award.level < target.rank)) {
    return { kind: 'work-towards-target', text: `Work towards ${target.name}` };
  }
  const total = scheme.commitments.length;
  if (award === null) {
    return met < total
      ? { kind: 'meet-commitments', text: `Meet the ${total - met} ${scheme.commitmentsCalled} not yet met` }
      : { kind: 'record-award', text: 'Record the award when it is made' };
  }
  return award.expiresOn === null
    ? { kind: 'keep-up', text: `Keep up ${award.levelName}` }
    : { kind: 'keep-up', text: `Renewal due from ${words(renewalDue ?? award.expiresOn)}` };
}

/** A scheme as the council stands on it, for `GET /api/v1/accreditations` and the pages. */
export function accreditationView(
  catalogueScheme: CatalogueScheme,
  scheme: SchemeVersion,
  loaded: { readonly state: JourneyState; readonly version: number },
  linked: ReadonlyMap<string, LinkedAction>,
  today: CalendarDay,
): AccreditationView {
  const journey = loaded.state.status === 'none' ? null : loaded.state;
  const commitments: CommitmentView[] = scheme.commitments.map((commitment) => {
    const progress = journey === null ? null : progressOn(journey, commitment.ref);
    const actionIds = progress?.actionIds ?? [];
    return {
      ref: commitment.ref,
      text: commitment.text,
      status: progress?.status ?? 'not-started',
      actionIds: [...actionIds],
      actions: actionIds.flatMap((id) => {
        const action = linked.get(id);
        return action === undefined ? [] : [action];
      }),
      links: (progress?.links ?? []).map((link) => ({ ...link })),
    };
  });
  const met = commitments.filter((commitment) => commitment.status === 'met').length;
  const award = journey === null ? null : currentAward(journey);
  const target = journey?.targetLevel == null ? undefined : levelOf(scheme, journey.targetLevel);
  return {
    scheme: catalogueScheme.key,
    name: catalogueScheme.name,
    owner: catalogueScheme.owner,
    status: journey === null ? 'not-started' : journey.status,
    schemeVersion: scheme.version,
    newestVersion: catalogueScheme.versions.at(-1)?.version ?? scheme.version,
    levels: scheme.levels.map(({ rank, name }) => ({ rank, name })),
    validityYears: scheme.validityYears,
    targetLevel: target === undefined ? null : { rank: target.rank, name: target.name },
    currentAward: journey === null || award === null ? null : awardView(award, journey, today),
    awards: journey === null ? [] : journey.awards.map((each) => awardView(each, journey, today)),
    withdrawnOn: journey?.withdrawnOn ?? null,
    commitmentsCalled: scheme.commitmentsCalled,
    commitments,
    commitmentsMet: met,
    commitmentsTotal: commitments.length,
    nextStep: nextStep(journey, scheme, met, today),
    version: loaded.version,
  };
}
