import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/audit.policy.js';
import { AuditLogReader } from './audit-log-reader.js';
import { auditLogQuery, type AuditLogQuery } from './read-audit-log.body.js';
import type { AuditLogPage } from './read-audit-log.view.js';

@ApiTags('Audit')
@Controller('api/v1/audit/log')
export class ReadAuditLogHttpController {
  constructor(
    private readonly reader: AuditLogReader,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('readAuditLog'))
  @ApiOkResponse({
    description:
      "The council's change log, newest first, one entry per change (a command that touched several streams is one entry): who (name looked up, id kept), when, each event's fields old → new, why, correlation and causation. Filters: from, to, stream (or its start), actor, type, source; page, pageSize. Each read is itself recorded (AuditLogRead). Roles: auditor, council-admin.",
  })
  read(@Query(new ZodValidationPipe(auditLogQuery)) query: AuditLogQuery): Promise<AuditLogPage> {
    return this.reader.readRecorded(this.context.councilSlug(), query);
  }
}
