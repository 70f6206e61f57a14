import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConsoleLogger, Global, Logger, Module, type LogLevel } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CouncilDirectory, CouncilSettingsReader } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import {
  DEFAULT_LIMITS,
  parsePlanDocument,
  PlanImportError,
  toPreviewJson,
  type PlanDocumentInput,
  type PlanPreview,
} from '@due-regard/plan-import';
import {
  DemoReset,
  DemoResetRefused,
  ImportCommitError,
  ImportCommitter,
  importDefaultsFor,
  ImportForbiddenError,
  importPrincipal,
  PlanImportCliSupportModule,
  type CommitOptions,
  type CommitResult,
} from '@due-regard/plan-import-app';
import { rolesFor, type ImportOutcome } from '@due-regard/plans';
import { CliError } from './cli-error.js';
import {
  findUnstorableCharacter,
  QUARTER_CONVENTIONS,
  unstorableTextMessage,
  type QuarterConvention,
} from '@due-regard/shared-kernel';

/** Nest's logger, on stderr: stdout carries only what the command prints. */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

// `import --dry-run --json` promises exactly one JSON document on stdout: whatever Nest logs while
// the application boots (before any command runs) must go to stderr instead.
if (process.argv[2] === 'import') Logger.overrideLogger(new StderrLogger());

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ImportOptions {
  readonly council?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly quarterConvention?: string;
  readonly as?: string;
  readonly submit?: boolean;
  readonly publish?: boolean;
  readonly close?: boolean;
  readonly planTitle?: string;
  readonly strategyTitle?: string;
  readonly from?: string;
  readonly to?: string;
}

function describeCommit(result: CommitResult): string {
  const { strategy, plan } = result;
  return [
    `Imported ${result.document.name} into ${result.council} (source import, SHA-256 ${result.document.sha256}):`,
    `  strategy ${strategy.id} "${strategy.title}", ${strategy.period.from} to ${strategy.period.to} (${strategy.status})`,
    `  plan ${plan.id} "${plan.title}", ${plan.period.from} to ${plan.period.to} (${plan.status})`,
    `  ${result.objectives} objectives, ${result.actions} actions, ${result.dueRevisions} due revisions, ${result.progressEntries} progress entries`,
    '',
  ].join('\n');
}

/** The roles an import may be made in: those the plans policy lets commit one. */
const IMPORTERS = rolesFor('commitImport');

/**
 * `import <file> --council <slug> [--dry-run] [--json] [--quarter-convention calendar|financial]`:
 * reads a council's action plan (text, DOCX, XLSX, ODS/ODT, CSV); a bare quarter reads as the
 * council's setting says unless `--quarter-convention` is given. With `--dry-run` it prints the
 * preview (`--json`: the one JSON document of the import issue) and records nothing; without, it
 * commits it as a strategy and a plan (source `import`) and prints what it created.
 *
 * The platform imports in one of the council's roles (`--as`, the plan editor's by default), and
 * the plans policy says how far that role may take the plan: a plan editor's import is at most
 * submitted for approval (`--submit`); publishing and closing are the council administrator's.
 */
@Command({
  name: 'import',
  arguments: '<file>',
  description: "Import a council's action plan document as a strategy and a plan (or preview it with --dry-run)",
})
export class ImportPlanCommand extends CommandRunner {
  constructor(
    private readonly committer: ImportCommitter,
    private readonly councils: CouncilDirectory,
    private readonly settings: CouncilSettingsReader,
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

  @Option({ flags: '--dry-run', description: 'read the document and print the preview; record nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'print JSON only: the preview (with --dry-run) or what was created' })
  parseJson(): boolean {
    return true;
  }

  @Option({
    flags: '--quarter-convention <convention>',
    description:
      'how a bare "Q1 2024" reads: calendar (January-March) or financial (April-June); the council\'s setting by default',
  })
  parseQuarterConvention(value: string): string {
    return value;
  }

  @Option({
    flags: '--as <role>',
    description: `the council role the import is made in: ${IMPORTERS.join(' or ')}; plan-editor by default`,
  })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--submit', description: 'submit the plan for approval (otherwise drafts)' })
  parseSubmit(): boolean {
    return true;
  }

  @Option({
    flags: '--publish',
    description: 'adopt and publish the strategy, publish the plan (with --as council-admin; otherwise drafts)',
  })
  parsePublish(): boolean {
    return true;
  }

  @Option({
    flags: '--close',
    description: 'publish the plan, record its progress, then close it (a past plan; with --as council-admin)',
  })
  parseClose(): boolean {
    return true;
  }

  @Option({ flags: '--plan-title <title>', description: "the plan's title (read from the document otherwise)" })
  parsePlanTitle(value: string): string {
    return value;
  }

  @Option({ flags: '--strategy-title <title>', description: "the strategy's title (read from the document otherwise)" })
  parseStrategyTitle(value: string): string {
    return value;
  }

  @Option({ flags: '--from <date>', description: "the plan's first day, e.g. 2024-04-01 (with --to)" })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <date>', description: "the plan's last day, e.g. 2026-03-31 (with --from)" })
  parseTo(value: string): string {
    return value;
  }

  async run([file]: string[], options: ImportOptions): Promise<void> {
    const council = options.council?.trim() ?? '';
    if (!SLUG.test(council)) {
      throw new CliError(`--council must be a council slug (lowercase letters, digits and hyphens), not "${council}"`);
    }
    const role = IMPORTERS.find((importer) => importer === (options.as ?? 'plan-editor'));
    if (role === undefined) throw new CliError(`--as must be ${IMPORTERS.join(' or ')}, not "${options.as ?? ''}"`);
    const written = options.quarterConvention;
    const chosen = written === undefined ? undefined : QUARTER_CONVENTIONS.find((known) => known === written);
    if (written !== undefined && chosen === undefined) {
      throw new CliError(`--quarter-convention must be ${QUARTER_CONVENTIONS.join(' or ')}, not "${written}"`);
    }
    for (const [flag, title] of [
      ['--plan-title', options.planTitle],
      ['--strategy-title', options.strategyTitle],
    ] as const) {
      const unstorable = title === undefined ? undefined : findUnstorableCharacter(title);
      if (unstorable !== undefined) throw new CliError(unstorableTextMessage(flag, unstorable));
    }
    if ((options.from === undefined) !== (options.to === undefined))
      throw new CliError('Give --from and --to together');
    for (const date of [options.from, options.to]) {
      if (date !== undefined && !ISO_DATE.test(date)) throw new CliError(`"${date}" is not a date such as 2024-04-01`);
    }
    if ((await this.councils.find(council)) === null) {
      const known = this.councils
        .list()
        .map((registered) => registered.slug)
        .join(', ');
      throw new CliError(`There is no council "${council}" (registered councils: ${known || 'none'})`);
    }
    // Without --quarter-convention, the council's own setting (PATCH /api/v1/council/settings).
    const convention = chosen ?? (await this.settings.quarterConvention(council));

    const input = { fileName: path.basename(file ?? ''), bytes: await this.read(file ?? '') };
    const preview = await this.preview(input, convention);

    if (options.dryRun === true) {
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify(toPreviewJson(preview))}\n`);
      } else {
        process.stdout.write(
          [
            `${input.fileName} (${preview.source.format}): ${preview.groups.length} groups, ${preview.objectives.length} objectives, ${preview.actions.length} actions, ${preview.warnings.length} warnings. Nothing was recorded (--dry-run).`,
            ...preview.warnings.map((warning) => `  warning: ${warning}`),
            '',
          ].join('\n'),
        );
      }
      return;
    }

    const lifecycle: ImportOutcome =
      options.close === true
        ? 'closed'
        : options.publish === true
          ? 'published'
          : options.submit === true
            ? 'submitted'
            : 'draft';
    const commitOptions: CommitOptions = {
      council,
      document: { name: input.fileName, sha256: preview.source.sha256 },
      principal: importPrincipal(council, role),
      defaults: await importDefaultsFor(input, preview, this.committer.today()),
      lifecycle,
      quarterConvention: convention,
      ...(options.planTitle === undefined ? {} : { planTitle: options.planTitle }),
      ...(options.strategyTitle === undefined ? {} : { strategyTitle: options.strategyTitle }),
      ...(options.from === undefined || options.to === undefined
        ? {}
        : { planPeriod: { from: options.from, to: options.to } }),
    };
    try {
      const result = await this.committer.commit(preview, commitOptions);
      process.stdout.write(options.json === true ? `${JSON.stringify(result)}\n` : describeCommit(result));
    } catch (error) {
      if (error instanceof ImportCommitError) throw new CliError(error.message);
      if (error instanceof ImportForbiddenError) {
        throw new CliError(`${error.message}. Nothing was recorded (--as council-admin imports as its administrator).`);
      }
      throw error;
    }
  }

  private async preview(input: PlanDocumentInput, quarterConvention: QuarterConvention): Promise<PlanPreview> {
    try {
      return await parsePlanDocument(input, { quarterConvention });
    } catch (error) {
      if (error instanceof PlanImportError) {
        throw new CliError(
          error.message.includes(input.fileName) ? error.message : `${input.fileName}: ${error.message}`,
        );
      }
      throw error;
    }
  }

  private async read(file: string): Promise<Uint8Array> {
    try {
      const info = await stat(file);
      if (info.isDirectory()) throw new CliError(`${file} is a folder, not a plan document`);
      if (info.size > DEFAULT_LIMITS.maxBytes) {
        throw new CliError(
          `${file} is ${info.size} bytes, over the ${DEFAULT_LIMITS.maxBytes}-byte limit for an import`,
        );
      }
      return new Uint8Array(await readFile(file));
    } catch (error) {
      if (error instanceof CliError) throw error;
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
      throw new CliError(
        code === 'ENOENT'
          ? `There is no file ${file}`
          : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** `demo:reset [--all]`: wipes the demo councils' data and imports their demo plans again. */
@Command({
  name: 'demo:reset',
  description:
    "Wipe the demo councils' events, uploads and read models (--all: the whole development database) and import their demo plans again; never in production. Stop the app first.",
})
export class DemoResetCommand extends CommandRunner {
  constructor(private readonly reset: DemoReset) {
    super();
  }

  @Option({
    flags: '--all',
    description: "wipe every council's and the platform's events, not only the demo councils'",
  })
  parseAll(): boolean {
    return true;
  }

  async run(_parameters: string[], options: { readonly all?: boolean }): Promise<void> {
    try {
      const report = await this.reset.reset({ all: options.all === true });
      process.stdout.write(
        [
          `Wiped ${report.wiped.join(', ') || 'nothing'}: ${report.eventsDeleted} events deleted.`,
          ...(report.councilsRegistered.length > 0 ? [`Registered ${report.councilsRegistered.join(', ')}.`] : []),
          ...report.seeded.map(
            ({ council, result, userProgress }) =>
              `Imported ${council}'s "${result.plan.title}" (${result.plan.status}): ${result.objectives} objectives, ${result.actions} actions, ${result.progressEntries + userProgress} progress entries.`,
          ),
          '',
        ].join('\n'),
      );
    } catch (error) {
      if (error instanceof DemoResetRefused || error instanceof ImportCommitError) throw new CliError(error.message);
      throw error;
    }
  }
}

/** The import commands and what they need beyond the CLI's platform: a request context to act in. */
@Global()
@Module({
  imports: [PlanImportCliSupportModule],
  providers: [RequestContext, CouncilDirectory, ImportPlanCommand, DemoResetCommand],
  exports: [RequestContext],
})
export class PlanImportCliModule {}
