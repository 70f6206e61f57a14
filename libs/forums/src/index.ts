// The forums bounded context: regional equalities forums, councils' consent with a scope, and the comparison.
export * from './domain/forum.js';
export * from './domain/consent.js';
export * from './policy/forums.policy.js';
export * from './forums.module.js';
export * from './demo/demo-forum.seeder.js';
export * from './read-models/comparison-figures.js';
export * from './read-models/forums-read-queries.js';
export * from './application/get-comparison/comparison-reader.js';
export * from './application/get-comparison/get-comparison.query.js';
export type { ComparisonView } from './application/get-comparison/get-comparison.view.js';
export type { ForumInvitationsView } from './application/list-invitations/list-invitations.view.js';
// Commands the web's forms send, as the API does, and the bodies they validate with.
export * from './application/create-forum/create-forum.command.js';
export * from './application/invite-council/invite-council.command.js';
export * from './application/give-consent/give-consent.command.js';
export * from './application/withdraw-consent/withdraw-consent.command.js';
export * from './application/change-comparison-settings/change-comparison-settings.command.js';
export { inviteCouncilBody, type InviteCouncilBody } from './application/invite-council/invite-council.body.js';
export {
  giveConsentBody,
  consentScopeBody,
  type GiveConsentBody,
} from './application/give-consent/give-consent.body.js';
export {
  changeComparisonSettingsBody,
  type ChangeComparisonSettingsBody,
} from './application/change-comparison-settings/change-comparison-settings.body.js';
