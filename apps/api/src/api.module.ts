import { Module } from '@nestjs/common';
import { HealthModule, HttpPlatformModule } from '@due-regard/platform';

/** The HTTP side: health and OpenAPI now; the JSON API (/api/v1) and the web UI come here. */
@Module({
  imports: [HttpPlatformModule, HealthModule],
})
export class ApiModule {}
