import { z } from 'zod';
import {
  ACTION_STATUSES,
  RAG_RATINGS,
  type ActionFilters,
  type ActionSummaryDto,
  type ObjectiveDto,
  type PlanDetailDto,
} from '@due-regard/plans';
import { storableText } from '@due-regard/shared-kernel';
import { actionRow, type ActionRow } from '../shared/action-rows.js';
import { shortLabel } from '../shared/bar-chart.js';
import { objectiveName } from '../shared/plan-figures.js';
import { actionStatusTag, ragTag } from '../shared/wording.js';

/** An empty select ("Any") sends an empty value: no filter. */
const blankAsMissing = (value: unknown) => (value === '' ? undefined : value);

/**
 * The plan page's filter form (GET), as sent. A parameter the form does not send (a tracking tag, an
 * old bookmark's) is ignored, as any web page would; a bad value of one it sends is refused.
 */
const filterQuery = z.object({
  objective: z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/)
      .optional(),
  ),
  status: z.preprocess(blankAsMissing, z.enum(ACTION_STATUSES).optional()),
  rag: z.preprocess(blankAsMissing, z.enum(RAG_RATINGS).optional()),
  lead: z.preprocess(blankAsMissing, storableText.trim().min(1).max(200).optional()),
  overdue: z.preprocess(blankAsMissing, z.enum(['yes', 'no']).optional()),
});

/** The filters the query asks for; null when it is not one the form sends. */
export function planFilters(query: unknown): ActionFilters | null {
  const parsed = filterQuery.safeParse(query);
  if (!parsed.success) return null;
  const { objective, status, rag, lead, overdue } = parsed.data;
  return {
    ...(objective === undefined ? {} : { objectiveId: objective }),
    ...(status === undefined ? {} : { status }),
    ...(rag === undefined ? {} : { rag }),
    ...(lead === undefined ? {} : { lead }),
    ...(overdue === undefined ? {} : { overdue: overdue === 'yes' }),
  };
}

export function hasFilters(filters: ActionFilters): boolean {
  return Object.keys(filters).length > 0;
}

export interface SelectItem {
  readonly value: string;
  readonly text: string;
  readonly selected: boolean;
}

/** A filter's select: first the choice that filters nothing ("All statuses"), then the options. */
function select(
  unfiltered: string,
  options: readonly { value: string; text: string }[],
  chosen: string | undefined,
): SelectItem[] {
  return [{ value: '', text: unfiltered }, ...options].map((option) => ({
    ...option,
    selected: option.value === (chosen ?? ''),
  }));
}

/** The options of each select of the filter form, the chosen ones selected; leads from every action of the plan. */
export function filterSelects(
  objectives: readonly ObjectiveDto[],
  allActions: readonly ActionSummaryDto[],
  filters: ActionFilters,
) {
  const leads = [...new Set(allActions.flatMap((action) => action.leads))].sort((a, b) => a.localeCompare(b));
  const chosenLead = leads.find((lead) => lead.toLowerCase() === filters.lead?.toLowerCase()) ?? filters.lead;
  return {
    objective: select(
      'Any objective',
      objectives.map((objective) => ({ value: objective.id, text: shortLabel(objectiveName(objective), 70) })),
      filters.objectiveId,
    ),
    status: select(
      'Any status',
      ACTION_STATUSES.map((status) => ({ value: status, text: actionStatusTag(status).text })),
      filters.status,
    ),
    rag: select(
      'Any rating',
      RAG_RATINGS.map((rag) => ({ value: rag, text: ragTag(rag).text })),
      filters.rag,
    ),
    lead: select(
      'Any lead',
      leads.map((lead) => ({ value: lead, text: lead })),
      chosenLead,
    ),
    overdue: select(
      'Overdue or not',
      [
        { value: 'yes', text: 'Overdue only' },
        { value: 'no', text: 'Not overdue' },
      ],
      filters.overdue === undefined ? undefined : filters.overdue ? 'yes' : 'no',
    ),
  };
}

export interface ActionGroup {
  readonly id: string;
  readonly name: string;
  readonly retired: boolean;
  readonly rows: readonly ActionRow[];
}

/**
 * The plan's actions under their objectives, in the strategy's order. Filtered, only objectives
 * with a matching action; unfiltered, every objective, empty ones too. Actions of an objective
 * the plan does not list come last.
 */
export function actionGroups(plan: PlanDetailDto, filtered: boolean): ActionGroup[] {
  const known = new Set(plan.objectives.map((objective) => objective.id));
  const groups: ActionGroup[] = plan.objectives.map((objective) => ({
    id: objective.id,
    name: objectiveName(objective),
    retired: objective.retired,
    rows: plan.actions.filter((action) => action.objectiveId === objective.id).map((action) => actionRow(plan, action)),
  }));
  const others = plan.actions.filter((action) => !known.has(action.objectiveId));
  if (others.length > 0) {
    groups.push({
      id: 'other',
      name: 'Other actions',
      retired: false,
      rows: others.map((action) => actionRow(plan, action)),
    });
  }
  return groups.filter((group) => group.rows.length > 0 || (!filtered && !group.retired));
}
