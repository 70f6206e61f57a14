import { Controller, Get, Inject, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { EvidenceExporter } from '../../integrity/evidence-export.js';
import { rolesFor } from '../../policy/audit.policy.js';

@ApiTags('Audit')
@Controller('api/v1/audit/export')
export class ExportEvidenceHttpController {
  constructor(
    private readonly exporter: EvidenceExporter,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('exportAuditLog'))
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      "The council's evidence as a zip: events.jsonl (each event as hashed, with its hash), checkpoints.jsonl, public-key.pem, README.txt. Check it offline with `node tools/verify-export.mjs`. Roles: auditor, council-admin.",
  })
  async export(@Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const council = this.context.councilSlug();
    const takenAt = this.clock.now();
    const { zip } = await this.exporter.export(council, takenAt);
    const stamp = takenAt.toISOString().replace(/[:.]/g, '-');
    response.setHeader('Content-Type', 'application/zip');
    response.setHeader('Content-Disposition', `attachment; filename="${council}-audit-${stamp}.zip"`);
    return new StreamableFile(zip);
  }
}
