import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CouncilAccess } from '@due-regard/identity';
import { rolesFor } from '../../policy/audit.policy.js';
import { TakeCheckpointCommand } from './take-checkpoint.command.js';
import type { CheckpointView } from './take-checkpoint.view.js';

@ApiTags('Audit')
@Controller('api/v1/audit/checkpoints')
export class TakeCheckpointHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @CouncilAccess(...rolesFor('takeCheckpoint'))
  @ApiCreatedResponse({
    description:
      "A signed checkpoint of the council's stream heads (Ed25519, the key outside the database), chained to the previous one and kept in the event store. Roles: auditor, council-admin.",
  })
  @ApiConflictResponse({ description: 'The log does not verify now: no checkpoint seals a broken log.' })
  take(): Promise<CheckpointView> {
    return this.commandBus.execute(new TakeCheckpointCommand());
  }
}
