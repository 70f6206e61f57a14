import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CouncilAccess } from '@due-regard/identity';
import { Notifier } from './notifier.js';
import { OutboxNotifier, type OutboxMessage } from './outbox.notifier.js';

/** Development only: what the service would have emailed. A 404 wherever a real notifier sends. */
@ApiExcludeController()
@Controller('api/v1/dev/outbox')
export class OutboxHttpController {
  constructor(private readonly notifier: Notifier) {}

  @Get()
  @CouncilAccess('council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor')
  async list(): Promise<{ readonly messages: readonly OutboxMessage[] }> {
    if (!(this.notifier instanceof OutboxNotifier)) throw new NotFoundException();
    return { messages: await this.notifier.messages() };
  }
}
