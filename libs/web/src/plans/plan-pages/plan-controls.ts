import { mayDo, type ActionPlanStatus, type Person, type StrategyStatus } from '@due-regard/plans';

/**
 * A button of the plan's lifecycle: a POST form to `/plans/:planId/<action>`, or, for a step that
 * cannot be taken back (publishing, closing), a link to its confirmation page at the same address.
 */
export interface LifecycleForm {
  readonly action: 'submit' | 'approve' | 'publish' | 'close';
  readonly label: string;
  /** Closing cannot be undone: shown as a warning button. */
  readonly warning: boolean;
  /** Confirmed on a page of its own before it is taken. */
  readonly confirm: boolean;
}

type LifecycleStep = 'submitPlan' | 'approvePlan' | 'publishPlan' | 'closePlan';

/**
 * The one step the plan's page offers in each status: the lifecycle's way forward (a plan is
 * closed once it has been published). Who may take it is the plans policy's to say.
 */
const NEXT_STEP: Readonly<Record<ActionPlanStatus, (LifecycleForm & { readonly capability: LifecycleStep }) | null>> = {
  draft: { capability: 'submitPlan', action: 'submit', label: 'Submit for approval', warning: false, confirm: false },
  submitted: { capability: 'approvePlan', action: 'approve', label: 'Approve plan', warning: false, confirm: false },
  approved: { capability: 'publishPlan', action: 'publish', label: 'Publish plan', warning: false, confirm: true },
  published: { capability: 'closePlan', action: 'close', label: 'Close plan', warning: true, confirm: true },
  closed: null,
  discarded: null,
};

/** The plan's page as the page shows it: its id, its status, its strategy's. */
export interface PlanShown {
  readonly id: string;
  readonly status: ActionPlanStatus;
  readonly strategyId: string;
  readonly strategyStatus: StrategyStatus | null;
}

/** The plan page's buttons and links: only those the plans policy lets this person use on this plan now. */
export interface PlanControls {
  readonly lifecycleForms: LifecycleForm[];
  /** Returning a submitted plan to draft takes a reason: a link to its form. */
  readonly returnHref: string | null;
  readonly addActionHref: string | null;
  /** Objectives are the strategy's: the form comes back to this plan once the objective is added. */
  readonly addObjectiveHref: string | null;
  /** A draft made by mistake: its confirmation page. */
  readonly discardHref: string | null;
}

export function planControls(person: Person, plan: PlanShown): PlanControls {
  const onPlan = { planStatus: plan.status };
  const planPath = `/plans/${encodeURIComponent(plan.id)}`;
  const next = NEXT_STEP[plan.status];
  return {
    lifecycleForms:
      next !== null && mayDo(person, next.capability, onPlan)
        ? [{ action: next.action, label: next.label, warning: next.warning, confirm: next.confirm }]
        : [],
    returnHref: mayDo(person, 'returnPlan', onPlan) ? `${planPath}/return` : null,
    addActionHref: mayDo(person, 'addAction', onPlan) ? `${planPath}/actions/new` : null,
    addObjectiveHref:
      plan.strategyStatus !== null && mayDo(person, 'addObjective', { strategyStatus: plan.strategyStatus })
        ? `/strategies/${encodeURIComponent(plan.strategyId)}/objectives/new?plan=${encodeURIComponent(plan.id)}`
        : null,
    discardHref: mayDo(person, 'discardPlan', onPlan) ? `${planPath}/discard` : null,
  };
}
