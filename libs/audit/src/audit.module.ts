import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@due-regard/commands';
import { CouncilDirectory } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { INTEGRITY_ALARMS } from '@due-regard/platform';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { TakeCheckpointHandler } from './application/take-checkpoint/take-checkpoint.handler.js';
import { TakeCheckpointHttpController } from './application/take-checkpoint/take-checkpoint.http.controller.js';
import { VerifyIntegrityHttpController } from './application/verify-integrity/verify-integrity.http.controller.js';
import { ComparePlanHttpController } from './application/compare-plan/compare-plan.http.controller.js';
import { AuditLogReader } from './application/read-audit-log/audit-log-reader.js';
import { ReadAuditLogHttpController } from './application/read-audit-log/read-audit-log.http.controller.js';
import { ExportEvidenceHttpController } from './application/export-evidence/export-evidence.http.controller.js';
import { EvidenceExporter } from './integrity/evidence-export.js';
import { IntegrityVerifier } from './integrity/integrity-verifier.js';
import { IntegrityAlarmReader } from './alarm/integrity-alarm-reader.js';
import { IntegrityCheck } from './alarm/integrity-check.js';
import { AuditJobs, AuditProcessor, auditQueue, AuditScheduler } from './jobs/audit-queue.js';

/** What the CLI, the API and the audit jobs share: verifying a council's log and taking its checkpoints. */
@Module({
  imports: [CqrsModule, CommandsModule],
  providers: [IntegrityVerifier, EvidenceExporter, TakeCheckpointHandler, { provide: CLOCK, useValue: systemClock }],
  exports: [IntegrityVerifier, EvidenceExporter, TakeCheckpointHandler, CLOCK],
})
export class AuditCoreModule {}

/** Each council's integrity alarm, for /health (through the platform's INTEGRITY_ALARMS port) and the pages. */
@Global()
@Module({
  providers: [IntegrityAlarmReader, { provide: INTEGRITY_ALARMS, useExisting: IntegrityAlarmReader }],
  exports: [IntegrityAlarmReader, INTEGRITY_ALARMS],
})
export class AuditAlarmsModule {}

/** The audit API (/api/v1/audit): verify, checkpoints, export. */
@Module({
  imports: [CqrsModule, CommandsModule, AuditCoreModule, AuditAlarmsModule],
  providers: [AuditLogReader],
  exports: [AuditCoreModule, AuditLogReader],
  controllers: [
    VerifyIntegrityHttpController,
    TakeCheckpointHttpController,
    ExportEvidenceHttpController,
    ReadAuditLogHttpController,
    ComparePlanHttpController,
  ],
})
export class AuditModule {}

/**
 * The job's request context for the write path: the worker process has no identity module, and the
 * one write path (CommandsModule) reads the context from a global provider.
 */
@Global()
@Module({ providers: [RequestContext], exports: [RequestContext] })
class AuditJobContextModule {}

/** The worker's side: the `audit` queue, its daily scheduler, a run at start, and its processor. */
@Module({
  imports: [AuditJobContextModule, AuditCoreModule, CommandsModule, auditQueue],
  providers: [CouncilDirectory, IntegrityCheck, AuditJobs, AuditScheduler, AuditProcessor],
  exports: [AuditJobs],
})
export class AuditJobsModule {}
