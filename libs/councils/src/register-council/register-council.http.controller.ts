import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { PlatformAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { storableText } from '@due-regard/shared-kernel';
import { COUNCIL_TYPES, DEFAULT_COUNCIL_SETTINGS, NATIONS } from '../domain/council.js';
import { RegisterCouncilCommand } from './register-council.command.js';
import { QUARTER_CONVENTIONS } from '@due-regard/shared-kernel';

export const registerCouncilBody = z.strictObject({
  slug: storableText.describe('The sub-domain: lowercase letters, digits and hyphens, e.g. "charnwood"'),
  name: storableText.min(1, 'Enter the council name').max(200),
  type: z.enum(COUNCIL_TYPES),
  nation: z.enum(NATIONS),
  region: storableText.min(1, 'Enter the region').max(100),
  quarterConvention: z
    .enum(QUARTER_CONVENTIONS)
    .optional()
    .describe('How a bare "Q1 2024" reads: calendar (January-March, the default) or financial (April-June)'),
});

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
    @Body(new ZodValidationPipe(registerCouncilBody)) body: z.output<typeof registerCouncilBody>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{
    slug: string;
    name: string;
    type: string;
    nation: string;
    region: string;
    settings: { quarterConvention: string };
    version: number;
  }> {
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
      settings: { quarterConvention: quarterConvention ?? DEFAULT_COUNCIL_SETTINGS.quarterConvention },
      version: result.version,
    };
  }
}
