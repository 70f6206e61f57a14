// Notifications: the port every email goes through, its GOV.UK Notify, SMTP and development-outbox adapters.
export * from './notifier.js';
export * from './govuk-notify.notifier.js';
export * from './smtp.notifier.js';
export * from './outbox.notifier.js';
export * from './notifications.config.js';
export * from './notifications.module.js';
