import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandRunner } from '@due-regard/commands';
import type { JsonObject } from '@due-regard/event-store';
import { RequestContext, SYSTEM_PRINCIPAL, type CouncilRole, type Principal } from '@due-regard/identity';
import type { PlanPreview, PreviewAction, PreviewGroup, PreviewObjective } from '@due-regard/plan-import';
import {
  type ActionPlanStatus,
  AddActionCommand,
  AddObjectiveCommand,
  type CalendarDate,
  DraftPlanCommand,
  DraftStrategyCommand,
  type Due,
  type ImportOutcome,
  isWithinPeriod,
  type ObjectiveGroupKind,
  type Period,
  personOf,
  PlanLifecycleCommand,
  PSED_AIMS,
  type PsedAim,
  RecordProgressCommand,
  ReviseDueCommand,
  StrategyLifecycleCommand,
  type StrategyStatus,
  validatePeriod,
  whyNotPermitted,
} from '@due-regard/plans';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
// The write side's commands: the same ones its HTTP controllers send. `@due-regard/plans` exports
// the module that handles them but not the command classes themselves.
import { ImportCommitError, ImportForbiddenError, type CommitOptions, type CommitResult } from './commit-types.js';
import { inferImportDefaults } from './import-defaults.js';
import { actionStatusOf } from './progress-status.js';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day it is in the UK at an instant. */
export function ukDate(instant: Date): CalendarDate {
  return LONDON_DAY.format(instant);
}

/** The platform importing for a council (the CLI, the demo data), acting in one of the council's roles. */
export function importPrincipal(council: string, role: CouncilRole): Principal {
  return { ...SYSTEM_PRINCIPAL, groups: [`/councils/${council}/${role}`] };
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** References compare without regard to case or spacing ("PEO 1" = "peo1"), as the domain compares them. */
function refKey(ref: string): string {
  return ref.toLowerCase().replace(/\s+/g, '');
}

function titleKey(title: string): string {
  return tidy(title).toLowerCase();
}

function sameDue(a: Due, b: Due): boolean {
  return a.text === b.text && a.kind === b.kind && a.dates.join() === b.dates.join();
}

/** How councils word the three aims of the Public Sector Equality Duty. */
const PSED_AIM_WORDING: Readonly<Record<PsedAim, RegExp>> = {
  'eliminate-discrimination': /\beliminat\w*\b.*\bdiscriminat/i,
  'advance-equality-of-opportunity': /\badvanc\w*\b.*\bequality of opportunit/i,
  'foster-good-relations': /\bfoster\w*\b.*\bgood relations\b/i,
};

/** A PSED aim named by a group ("Eliminate discrimination", "Foster good relations"). */
function psedAimOf(text: string): PsedAim | null {
  return PSED_AIMS.find((aim) => PSED_AIM_WORDING[aim].test(text)) ?? null;
}

function groupKindOf(group: PreviewGroup): ObjectiveGroupKind {
  const text = `${group.ref ?? ''} ${group.title}`;
  if (psedAimOf(text) !== null) return 'psed-aim';
  if (/\bpillars?\b/i.test(text)) return 'pillar';
  if (/\bthemes?\b/i.test(text)) return 'theme';
  return 'priority';
}

interface PlannedObjective {
  readonly source: PreviewObjective | null;
  readonly ref: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly group: { readonly kind: ObjectiveGroupKind; readonly title: string } | null;
  readonly psedAims: readonly PsedAim[];
}

interface PlannedAction {
  readonly source: PreviewAction;
  readonly objectiveIndex: number;
  readonly title: string;
  readonly label: string;
}

/** Everything a commit will send, checked before the first command: a preview it refuses records nothing. */
interface CommitPlan {
  readonly strategyTitle: string;
  readonly strategyPeriod: Period;
  readonly planTitle: string;
  readonly planPeriod: Period;
  readonly lifecycle: ImportOutcome;
  readonly objectives: readonly PlannedObjective[];
  readonly actions: readonly PlannedAction[];
}

interface MutableCreated {
  strategyId: string | null;
  strategyStatus: StrategyStatus | null;
  planId: string | null;
  planStatus: ActionPlanStatus | null;
  objectives: number;
  actions: number;
  dueRevisions: number;
  progressEntries: number;
}

/**
 * Turns an import preview into the plans domain's history, through the same CQRS commands the
 * API sends: the strategy and its objectives, the plan and its actions, the due revisions and
 * progress the document records, then the lifecycle the caller asks for, as far as the plans
 * policy lets them (a plan editor's import goes at most as far as submitting the plan for
 * approval). Every event carries source `import` and the document's name and SHA-256.
 *
 * The whole import is one command: the plan commands run inside it, each deciding on what the
 * ones before it decided, and every event of every stream is appended in one atomic append at the
 * end. Should any step be refused, or the append fail, nothing at all is recorded, and the error
 * names the step.
 */
@Injectable()
export class ImportCommitter {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): CalendarDate {
    return ukDate(this.clock.now());
  }

  /** Throws ImportForbiddenError when the plans policy does not let the principal import it this way. */
  async commit(preview: PlanPreview, options: CommitOptions): Promise<CommitResult> {
    const refusal = whyNotPermitted(personOf(options.principal, options.council), 'commitImport', {
      outcome: options.lifecycle ?? 'draft',
      archivesStrategy: options.archiveStrategy === true,
    });
    if (refusal !== null) throw new ImportForbiddenError(refusal);
    const plan = this.planOf(preview, options);
    const correlationId = options.correlationId ?? randomUUID();
    const metadataExtra: JsonObject = {
      documentName: options.document.name,
      documentSha256: options.document.sha256,
      ...(options.importId === undefined ? {} : { importId: options.importId }),
    };
    return this.context.run(
      {
        tenant: { kind: 'council', slug: options.council },
        correlationId,
        source: 'import',
        principal: options.principal,
        metadataExtra,
      },
      () => this.recordAtOnce(plan, options, correlationId),
    );
  }

  private async recordAtOnce(plan: CommitPlan, options: CommitOptions, correlationId: string): Promise<CommitResult> {
    try {
      const { position: _position, ...result } = await this.runner.run(() =>
        this.execute(plan, options, correlationId),
      );
      return result;
    } catch (error) {
      if (error instanceof ImportCommitError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ImportCommitError('commit_failed', 'recording the import', reason);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Checking the preview and the options, before anything is appended.

  private planOf(preview: PlanPreview, options: CommitOptions): CommitPlan {
    const refuse = (reason: string): never => {
      throw new ImportCommitError('invalid_import', 'checking the preview', reason);
    };
    const defaults =
      options.defaults ??
      inferImportDefaults({
        lines: [],
        fileName: preview.source.fileName,
        dueDates: preview.actions.flatMap((action) => action.due.dates),
        today: this.today(),
      });
    const planPeriod = this.validPeriod(options.planPeriod ?? defaults.planPeriod, 'plan', refuse);
    let strategyPeriod = options.strategyPeriod ?? defaults.strategyPeriod;
    if (options.strategyPeriod === undefined && !isWithinPeriod(planPeriod, strategyPeriod)) {
      strategyPeriod = {
        from: planPeriod.from < strategyPeriod.from ? planPeriod.from : strategyPeriod.from,
        to: planPeriod.to > strategyPeriod.to ? planPeriod.to : strategyPeriod.to,
      };
    }
    strategyPeriod = this.validPeriod(strategyPeriod, 'strategy', refuse);
    if (!isWithinPeriod(planPeriod, strategyPeriod)) {
      refuse(
        `the plan's period (${planPeriod.from} to ${planPeriod.to}) must fall within the strategy's (${strategyPeriod.from} to ${strategyPeriod.to})`,
      );
    }
    const strategyTitle = tidy(options.strategyTitle ?? defaults.strategyTitle);
    const planTitle = tidy(options.planTitle ?? defaults.planTitle);
    if (strategyTitle === '') refuse('the strategy needs a title');
    if (planTitle === '') refuse('the plan needs a title');
    this.checkDates(options, refuse);

    const objectives = this.plannedObjectives(preview, refuse);
    const byRef = new Map<string, number>();
    const byTitle = new Map<string, number>();
    objectives.forEach((objective, index) => {
      if (objective.ref !== null) byRef.set(refKey(objective.ref), index);
      if (!byTitle.has(titleKey(objective.title))) byTitle.set(titleKey(objective.title), index);
    });
    let catchAll: number | null = null;
    const actionRefs = new Map<string, string>();
    const actions: PlannedAction[] = preview.actions.map((action, index) => {
      const label = action.ref === null ? `action ${index + 1} (${action.at})` : `action ${action.ref}`;
      const title = tidy(action.title);
      if (title === '') refuse(`${label} has no title`);
      if (action.ref !== null && tidy(action.ref) !== '') {
        const earlier = actionRefs.get(refKey(action.ref));
        if (earlier !== undefined) refuse(`two actions are numbered "${action.ref}" (${earlier} and ${action.at})`);
        actionRefs.set(refKey(action.ref), action.at);
      }
      let objectiveIndex =
        action.objective === null
          ? undefined
          : (byRef.get(refKey(action.objective)) ?? byTitle.get(titleKey(action.objective)));
      if (objectiveIndex === undefined) {
        if (action.objective !== null)
          refuse(`${label} is under "${action.objective}", which is not an objective of the preview`);
        catchAll ??= objectives.length;
        objectiveIndex = catchAll;
      }
      return { source: action, objectiveIndex, title, label };
    });
    if (actions.length === 0) refuse('the preview has no actions');
    const withCatchAll: PlannedObjective[] =
      catchAll === null
        ? objectives
        : [
            ...objectives,
            {
              source: null,
              ref: null,
              title: objectives.length === 0 ? planTitle : 'Other actions',
              description: 'Actions the imported document did not place under an objective.',
              group: null,
              psedAims: [],
            },
          ];
    return {
      strategyTitle,
      strategyPeriod,
      planTitle,
      planPeriod,
      lifecycle: options.lifecycle ?? 'draft',
      objectives: withCatchAll,
      actions,
    };
  }

  private validPeriod(period: Period, what: string, refuse: (reason: string) => never): Period {
    try {
      return validatePeriod(period);
    } catch (error) {
      return refuse(`the ${what}'s period: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private checkDates(options: CommitOptions, refuse: (reason: string) => never): void {
    const dates = options.dates ?? {};
    for (const [name, date] of Object.entries({ ...dates, progressAsOf: options.progressAsOf })) {
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) refuse(`${name} must be a date such as 2024-04-01`);
    }
    if (dates.adoptedOn !== undefined && dates.publishedOn !== undefined && dates.publishedOn < dates.adoptedOn) {
      refuse('the strategy cannot be published before it was adopted');
    }
    const lifecycle = options.lifecycle ?? 'draft';
    if (
      (lifecycle === 'draft' || lifecycle === 'submitted') &&
      (dates.closedOn !== undefined || dates.publishedOn !== undefined)
    ) {
      refuse('publication and closing dates need the plan published or closed');
    }
  }

  private plannedObjectives(preview: PlanPreview, refuse: (reason: string) => never): PlannedObjective[] {
    const groups = new Map<string, PreviewGroup>();
    for (const group of preview.groups) {
      groups.set(group.ref === null ? titleKey(group.title) : refKey(group.ref), group);
      if (!groups.has(titleKey(group.title))) groups.set(titleKey(group.title), group);
    }
    const refs = new Set<string>();
    return preview.objectives.map((objective) => {
      const title = tidy(objective.title);
      if (title === '') refuse(`the objective at ${objective.at} has no title`);
      if (objective.ref !== null) {
        if (refs.has(refKey(objective.ref))) refuse(`two objectives are numbered "${objective.ref}"`);
        refs.add(refKey(objective.ref));
      }
      const group =
        objective.group === null
          ? undefined
          : (groups.get(refKey(objective.group)) ?? groups.get(titleKey(objective.group)));
      const groupTitle =
        group === undefined ? objective.group : group.ref === null ? group.title : `${group.ref}: ${group.title}`;
      const aim = group === undefined ? null : psedAimOf(`${group.ref ?? ''} ${group.title}`);
      const measures = objective.measures.map(tidy).filter((measure) => measure !== '');
      return {
        source: objective,
        ref: objective.ref,
        title,
        // The plans domain keeps measures on actions; an objective's own are kept in its words.
        description:
          measures.length === 0 ? null : `Success measures:\n${measures.map((measure) => `• ${measure}`).join('\n')}`,
        group:
          groupTitle === null || tidy(groupTitle) === ''
            ? null
            : { kind: group === undefined ? 'priority' : groupKindOf(group), title: tidy(groupTitle) },
        psedAims: aim === null ? [] : [aim],
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Sending the commands.

  /** Runs the plan commands inside the import's command: nothing is appended until all have decided. */
  private async execute(plan: CommitPlan, options: CommitOptions, correlationId: string): Promise<CommitResult> {
    const created: MutableCreated = {
      strategyId: null,
      strategyStatus: null,
      planId: null,
      planStatus: null,
      objectives: 0,
      actions: 0,
      dueRevisions: 0,
      progressEntries: 0,
    };
    const dates = options.dates ?? {};
    const published = plan.lifecycle === 'published' || plan.lifecycle === 'closed';
    let step = 'drafting the strategy';
    try {
      const strategy = await this.commandBus.execute(new DraftStrategyCommand(plan.strategyTitle, plan.strategyPeriod));
      created.strategyId = strategy.id;
      created.strategyStatus = 'draft';

      const objectiveIds: string[] = [];
      for (const objective of plan.objectives) {
        step = `adding objective ${objective.ref ?? `"${objective.title.slice(0, 60)}"`}`;
        const added = await this.commandBus.execute(
          new AddObjectiveCommand(
            strategy.id,
            {
              ref: objective.ref,
              title: objective.title,
              description: objective.description,
              psedAims: objective.psedAims,
              eflgModules: [],
              group: objective.group,
            },
            undefined,
          ),
        );
        objectiveIds.push(added.id);
        created.objectives += 1;
      }

      if (published) {
        const adoptedOn = dates.adoptedOn ?? dates.publishedOn;
        step = 'adopting the strategy';
        await this.commandBus.execute(
          new StrategyLifecycleCommand(strategy.id, { kind: 'adopt', on: adoptedOn }, undefined),
        );
        created.strategyStatus = 'adopted';
        step = 'publishing the strategy';
        await this.commandBus.execute(
          new StrategyLifecycleCommand(strategy.id, { kind: 'publish', on: dates.publishedOn ?? adoptedOn }, undefined),
        );
        created.strategyStatus = 'published';
      }

      step = 'drafting the plan';
      const drafted = await this.commandBus.execute(new DraftPlanCommand(strategy.id, plan.planTitle, plan.planPeriod));
      created.planId = drafted.id;
      created.planStatus = 'draft';

      const actionIds: string[] = [];
      for (const action of plan.actions) {
        step = `adding ${action.label}`;
        const { source } = action;
        const added = await this.commandBus.execute(
          new AddActionCommand(
            drafted.id,
            {
              ref: source.ref,
              objectiveId: objectiveIds[action.objectiveIndex] ?? '',
              title: action.title,
              description: source.description,
              due: source.due.text ?? '',
              leads: source.leads,
              successMeasures: source.measures,
              protectedCharacteristics: [],
              ...(options.quarterConvention === undefined ? {} : { quarterConvention: options.quarterConvention }),
            },
            undefined,
          ),
        );
        actionIds.push(added.id);
        created.actions += 1;
      }

      if (published) {
        for (const [kind, status] of [
          ['submit', 'submitted'],
          ['approve', 'approved'],
          ['publish', 'published'],
        ] as const) {
          step = `${kind === 'submit' ? 'submitting' : kind === 'approve' ? 'approving' : 'publishing'} the plan`;
          await this.commandBus.execute(
            new PlanLifecycleCommand(
              drafted.id,
              kind === 'submit' ? { kind } : { kind, on: dates.publishedOn },
              undefined,
            ),
          );
          created.planStatus = status;
        }
      }

      const progressAsOf = options.progressAsOf ?? (plan.lifecycle === 'closed' ? dates.closedOn : undefined);
      for (const [index, action] of plan.actions.entries()) {
        const actionId = actionIds[index] ?? '';
        let due = action.source.due;
        for (const revision of action.source.dueRevisions) {
          if (revision.due.text === null || sameDue(revision.due, due)) continue;
          step = `revising the due of ${action.label}`;
          await this.commandBus.execute(
            new ReviseDueCommand(
              drafted.id,
              actionId,
              revision.due.text,
              revision.note,
              undefined,
              options.quarterConvention,
            ),
          );
          due = revision.due;
          created.dueRevisions += 1;
        }
        for (const entry of action.source.progress) {
          if (entry.text.trim() === '') continue;
          step = `recording the progress of ${action.label}`;
          await this.commandBus.execute(
            new RecordProgressCommand(
              drafted.id,
              actionId,
              { status: actionStatusOf(entry.status), rag: undefined, narrative: entry.text, asOf: progressAsOf },
              undefined,
            ),
          );
          created.progressEntries += 1;
          // A cancelled action takes no further progress.
          if (entry.status === 'cancelled') break;
        }
      }

      // A plan with its approver takes no changes: it is submitted once the document's record is in.
      if (plan.lifecycle === 'submitted') {
        step = 'submitting the plan';
        await this.commandBus.execute(new PlanLifecycleCommand(drafted.id, { kind: 'submit' }, undefined));
        created.planStatus = 'submitted';
      }
      if (plan.lifecycle === 'closed') {
        step = 'closing the plan';
        await this.commandBus.execute(
          new PlanLifecycleCommand(drafted.id, { kind: 'close', on: dates.closedOn, reason: null }, undefined),
        );
        created.planStatus = 'closed';
      }
      if (options.archiveStrategy === true) {
        step = 'archiving the strategy';
        await this.commandBus.execute(
          new StrategyLifecycleCommand(strategy.id, { kind: 'archive', on: dates.archivedOn, reason: null }, undefined),
        );
        created.strategyStatus = 'archived';
      }
      return {
        council: options.council,
        document: options.document,
        correlationId,
        strategy: {
          id: strategy.id,
          title: plan.strategyTitle,
          period: plan.strategyPeriod,
          status: created.strategyStatus,
        },
        plan: { id: drafted.id, title: plan.planTitle, period: plan.planPeriod, status: created.planStatus },
        objectives: created.objectives,
        actions: created.actions,
        dueRevisions: created.dueRevisions,
        progressEntries: created.progressEntries,
      };
    } catch (error) {
      throw new ImportCommitError('commit_failed', step, error instanceof Error ? error.message : String(error));
    }
  }
}
