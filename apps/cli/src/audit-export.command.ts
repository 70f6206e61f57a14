import { writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EvidenceExporter } from '@due-regard/audit';
import { CouncilDirectory } from '@due-regard/councils';
import { CliError } from './cli-error.js';
import { knownCouncil } from './council-option.js';

interface AuditExportOptions {
  readonly council?: string;
  readonly out?: string;
}

/** `audit:export --council <slug> --out x.zip`: the council's evidence, to check offline with tools/verify-export.mjs. */
@Command({
  name: 'audit:export',
  description: "Export one council's log, checkpoints and public key as a zip (check it with tools/verify-export.mjs)",
})
export class AuditExportCommand extends CommandRunner {
  constructor(
    private readonly exporter: EvidenceExporter,
    private readonly councils: CouncilDirectory,
  ) {
    super();
  }

  @Option({ flags: '--council <slug>', description: "the council's slug, e.g. charnwood", required: true })
  parseCouncil(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'where to write the zip, e.g. charnwood-audit.zip', required: true })
  parseOut(value: string): string {
    return value;
  }

  async run(_parameters: string[], options: AuditExportOptions): Promise<void> {
    const slug = await knownCouncil(this.councils, options.council);
    const out = options.out?.trim() ?? '';
    if (!out.endsWith('.zip')) throw new CliError(`--out must name a .zip file, not "${out}"`);
    const { zip, events } = await this.exporter.export(slug, new Date());
    try {
      await writeFile(out, zip, { flag: 'wx' });
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      throw new CliError(
        code === 'EEXIST' ? `${out} exists already: choose another name` : `Cannot write ${out}: ${String(error)}`,
      );
    }
    process.stdout.write(`Exported ${slug}'s log (${events} events) to ${out}\n`);
  }
}
