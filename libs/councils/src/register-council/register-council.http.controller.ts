import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { PlatformAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { DEFAULT_COUNCIL_SETTINGS } from '../domain/council.js';
import { registerCouncilBody, type RegisterCouncilBody } from './register-council.body.js';
import { RegisterCouncilCommand } from './register-council.command.js';
import type { RegisteredCouncil } from './register-council.view.js';

@ApiTags('Councils')
@Controller('api/v1/councils')
export class RegisterCouncilHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @PlatformAccess()
  @ApiBody({ schema: z.toJSONSchema(registerCouncilBody, { target: 'openapi-3.0' }) as object })
  @ApiCreatedResponse({ description: 'The council is registered; its sub-domain resolves at once.' })
  async register(
    @Body(new ZodValidationPipe(registerCouncilBody)) body: RegisterCouncilBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredCouncil> {
    const { slug, name, type, nation, region, quarterConvention } = body;
    const result = await this.commandBus.execute(
      new RegisterCouncilCommand(
        { slug, name, councilType: type, nation, region },
        quarterConvention === undefined ? undefined : { quarterConvention },
      ),
    );
    response.setHeader('ETag', `"${result.version}"`);
    response.setHeader('Location', `/api/v1/councils/${slug}`);
    return {
      slug,
      name: name.trim(),
      type,
      nation,
      region: region.trim(),
      settings: {
        quarterConvention: quarterConvention ?? DEFAULT_COUNCIL_SETTINGS.quarterConvention,
        updateCycle: DEFAULT_COUNCIL_SETTINGS.updateCycle,
      },
      version: result.version,
    };
  }
}
