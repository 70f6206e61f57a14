// The accreditations bounded context: the versioned catalogue of schemes, each council's journey on a scheme, awards, renewals and lapses.
export * from './catalogue/accreditation-catalogue.js';
export * from './domain/accreditation.js';
export * from './domain/award-dates.js';
export * from './domain/scheme.js';
export * from './policy/accreditations.policy.js';
