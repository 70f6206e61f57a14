import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CouncilDirectory, DEMO_COUNCILS } from '@due-regard/councils';
import { AppConfig } from '@due-regard/platform';
import { DemoPlans } from './demo-plans.js';

/**
 * On a start with demo data (DEMO_DATA, never in production), imports the demo councils' plans
 * into each demo council that has no strategy yet. It runs after the demo councils are registered:
 * CouncilsModule is global, and Nest runs global modules' bootstrap hooks (DemoCouncilsSeeder's)
 * before any other module's; this one also reads the council directory before it starts.
 *
 * Under NODE_ENV=test it stays off: the test suites start the whole app on fresh databases and
 * count the plans they create themselves. `npm start` (development) seeds.
 */
@Injectable()
export class DemoPlansSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly config: AppConfig,
    private readonly directory: CouncilDirectory,
    private readonly demo: DemoPlans,
  ) {}

  enabled(): boolean {
    return this.config.identity.demoData && this.config.http.nodeEnv === 'development';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled()) return;
    await this.directory.catchUp();
    const councils: string[] = [];
    for (const council of DEMO_COUNCILS) {
      if ((await this.directory.find(council.slug)) !== null) councils.push(council.slug);
    }
    try {
      await this.demo.seed({ councils });
    } catch (error) {
      // The app is usable without the demo plans: say why they are missing and carry on.
      this.logger.error(
        `The demo plans could not be imported: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
