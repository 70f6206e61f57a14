// Reminders: the daily sweep of a council (reminders to lead teams, accreditation notices to admins), who they go to, and its queue.
export * from './recipients/recipients.js';
export * from './recipients/realm-export.recipients.js';
export * from './recipients/keycloak-group.recipients.js';
export * from './sweep/tracking-sweep.js';
export * from './reminders.module.js';
export * from './sweep/reminders-queue.js';
export * from './domain/reminder-preference.js';
export * from './policy/reminders.policy.js';
export * from './application/set-reminder-preference/reminder-preferences.js';
export * from './application/set-reminder-preference/set-reminder-preference.body.js';
