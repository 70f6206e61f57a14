import { Command, CommandRunner, Option } from 'nest-commander';
import { describeBreak, IntegrityVerifier } from '@due-regard/audit';
import { CouncilDirectory } from '@due-regard/councils';
import { CliError } from './cli-error.js';
import { knownCouncil } from './council-option.js';

interface AuditVerifyOptions {
  readonly council?: string;
}

/**
 * `audit:verify --council <slug>`: re-hashes every event of the council and checks it against its
 * signed checkpoints. Exit 0 when the log verifies; 1 with the first broken link named.
 */
@Command({
  name: 'audit:verify',
  description: "Verify one council's log: every stream's hash chain and every signed checkpoint",
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(
    private readonly verifier: IntegrityVerifier,
    private readonly councils: CouncilDirectory,
  ) {
    super();
  }

  @Option({ flags: '--council <slug>', description: "the council's slug, e.g. charnwood", required: true })
  parseCouncil(value: string): string {
    return value;
  }

  async run(_parameters: string[], options: AuditVerifyOptions): Promise<void> {
    const slug = await knownCouncil(this.councils, options.council);
    const result = await this.verifier.verify(slug);
    const summary = `${result.streams} streams, ${result.events} events, ${result.checkpoints} checkpoints`;
    const firstBreak = result.breaks[0];
    if (firstBreak) {
      throw new CliError(
        `${slug}'s log does NOT verify (${summary}; ${result.breaks.length} broken): ${describeBreak(firstBreak)}`,
      );
    }
    process.stdout.write(`${slug}'s log verifies: ${summary}\n`);
  }
}
