import { Command, CommandRunner, Option } from 'nest-commander';
import { CouncilDirectory } from '@due-regard/councils';
import { InvalidTrackingDateError, TrackingSweep } from '@due-regard/reminders';
import { CliError } from './cli-error.js';

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

interface TrackingSweepOptions {
  readonly council?: string;
  readonly asOf?: string;
}

/**
 * `tracking:sweep --council <slug> --as-of <YYYY-MM-DD>`: runs the day's jobs for one council (the
 * reminders, the accreditations' renewals and lapses) and prints what they raised as one JSON
 * document. Each is raised once: a second run for the same day prints empty lists.
 */
@Command({
  name: 'tracking:sweep',
  description: "Run one council's daily reminders, renewals and lapses for a day and print what they raised as JSON",
})
export class TrackingSweepCommand extends CommandRunner {
  constructor(
    private readonly sweep: TrackingSweep,
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

  @Option({ flags: '--as-of <date>', description: 'the day to run, e.g. 2025-06-08', required: true })
  parseAsOf(value: string): string {
    return value;
  }

  async run(_parameters: string[], options: TrackingSweepOptions): Promise<void> {
    const slug = options.council?.trim() ?? '';
    if (!SLUG.test(slug)) {
      throw new CliError(`--council must be a council slug (lowercase letters, digits and hyphens), not "${slug}"`);
    }
    if ((await this.councils.find(slug)) === null) {
      const known = this.councils
        .list()
        .map((council) => council.slug)
        .join(', ');
      throw new CliError(`There is no council "${slug}" (registered councils: ${known || 'none'})`);
    }
    try {
      const report = await this.sweep.sweep(
        slug,
        options.asOf?.trim() ?? '',
        `tracking:sweep:${slug}:${options.asOf ?? ''}`,
      );
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } catch (error) {
      if (error instanceof InvalidTrackingDateError) throw new CliError(`--as-of: ${error.message}`);
      throw error;
    }
  }
}
