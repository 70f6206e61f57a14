// The audit bounded context: verifying a council's log, signed checkpoints, the evidence export.
export * from './domain/checkpoint-chain.js';
export * from './domain/integrity-alarm.js';
export * from './policy/audit.policy.js';
export * from './integrity/audit-streams.js';
export * from './integrity/checkpoint-format.js';
export * from './integrity/integrity-verifier.js';
export * from './integrity/evidence-export.js';
export * from './application/take-checkpoint/take-checkpoint.command.js';
export * from './application/take-checkpoint/take-checkpoint.view.js';
export * from './application/verify-integrity/verify-integrity.view.js';
export * from './audit.module.js';
export * from './alarm/integrity-alarm-reader.js';
export * from './alarm/integrity-check.js';
export * from './jobs/audit-queue.js';
