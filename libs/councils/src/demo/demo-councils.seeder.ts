import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConcurrencyError } from '@due-regard/event-store';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { CouncilDirectory } from '../directory/council-directory.js';
import { RegisterCouncilCommand } from '../register-council/register-council.command.js';
import { RegisterCouncilHandler } from '../register-council/register-council.handler.js';
import { DEMO_COUNCILS } from './demo-councils.js';

export interface DemoOptions {
  /** False in production and when DEMO_DATA=false. */
  readonly enabled: boolean;
}

export const DEMO_OPTIONS = Symbol('DemoOptions');

/** On a first start with no councils, registers the demo councils so their sub-domains resolve. */
@Injectable()
export class DemoCouncilsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(DEMO_OPTIONS) private readonly options: DemoOptions,
    private readonly directory: CouncilDirectory,
    // The handler itself: the command bus registers its handlers only once the application has booted.
    private readonly registerCouncil: RegisterCouncilHandler,
    private readonly context: RequestContext,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    await this.directory.catchUp();
    if (this.directory.list().length > 0) return;
    await this.context.run(
      { tenant: { kind: 'platform' }, correlationId: 'demo-seed', source: 'system', principal: SYSTEM_PRINCIPAL },
      async () => {
        for (const council of DEMO_COUNCILS) {
          try {
            await this.registerCouncil.execute(new RegisterCouncilCommand(council));
            this.logger.log(`Registered demo council ${council.name} (${council.slug})`);
          } catch (error) {
            // Another process starting at the same moment registered it first.
            if (!(error instanceof ConcurrencyError)) throw error;
          }
        }
      },
    );
    await this.directory.catchUp();
  }
}
