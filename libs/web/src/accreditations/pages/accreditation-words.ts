import {
  COMMITMENT_STATUSES,
  type AccreditationView,
  type AwardView,
  type CommitmentStatus,
} from '@due-regard/accreditations';
import { ukDate } from '../../rendering/uk-dates.js';

/** What govukTag takes. */
export interface Tag {
  readonly text: string;
  readonly classes: string;
}

const COMMITMENT_TAGS: Readonly<Record<CommitmentStatus, Tag>> = {
  'not-started': { text: 'Not started', classes: 'govuk-tag--grey' },
  'in-progress': { text: 'In progress', classes: 'govuk-tag--blue' },
  met: { text: 'Met', classes: 'govuk-tag--green' },
};

const STANDING_TAGS: Readonly<Record<AwardView['standing'], Tag>> = {
  current: { text: 'Current', classes: 'govuk-tag--green' },
  'renewal-due': { text: 'Renewal due', classes: 'govuk-tag--yellow' },
  lapsed: { text: 'Lapsed', classes: 'govuk-tag--red' },
  superseded: { text: 'Replaced', classes: 'govuk-tag--grey' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
};

export const commitmentTag = (status: CommitmentStatus): Tag => COMMITMENT_TAGS[status];
export const standingTag = (standing: AwardView['standing']): Tag => STANDING_TAGS[standing];

/** Radios' items for a commitment's status. */
export function commitmentStatusItems(checked: string): { value: string; text: string; checked: boolean }[] {
  return COMMITMENT_STATUSES.map((status) => ({
    value: status,
    text: COMMITMENT_TAGS[status].text,
    checked: status === checked,
  }));
}

/** "Pledges" for the BSL Charter: what the scheme calls its commitments, capitalised for a heading. */
export function commitmentsHeading(accreditation: Pick<AccreditationView, 'commitmentsCalled'>): string {
  const called = accreditation.commitmentsCalled;
  return `${called.charAt(0).toUpperCase()}${called.slice(1)}`;
}

/** A row of the overview: each scheme with its level, expiry, next step and commitments met. */
export function overviewRow(accreditation: AccreditationView): {
  readonly href: string;
  readonly name: string;
  readonly level: string;
  readonly expires: string;
  readonly standing: Tag | null;
  readonly nextStep: string;
  readonly commitments: string;
} {
  const award = accreditation.currentAward;
  return {
    href: `/accreditations/${accreditation.scheme}`,
    name: accreditation.name,
    level: award?.levelName ?? (accreditation.status === 'not-started' ? 'Not started' : 'None held'),
    expires: award === null ? '' : award.expiresOn === null ? 'Does not expire' : ukDate(award.expiresOn),
    standing: award === null ? null : standingTag(award.standing),
    nextStep: accreditation.nextStep.text,
    commitments:
      accreditation.commitmentsTotal === 0
        ? 'None in the scheme'
        : `${accreditation.commitmentsMet} of ${accreditation.commitmentsTotal} met`,
  };
}
