import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandRunner } from '@due-regard/commands';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { auditReadsDecider } from '../../domain/audit-reads.js';
import { auditStreams } from '../../integrity/audit-streams.js';
import { rolesFor } from '../../policy/audit.policy.js';
import { AuditLogReader } from './audit-log-reader.js';
import { auditLogQuery, type AuditLogQuery } from './read-audit-log.body.js';
import type { AuditLogPage } from './read-audit-log.view.js';

@ApiTags('Audit')
@Controller('api/v1/audit/log')
export class ReadAuditLogHttpController {
  constructor(
    private readonly reader: AuditLogReader,
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('readAuditLog'))
  @ApiOkResponse({
    description:
      "The council's change log, newest first, one entry per change (a command that touched several streams is one entry): who (name looked up, id kept), when, each event's fields old → new, why, correlation and causation. Filters: from, to, stream (or its start), actor, type, source; page, pageSize. Each read is itself recorded (AuditLogRead). Roles: auditor, council-admin.",
  })
  async read(@Query(new ZodValidationPipe(auditLogQuery)) query: AuditLogQuery): Promise<AuditLogPage> {
    const council = this.context.councilSlug();
    const page = await this.reader.read(council, query);
    const stream = auditStreams.reads(council);
    const { page: pageNumber, pageSize, ...filters } = query;
    await this.runner.run(async (session) => {
      const { state } = await session.load(stream, auditReadsDecider);
      session.record(
        stream,
        auditReadsDecider.decide(
          {
            type: 'RecordAuditLogRead',
            filters: { ...filters, pageSize },
            page: pageNumber,
            entries: page.entries.length,
          },
          state,
        ),
      );
      return {};
    });
    return page;
  }
}
