import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { Database } from '../database/database.js';
import { ProblemException } from '../http/problem-details.js';
import { RedisConnection } from '../redis/redis-connection.js';
import { Public } from '@due-regard/identity';
import { INTEGRITY_ALARMS, type IntegrityAlarm, type IntegrityAlarms } from './integrity-alarms.js';

/** Up, but a council's log failed verification: the audit context's alarm, with the streams named. */
export type DegradedHealth = Omit<HealthCheckResult, 'status'> & {
  readonly status: 'degraded';
  readonly integrity: readonly IntegrityAlarm[];
};

const CHECK_TIMEOUT_MS = 3_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: Database,
    private readonly redis: RedisConnection,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Optional() @Inject(INTEGRITY_ALARMS) private readonly integrity: IntegrityAlarms | null = null,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({
    description:
      "PostgreSQL, Redis and the event store all answer: `ok`; or `degraded` when a council's log failed verification (`integrity` names the council and the broken streams).",
  })
  @ApiServiceUnavailableResponse({
    description: 'A component is down: problem details with each check under `checks`.',
  })
  async check(): Promise<HealthCheckResult | DegradedHealth> {
    const result = await this.components();
    const alarms = (await this.integrity?.raised()) ?? [];
    return alarms.length === 0 ? result : { ...result, status: 'degraded', integrity: alarms };
  }

  private async components(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () =>
          this.indicators
            .check('postgres')
            .attempt(() => this.database.ping())
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('redis')
            .attempt(() => this.redis.ping())
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('eventStore')
            .attempt(() => this.eventStore.ping())
            .withTimeout(CHECK_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse();
      const checks = typeof result === 'object' && 'details' in result ? result.details : undefined;
      const down =
        checks !== null && typeof checks === 'object'
          ? Object.entries(checks)
              .filter(
                ([, check]: [string, unknown]) =>
                  !(typeof check === 'object' && check !== null && 'status' in check && check.status === 'up'),
              )
              .map(([name]) => name)
          : [];
      throw new ProblemException({
        status: 503,
        title: 'Service Unavailable',
        detail: down.length > 0 ? `Down: ${down.join(', ')}` : 'A component is down',
        extensions: { checks },
      });
    }
  }
}
