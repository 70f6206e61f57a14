import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Module } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CouncilDirectory } from '@due-regard/councils';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import {
  ReportFiles,
  ReportGenerator,
  ReportNotPossible,
  ReportRequests,
  ReportsCoreModule,
  requestReportBody,
} from '@due-regard/reports';
import { DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import { CliError } from './cli-error.js';

interface ReportOptions {
  readonly council?: string;
  readonly plan?: string;
  readonly asOf?: string;
  readonly since?: string;
  readonly format?: string;
  readonly out?: string;
}

/**
 * `report progress --council charnwood --plan <id> --as-of 2025-03-31 --format pdf --out file.pdf`:
 * a plan's progress report as of a day, asked for and generated at once (no queue), recorded in the
 * council's history (ReportRequested, ReportGenerated with its SHA-256) as the API's are, and
 * written to a file.
 */
@Command({
  name: 'report',
  arguments: '<type>',
  description: "Generate a plan's progress report as of a date: report progress --council <slug> --plan <id> ...",
})
export class ReportCommand extends CommandRunner {
  constructor(
    private readonly requests: ReportRequests,
    private readonly generator: ReportGenerator,
    private readonly files: ReportFiles,
    private readonly councils: CouncilDirectory,
    private readonly context: RequestContext,
  ) {
    super();
  }

  @Option({ flags: '--council <slug>', description: "the council's slug, e.g. charnwood", required: true })
  parseCouncil(value: string): string {
    return value;
  }

  @Option({ flags: '--plan <id>', description: 'the plan', required: true })
  parsePlan(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'the day the report is as of, YYYY-MM-DD (default today)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--since <date>', description: 'also say what changed since this day, YYYY-MM-DD' })
  parseSince(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: 'html, pdf, docx, odt, csv, xlsx or ods', required: true })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'where to write the document', required: true })
  parseOut(value: string): string {
    return value;
  }

  async run([type]: string[], options: ReportOptions): Promise<void> {
    if (type !== 'progress')
      throw new CliError(`The CLI makes progress reports: "report progress", not "report ${type ?? ''}"`);
    const council = options.council?.trim() ?? '';
    if ((await this.councils.find(council)) === null) throw new CliError(`There is no council "${council}"`);
    const parsed = requestReportBody.safeParse({
      type: 'progress',
      planId: options.plan,
      format: options.format,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.since === undefined ? {} : { since: options.since }),
    });
    if (!parsed.success) {
      const flag: Readonly<Record<string, string>> = {
        planId: '--plan',
        asOf: '--as-of',
        since: '--since',
        format: '--format',
      };
      throw new CliError(
        parsed.error.issues
          .map((issue) => `${flag[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`)
          .join('; '),
      );
    }
    const out = options.out ?? '';
    const entry = {
      tenant: { kind: 'council', slug: council },
      correlationId: randomUUID(),
      source: 'system',
      principal: SYSTEM_PRINCIPAL,
    } as const;
    await this.context.run(entry, async () => {
      try {
        const { record } = await this.requests.record(parsed.data);
        const done = await this.generator.generate(record.id, () => Promise.resolve());
        const bytes = await this.files.read(council, record.id);
        if (done.outcome === 'not-requested' || bytes === null) {
          throw new CliError(`Report ${record.id} failed earlier: ask the API for its reason`);
        }
        await writeFile(out, bytes);
        process.stdout.write(`Wrote ${out} (${bytes.length} bytes, SHA-256 ${done.sha256}), report ${record.id}\n`);
      } catch (error) {
        if (error instanceof NotFound || error instanceof DomainRuleViolation || error instanceof ReportNotPossible) {
          throw new CliError(error.message);
        }
        throw error;
      }
    });
  }
}

@Module({
  imports: [ReportsCoreModule],
  providers: [CouncilDirectory, ReportCommand],
})
export class ReportCliModule {}
