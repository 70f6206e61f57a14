import { Body, Controller, Get, Put, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/reminders.policy.js';
import { ReminderPreferences } from './reminder-preferences.js';
import { setReminderPreferenceBody, type SetReminderPreferenceBody } from './set-reminder-preference.body.js';
import { reminderPreferenceSchema, type ReminderPreferenceView } from './set-reminder-preference.view.js';

/** The signed-in person's own choice of reminders in the council: read it, turn them off or on. */
@ApiTags('Reminders')
@Controller('api/v1/me/reminders')
export class SetReminderPreferenceHttpController {
  constructor(
    private readonly preferences: ReminderPreferences,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('chooseOwnReminders'))
  @ApiOkResponse({ schema: z.toJSONSchema(reminderPreferenceSchema, { target: 'openapi-3.0' }) as object })
  async read(): Promise<ReminderPreferenceView> {
    return { enabled: await this.preferences.enabled(this.context.councilSlug(), this.context.principal().subject) };
  }

  @Put()
  @UseInterceptors(IdempotencyInterceptor)
  @CouncilAccess(...rolesFor('chooseOwnReminders'))
  @ApiOperation({
    summary: 'Turn your reminders off or on',
    description: 'Reminders of updates and due dates, digests and notices are not emailed to you while off.',
  })
  @ApiBody({ schema: z.toJSONSchema(setReminderPreferenceBody, { target: 'openapi-3.0', io: 'input' }) as object })
  @ApiOkResponse({ schema: z.toJSONSchema(reminderPreferenceSchema, { target: 'openapi-3.0' }) as object })
  set(
    @Body(new ZodValidationPipe(setReminderPreferenceBody)) body: SetReminderPreferenceBody,
  ): Promise<ReminderPreferenceView> {
    return this.preferences.set(this.context.councilSlug(), this.context.principal().subject, body.enabled);
  }
}
