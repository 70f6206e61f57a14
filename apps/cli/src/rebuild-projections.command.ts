import { Command, CommandRunner, Option } from 'nest-commander';
import { CouncilDirectory } from '@due-regard/councils';
import { CouncilRebuilder, RebuildAlreadyRunningError } from '@due-regard/plans';
import { CliError } from './cli-error.js';

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

interface RebuildOptions {
  readonly council?: string;
}

/** `projections:rebuild --council <slug>`: rebuilds one council's plans read models from its events. */
@Command({
  name: 'projections:rebuild',
  description: "Rebuild one council's read models from its events, while the projection keeps running",
})
export class RebuildProjectionsCommand extends CommandRunner {
  constructor(
    private readonly rebuilder: CouncilRebuilder,
    private readonly councils: CouncilDirectory,
  ) {
    super();
  }

  @Option({
    flags: '--council <slug>',
    description: "the council's slug (its sub-domain), e.g. charnwood",
    required: true,
  })
  parseCouncil(value: string): string {
    return value;
  }

  async run(_parameters: string[], options: RebuildOptions): Promise<void> {
    const slug = options.council?.trim() ?? '';
    if (!SLUG.test(slug)) {
      throw new CliError(`--council must be a council slug (lowercase letters, digits and hyphens), not "${slug}"`);
    }
    if ((await this.councils.find(slug)) === null) {
      throw new CliError(
        `There is no council "${slug}" (registered councils: ${
          this.councils
            .list()
            .map((c) => c.slug)
            .join(', ') || 'none'
        })`,
      );
    }
    try {
      let lastPercent = -1;
      const result = await this.rebuilder.rebuild(slug, {
        onProgress: (progress) => {
          if (progress.percent >= lastPercent + 10 || progress.phase !== 'reading') {
            lastPercent = progress.percent;
            process.stderr.write(`${progress.phase}: ${progress.eventsRead} events (${progress.percent}%)\n`);
          }
        },
      });
      process.stdout.write(
        `Rebuilt ${result.council}'s plans read models from ${result.events} events: ${result.strategies} strategies, ` +
          `${result.plans} plans, ${result.actions} actions in ${result.seconds.toFixed(2)} s\n`,
      );
    } catch (error) {
      if (error instanceof RebuildAlreadyRunningError) throw new CliError(error.message);
      throw error;
    }
  }
}
