import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ConcurrencyError } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import {
  GetActionHistoryQuery,
  GetActionQuery,
  GetPlanAsOfQuery,
  personOf,
  whyNotPermitted,
  type ActionCapability,
  type ActionDetail,
  type PlanAsOf,
  type Person,
} from '@due-regard/plans';
import { DomainConflict, DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import { FORM_ERROR, fieldErrorsFromRule, inUkDates, type FieldErrors } from '../../forms/field-errors.js';
import { ukDateTime } from '../../rendering/uk-dates.js';
import { NamesToShow } from '../../users/names-to-show.js';
import type { FormState } from './form-state.js';

/** One change recorded since a form was opened, as the conflict page lists it. */
export interface ChangeSince {
  readonly when: string;
  readonly who: string;
  readonly summary: string;
}

/** Why a command was refused, as a form shows it. */
export type Refusal =
  { readonly kind: 'stale' } | { readonly kind: 'invalid'; readonly errors: FieldErrors; readonly status: number };

const PAGE_ID = z.uuid();

/** Ids in page addresses are the UUIDs we issue: anything else is a page that does not exist. */
export function pageId(value: string): string {
  if (!PAGE_ID.safeParse(value).success) throw new NotFoundException();
  return value;
}

/** Our pages' address of an action. */
export const pagePaths = {
  plan: (planId: string): string => `/plans/${planId}`,
  action: (planId: string, actionId: string): string => `/plans/${planId}/actions/${actionId}`,
};

/**
 * A command's refusal as a form shows it: a stale version, a rule broken (on a field, or on the
 * form), a conflict; "no such thing" is a 404 page. Anything else is not the user's to fix: rethrown.
 */
export function refusalOf(error: unknown, anchors: Readonly<Record<string, string>> = {}): Refusal {
  if (error instanceof ConcurrencyError) return { kind: 'stale' };
  if (error instanceof DomainRuleViolation) {
    const errors = fieldErrorsFromRule(error, anchors);
    return { kind: 'invalid', errors, status: FORM_ERROR in errors ? 422 : 400 };
  }
  if (error instanceof DomainConflict) {
    return { kind: 'invalid', errors: { [FORM_ERROR]: inUkDates(error.message) }, status: 409 };
  }
  if (error instanceof NotFound) throw new NotFoundException();
  throw error;
}

/** What the plan and action pages share: reading an action, who may do what to it, what changed since. */
@Injectable()
export class PlanPages {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly context: RequestContext,
    private readonly names: NamesToShow,
  ) {}

  /** The signed-in person, as the plans policy sees them here. */
  person(): Person {
    return personOf(this.context.principal(), this.context.councilSlug());
  }

  /** The action from its own events (the version a form sends back as If-Match); 404 when the plan has no such action. */
  async action(planId: string, actionId: string): Promise<ActionDetail> {
    try {
      return await this.queryBus.execute(new GetActionQuery(pageId(planId), pageId(actionId)));
    } catch (error) {
      if (error instanceof NotFound) throw new NotFoundException();
      throw error;
    }
  }

  /** The plan as it stands, from its events (its strategy's objectives, its status, its version); 404 when there is none. */
  async plan(planId: string): Promise<PlanAsOf> {
    try {
      return await this.queryBus.execute(new GetPlanAsOfQuery(pageId(planId), new Date()));
    } catch (error) {
      if (error instanceof NotFound) throw new NotFoundException();
      throw error;
    }
  }

  /** A select's items for the plan's strategy's objectives in force (and `current`, even if retired since). */
  objectiveItems(
    plan: PlanAsOf,
    selected: string,
    current?: string,
  ): { value: string; text: string; selected: boolean }[] {
    const objectives = (plan.strategy?.objectives ?? []).filter(
      (objective) => !objective.retired || objective.objectiveId === current,
    );
    const items = objectives.map((objective) => ({
      value: objective.objectiveId,
      text: [objective.ref, objective.title].filter((part) => part !== null && part !== '').join(' '),
      selected: objective.objectiveId === selected,
    }));
    return items.some((item) => item.selected)
      ? items
      : [{ value: '', text: 'Select an objective', selected: true }, ...items];
  }

  /** An action lead on another team's action: the command refuses it too; the form is not even shown. */
  assertPermitted(capability: ActionCapability, action: ActionDetail): void {
    const refusal = whyNotPermitted(this.person(), capability, action);
    if (refusal !== null) throw new ForbiddenException(refusal);
  }

  /** The action's changes recorded after `version` (the one the form was opened at), oldest first. */
  async changesSince(planId: string, actionId: string, version: number | undefined): Promise<ChangeSince[]> {
    const history = await this.queryBus.execute(new GetActionHistoryQuery(planId, actionId));
    const since = history.events.filter((entry) => version === undefined || entry.version > version);
    const names = await this.names.of(since.map((entry) => entry.actorId));
    return since.map((entry) => ({
      when: ukDateTime(entry.time),
      who: names.get(entry.actorId) ?? entry.actorId,
      summary: entry.summary,
    }));
  }

  /**
   * A refused change to an action, as its form shows it again with what was typed: with what changed
   * since the form's version and the current version to send against (409), or with what to correct.
   */
  async formStateAfter(
    error: unknown,
    action: ActionDetail,
    version: number | undefined,
    anchors: Readonly<Record<string, string>>,
  ): Promise<FormState> {
    const refusal = refusalOf(error, anchors);
    if (refusal.kind === 'invalid') return { version: version ?? '', errors: refusal.errors, status: refusal.status };
    return {
      version: (await this.action(action.planId, action.id)).version,
      changes: await this.changesSince(action.planId, action.id, version),
      status: 409,
    };
  }
}
