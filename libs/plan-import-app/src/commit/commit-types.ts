import type { Principal } from '@due-regard/identity';
import type { ActionPlanStatus, CalendarDate, ImportOutcome, Period, StrategyStatus } from '@due-regard/plans';
import type { ImportDefaults } from './import-defaults.js';
import { type QuarterConvention } from '@due-regard/shared-kernel';

export interface LifecycleDates {
  /** The strategy's adoption and publication; today when left out. */
  readonly adoptedOn?: CalendarDate;
  /** The plan's approval and publication (and the strategy's, when later than its adoption). */
  readonly publishedOn?: CalendarDate;
  readonly closedOn?: CalendarDate;
  readonly archivedOn?: CalendarDate;
}

export interface CommitOptions {
  /** The council (tenant) the plan is imported for. */
  readonly council: string;
  /** The document, for every event's metadata (`documentName`, `documentSha256`). */
  readonly document: { readonly name: string; readonly sha256: string };
  /**
   * Who imports: the signed-in user, or the platform acting in one of the council's roles
   * (`importPrincipal`). The plans policy says which outcomes they may choose.
   */
  readonly principal: Principal;
  readonly correlationId?: string;
  /** The upload the preview came from, kept in the events' metadata too. */
  readonly importId?: string;
  /** Titles and periods read from the document (`defaultsFor`); from the preview alone when left out. */
  readonly defaults?: ImportDefaults;
  readonly strategyTitle?: string;
  readonly strategyPeriod?: Period;
  readonly planTitle?: string;
  readonly planPeriod?: Period;
  /** Where the plan ends up (the plans policy's ImportOutcome); a draft when left out. */
  readonly lifecycle?: ImportOutcome;
  /** Archive the strategy at the end (an old strategy imported for the record). */
  readonly archiveStrategy?: boolean;
  readonly dates?: LifecycleDates;
  /** The date the document's progress is recorded as of; the closing date of a closed plan, else today. */
  readonly progressAsOf?: CalendarDate;
  /**
   * The quarter convention the preview was read with: the actions' due text is read the same way
   * when recorded. The council's setting when left out.
   */
  readonly quarterConvention?: QuarterConvention;
}

/**
 * What a commit that stopped part-way had recorded. Commits are one atomic append now and never
 * stop part-way; imports recorded before that still show what theirs left behind.
 */
export interface CreatedSoFar {
  readonly strategyId: string | null;
  readonly strategyStatus: StrategyStatus | null;
  readonly planId: string | null;
  readonly planStatus: ActionPlanStatus | null;
  readonly objectives: number;
  readonly actions: number;
  readonly dueRevisions: number;
  readonly progressEntries: number;
}

export interface CommitResult {
  readonly council: string;
  readonly document: { readonly name: string; readonly sha256: string };
  /** Shared by every event the commit appended. */
  readonly correlationId: string;
  readonly strategy: {
    readonly id: string;
    readonly title: string;
    readonly period: Period;
    readonly status: StrategyStatus;
  };
  readonly plan: {
    readonly id: string;
    readonly title: string;
    readonly period: Period;
    readonly status: ActionPlanStatus;
  };
  readonly objectives: number;
  readonly actions: number;
  readonly dueRevisions: number;
  readonly progressEntries: number;
}

/**
 * The person may not commit this import as asked (the plans policy: a plan editor's import goes at
 * most as far as submitting the plan for approval). Nothing was recorded; the message is one line.
 */
export class ImportForbiddenError extends Error {
  override readonly name = 'ImportForbiddenError';
}

/**
 * A commit that was refused or failed. A commit is one atomic append, so nothing was recorded:
 * `invalid_import` when the preview cannot be recorded in full (found before anything is
 * decided), `commit_failed` when a step was refused or the append failed; `step` names it. The
 * message is one line.
 */
export class ImportCommitError extends Error {
  override readonly name = 'ImportCommitError';

  constructor(
    readonly code: 'invalid_import' | 'commit_failed',
    readonly step: string,
    readonly reason: string,
  ) {
    super(ImportCommitError.describe(code, step, reason));
  }

  private static describe(code: string, step: string, reason: string): string {
    const why = reason.replace(/\s+/g, ' ').trim();
    if (code === 'invalid_import') return `The import cannot be committed: ${why}. Nothing was recorded.`;
    return `The import stopped at ${step}: ${why}. Nothing was recorded.`;
  }
}
