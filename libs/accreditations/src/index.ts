// The accreditations bounded context: the versioned catalogue of schemes, each council's journey on a scheme, awards, renewals and lapses.
export * from './catalogue/accreditation-catalogue.js';
export * from './domain/accreditation.js';
export * from './domain/award-dates.js';
export * from './domain/scheme.js';
export * from './policy/accreditations.policy.js';
export * from './accreditations.module.js';
export * from './application/get-accreditations/accreditations.reader.js';
export * from './application/plan-journey/plan-journey.command.js';
export * from './application/record-award/record-award.command.js';
export * from './application/withdraw-accreditation/withdraw-accreditation.command.js';
export * from './sweep/award-notice-sweep.js';
export * from './sweep/accreditations-queue.js';
export type { LinkedAction, JourneyChange } from './application/shared/journeys.js';
// What the API answers, and the bodies the web's forms validate with, as the API does.
export * from './application/get-accreditations/get-accreditations.view.js';
export { awardRecordedSchema, type AwardRecordedView } from './application/record-award/record-award.view.js';
export {
  planJourneyBody,
  commitmentBody,
  type PlanJourneyBody,
  type CommitmentBody,
} from './application/plan-journey/plan-journey.body.js';
export { recordAwardBody, type RecordAwardBody } from './application/record-award/record-award.body.js';
export {
  withdrawAccreditationBody,
  type WithdrawAccreditationBody,
} from './application/withdraw-accreditation/withdraw-accreditation.body.js';
