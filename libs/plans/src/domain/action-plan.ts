import {
  DomainConflict,
  DomainRuleViolation,
  NotFound,
  type Decider,
  type DomainEvent,
} from '@due-regard/shared-kernel';
import type { CalendarDate } from './calendar-date.js';
import { isWithinPeriod, validatePeriod, type Period } from './period.js';
import type { StrategyStatus } from './strategy.js';
import { optionalRef, optionalText, requiredDate, requiredNarrative, requiredText, sameRef } from './wording.js';

/**
 * An action plan delivers a strategy over a period (Charnwood's 2024-2026 plan under its 2024-2028
 * strategy). Lifecycle: draft → submitted → approved → published → closed; a submitted plan can be
 * returned to draft; a draft made by mistake (a second import of the same document) can be discarded:
 * it leaves every list, and its events stay for the record.
 *
 * Its actions live in streams of their own (so two leads updating two actions never conflict), but
 * the plan's stream registers each action and its reference: that is where "ref unique within the
 * plan" is decided, under the plan stream's optimistic concurrency, so two people adding "1.3" at
 * once cannot both succeed.
 */
export const ACTION_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'published', 'closed', 'discarded'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

/**
 * Whether the plan's actions may change. A draft is open; a published plan stays open (progress,
 * due revisions, new actions: all recorded as events an auditor can replay). While submitted or
 * approved, the plan is what was put to the approver, so it is locked until returned to draft or
 * published. A closed plan refuses every change.
 */
export function assertPlanOpenForChanges(status: ActionPlanStatus): void {
  switch (status) {
    case 'draft':
    case 'published':
      return;
    case 'submitted':
    case 'approved':
      throw new DomainRuleViolation(
        'This action plan is with its approver: return it to draft, or publish it, before changing its actions',
        'plan_under_approval',
      );
    case 'closed':
      throw new DomainRuleViolation('This action plan is closed and its actions can no longer change', 'plan_closed');
    case 'discarded':
      throw new DomainRuleViolation('This draft was discarded and its actions can no longer change', 'plan_discarded');
  }
}

/** What drafting a plan needs to know of its strategy, as the caller read it from the strategy's stream. */
export type StrategyFacts = {
  readonly strategyId: string;
  readonly status: StrategyStatus;
  readonly period: Period;
};

// Commands ------------------------------------------------------------------------------------

export type DraftActionPlan = {
  readonly type: 'DraftActionPlan';
  readonly planId: string;
  readonly strategy: StrategyFacts;
  readonly title: string;
  readonly period: Period;
};
export type SubmitActionPlan = { readonly type: 'SubmitActionPlan'; readonly planId: string };
/** The approver sends a submitted plan back to draft, saying why. */
export type ReturnActionPlan = { readonly type: 'ReturnActionPlan'; readonly planId: string; readonly reason: string };
export type ApproveActionPlan = {
  readonly type: 'ApproveActionPlan';
  readonly planId: string;
  readonly approvedOn: CalendarDate;
};
export type PublishActionPlan = {
  readonly type: 'PublishActionPlan';
  readonly planId: string;
  readonly publishedOn: CalendarDate;
};
export type CloseActionPlan = {
  readonly type: 'CloseActionPlan';
  readonly planId: string;
  readonly closedOn: CalendarDate;
  readonly reason: string | null;
};
/** A draft made by mistake is discarded: it takes no more changes, and lists leave it out. */
export type DiscardActionPlan = {
  readonly type: 'DiscardActionPlan';
  readonly planId: string;
  readonly reason: string | null;
};
/**
 * Reserves an action's reference in the plan, before the action's own stream records `ActionAdded`.
 * Repeating it for the same action and reference records nothing, so a retried add is safe.
 */
export type RegisterAction = {
  readonly type: 'RegisterAction';
  readonly planId: string;
  readonly actionId: string;
  readonly ref: string | null;
};

export type ActionPlanCommand =
  | DraftActionPlan
  | SubmitActionPlan
  | ReturnActionPlan
  | ApproveActionPlan
  | PublishActionPlan
  | CloseActionPlan
  | DiscardActionPlan
  | RegisterAction;

// Events --------------------------------------------------------------------------------------

type PlanIds = { readonly planId: string; readonly strategyId: string };

export type ActionPlanDrafted = DomainEvent<
  'ActionPlanDrafted',
  PlanIds & { readonly title: string; readonly period: Period }
>;
export type ActionPlanSubmitted = DomainEvent<'ActionPlanSubmitted', PlanIds>;
export type ActionPlanReturned = DomainEvent<'ActionPlanReturned', PlanIds & { readonly reason: string }>;
export type ActionPlanApproved = DomainEvent<'ActionPlanApproved', PlanIds & { readonly approvedOn: CalendarDate }>;
export type ActionPlanPublished = DomainEvent<'ActionPlanPublished', PlanIds & { readonly publishedOn: CalendarDate }>;
export type ActionPlanClosed = DomainEvent<
  'ActionPlanClosed',
  PlanIds & { readonly closedOn: CalendarDate; readonly reason: string | null }
>;
export type ActionPlanDiscarded = DomainEvent<'ActionPlanDiscarded', PlanIds & { readonly reason: string | null }>;
export type ActionRegistered = DomainEvent<
  'ActionRegistered',
  PlanIds & { readonly actionId: string; readonly ref: string | null }
>;

export type ActionPlanEvent =
  | ActionPlanDrafted
  | ActionPlanSubmitted
  | ActionPlanReturned
  | ActionPlanApproved
  | ActionPlanPublished
  | ActionPlanClosed
  | ActionPlanDiscarded
  | ActionRegistered;

// State ---------------------------------------------------------------------------------------

export type RegisteredAction = { readonly actionId: string; readonly ref: string | null };

export type ActionPlan = {
  readonly status: ActionPlanStatus;
  readonly planId: string;
  readonly strategyId: string;
  readonly title: string;
  readonly period: Period;
  readonly actions: readonly RegisteredAction[];
  readonly approvedOn: CalendarDate | null;
  readonly publishedOn: CalendarDate | null;
  readonly closedOn: CalendarDate | null;
};

export type ActionPlanState = { readonly status: 'none' } | ActionPlan;

function existing(state: ActionPlanState, planId: string): ActionPlan {
  if (state.status === 'none') throw new NotFound(`There is no action plan ${planId}`);
  return state;
}

function ids(plan: ActionPlan): PlanIds {
  return { planId: plan.planId, strategyId: plan.strategyId };
}

function requireStatus(plan: ActionPlan, status: ActionPlanStatus, code: string, message: string): void {
  if (plan.status !== status) throw new DomainRuleViolation(`This action plan is ${plan.status}: ${message}`, code);
}

export const actionPlanDecider: Decider<ActionPlanCommand, ActionPlanEvent, ActionPlanState> = {
  eventTypes: [
    'ActionPlanDrafted',
    'ActionPlanSubmitted',
    'ActionPlanReturned',
    'ActionPlanApproved',
    'ActionPlanPublished',
    'ActionPlanClosed',
    'ActionPlanDiscarded',
    'ActionRegistered',
  ],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'DraftActionPlan': {
        if (state.status !== 'none') {
          throw new DomainConflict(`Action plan ${command.planId} exists already`, 'action_plan_exists');
        }
        const { strategy } = command;
        if (strategy.status === 'archived') {
          throw new DomainRuleViolation(
            'The strategy is archived: draft the plan under a current strategy',
            'strategy_archived',
            'strategyId',
          );
        }
        const title = requiredText(command.title, 'title', 'Enter the title of the action plan');
        const period = validatePeriod(command.period);
        if (!isWithinPeriod(period, strategy.period)) {
          throw new DomainRuleViolation(
            `The plan's period must fall within the strategy's, ${strategy.period.from} to ${strategy.period.to}`,
            'plan_outside_strategy_period',
            'period',
          );
        }
        return [
          {
            type: 'ActionPlanDrafted',
            data: { planId: command.planId, strategyId: strategy.strategyId, title, period },
          },
        ];
      }

      case 'SubmitActionPlan': {
        const plan = existing(state, command.planId);
        requireStatus(plan, 'draft', 'plan_not_draft', 'only a draft can be submitted for approval');
        if (plan.actions.length === 0) {
          throw new DomainRuleViolation('Add at least one action before submitting the plan', 'plan_has_no_actions');
        }
        return [{ type: 'ActionPlanSubmitted', data: ids(plan) }];
      }

      case 'ReturnActionPlan': {
        const plan = existing(state, command.planId);
        requireStatus(plan, 'submitted', 'plan_not_submitted', 'only a submitted plan can be returned');
        const reason = requiredNarrative(command.reason, 'reason', 'Say why the plan is returned');
        return [{ type: 'ActionPlanReturned', data: { ...ids(plan), reason } }];
      }

      case 'ApproveActionPlan': {
        const plan = existing(state, command.planId);
        requireStatus(plan, 'submitted', 'plan_not_submitted', 'only a submitted plan can be approved');
        const approvedOn = requiredDate(command.approvedOn, 'approvedOn', 'the date the plan was approved');
        return [{ type: 'ActionPlanApproved', data: { ...ids(plan), approvedOn } }];
      }

      case 'PublishActionPlan': {
        const plan = existing(state, command.planId);
        requireStatus(plan, 'approved', 'plan_not_approved', 'only an approved plan can be published');
        const publishedOn = requiredDate(command.publishedOn, 'publishedOn', 'the date the plan was published');
        if (plan.approvedOn !== null && publishedOn < plan.approvedOn) {
          throw new DomainRuleViolation(
            'A plan cannot be published before it was approved',
            'published_before_approved',
            'publishedOn',
          );
        }
        return [{ type: 'ActionPlanPublished', data: { ...ids(plan), publishedOn } }];
      }

      case 'CloseActionPlan': {
        const plan = existing(state, command.planId);
        if (plan.status === 'closed')
          throw new DomainRuleViolation('This action plan is closed already', 'plan_closed');
        if (plan.status === 'discarded')
          throw new DomainRuleViolation('This draft was discarded: there is nothing to close', 'plan_discarded');
        const closedOn = requiredDate(command.closedOn, 'closedOn', 'the date the plan closed');
        return [{ type: 'ActionPlanClosed', data: { ...ids(plan), closedOn, reason: optionalText(command.reason) } }];
      }

      case 'DiscardActionPlan': {
        const plan = existing(state, command.planId);
        requireStatus(plan, 'draft', 'plan_not_draft', 'only a draft can be discarded');
        return [{ type: 'ActionPlanDiscarded', data: { ...ids(plan), reason: optionalText(command.reason) } }];
      }

      case 'RegisterAction': {
        const plan = existing(state, command.planId);
        assertPlanOpenForChanges(plan.status);
        const ref = optionalRef(command.ref);
        const registered = plan.actions.find((action) => action.actionId === command.actionId);
        if (registered !== undefined) {
          if (registered.ref === ref) return [];
          throw new DomainConflict(
            `Action ${command.actionId} is registered already as "${registered.ref ?? ''}"`,
            'action_exists',
          );
        }
        const clash = plan.actions.find((action) => sameRef(action.ref, ref));
        if (clash !== undefined) {
          throw new DomainRuleViolation(
            `Another action in this plan is numbered "${clash.ref ?? ''}"`,
            'duplicate_action_ref',
            'ref',
          );
        }
        return [{ type: 'ActionRegistered', data: { ...ids(plan), actionId: command.actionId, ref } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ActionPlanDrafted':
        return {
          status: 'draft',
          planId: event.data.planId,
          strategyId: event.data.strategyId,
          title: event.data.title,
          period: event.data.period,
          actions: [],
          approvedOn: null,
          publishedOn: null,
          closedOn: null,
        };
      case 'ActionPlanSubmitted':
        return { ...existing(state, event.data.planId), status: 'submitted' };
      case 'ActionPlanReturned':
        return { ...existing(state, event.data.planId), status: 'draft' };
      case 'ActionPlanApproved':
        return { ...existing(state, event.data.planId), status: 'approved', approvedOn: event.data.approvedOn };
      case 'ActionPlanPublished':
        return { ...existing(state, event.data.planId), status: 'published', publishedOn: event.data.publishedOn };
      case 'ActionPlanClosed':
        return { ...existing(state, event.data.planId), status: 'closed', closedOn: event.data.closedOn };
      case 'ActionPlanDiscarded':
        return { ...existing(state, event.data.planId), status: 'discarded' };
      case 'ActionRegistered': {
        const plan = existing(state, event.data.planId);
        return { ...plan, actions: [...plan.actions, { actionId: event.data.actionId, ref: event.data.ref }] };
      }
    }
  },
};
