import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { PlatformAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { createForumBody, type CreateForumBody } from './create-forum.body.js';
import { CreateForumCommand } from './create-forum.command.js';
import type { CreatedForum } from './create-forum.view.js';

@ApiTags('Forums')
@Controller('api/v1/forums')
@UseInterceptors(IdempotencyInterceptor)
export class CreateForumHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @PlatformAccess()
  @ApiBody({ schema: z.toJSONSchema(createForumBody, { target: 'openapi-3.0' }) as object })
  @ApiCreatedResponse({ description: 'The forum exists; its coordinators invite councils.' })
  async create(
    @Body(new ZodValidationPipe(createForumBody)) body: CreateForumBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedForum> {
    const themes = (body.themes ?? []).map((theme) => theme.trim());
    const forum = { slug: body.slug, name: body.name.trim(), region: body.region.trim() };
    const result = await this.commandBus.execute(new CreateForumCommand(forum, themes));
    response.setHeader('ETag', `"${result.version}"`);
    response.setHeader('Location', `/forums/${forum.slug}`);
    return { ...forum, themes, version: result.version };
  }
}
