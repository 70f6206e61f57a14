import type { PlanAsOf } from '@due-regard/plans';
import type { JsonObject } from '@due-regard/shared-kernel';
import type { ChangedField, PlanComparison } from './compare-plan.view.js';

/** Fields that say where a state came from rather than what it is: not a change. */
const IGNORED = new Set(['version']);

function changedFields(before: JsonObject, after: JsonObject): ChangedField[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !IGNORED.has(field));
  return fields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

const asJson = (value: unknown): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

/** The plan at `to` set against the plan at `from` (null: it did not exist yet): added, removed and changed actions. */
export function comparePlans(
  planId: string,
  from: string,
  to: string,
  before: PlanAsOf | null,
  after: PlanAsOf,
): PlanComparison {
  const beforeActions = new Map((before?.actions ?? []).map((action) => [action.actionId, action]));
  const afterActions = new Map(after.actions.map((action) => [action.actionId, action]));
  const summary = (action: { actionId: string; ref: string | null; title: string }) => ({
    actionId: action.actionId,
    ref: action.ref,
    title: action.title,
  });
  const changed: PlanComparison['changed'][number][] = [];
  let unchanged = 0;
  for (const [actionId, action] of afterActions) {
    const earlier = beforeActions.get(actionId);
    if (!earlier) continue;
    const changes = changedFields(asJson(earlier), asJson(action));
    if (changes.length > 0) changed.push({ ...summary(action), changes });
    else unchanged += 1;
  }
  return {
    planId,
    from,
    to,
    planChanges: before ? changedFields(asJson(before.plan), asJson(after.plan)) : null,
    added: [...afterActions.values()].filter((action) => !beforeActions.has(action.actionId)).map(summary),
    removed: [...beforeActions.values()].filter((action) => !afterActions.has(action.actionId)).map(summary),
    changed,
    unchanged,
  };
}
