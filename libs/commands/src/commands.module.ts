import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { CommandRunner } from './command-runner.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';

/**
 * The one write path for every context's command handlers (CommandRunner), and Idempotency-Key
 * for their routes. Needs the global EVENT_STORE, Database and RequestContext.
 */
@Module({
  providers: [{ provide: CLOCK, useValue: systemClock }, CommandRunner, IdempotencyStore, IdempotencyInterceptor],
  exports: [CommandRunner, IdempotencyStore, IdempotencyInterceptor],
})
export class CommandsModule {}
