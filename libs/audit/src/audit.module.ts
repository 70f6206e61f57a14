import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@due-regard/commands';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { TakeCheckpointHandler } from './application/take-checkpoint/take-checkpoint.handler.js';
import { TakeCheckpointHttpController } from './application/take-checkpoint/take-checkpoint.http.controller.js';
import { VerifyIntegrityHttpController } from './application/verify-integrity/verify-integrity.http.controller.js';
import { ExportEvidenceHttpController } from './application/export-evidence/export-evidence.http.controller.js';
import { EvidenceExporter } from './integrity/evidence-export.js';
import { IntegrityVerifier } from './integrity/integrity-verifier.js';

/** What the CLI, the API and the audit jobs share: verifying a council's log and taking its checkpoints. */
@Module({
  imports: [CqrsModule, CommandsModule],
  providers: [IntegrityVerifier, EvidenceExporter, TakeCheckpointHandler, { provide: CLOCK, useValue: systemClock }],
  exports: [IntegrityVerifier, EvidenceExporter, TakeCheckpointHandler, CLOCK],
})
export class AuditCoreModule {}

/** The audit API (/api/v1/audit): verify, checkpoints, export. */
@Module({
  imports: [CqrsModule, AuditCoreModule],
  controllers: [VerifyIntegrityHttpController, TakeCheckpointHttpController, ExportEvidenceHttpController],
})
export class AuditModule {}
