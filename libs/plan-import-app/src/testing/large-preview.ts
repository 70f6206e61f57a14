import type { PlanPreview } from '@due-regard/plan-import';

/**
 * A preview of `actions` actions, made from a real one by repeating its actions under their own
 * objectives with refs and places of their own: a large plan as a council's importer reads it.
 */
export function largePreview(base: PlanPreview, actions: number): PlanPreview {
  if (base.actions.length === 0) throw new Error('the base preview has no actions');
  return {
    ...base,
    actions: Array.from({ length: actions }, (_, index) => {
      const model = base.actions[index % base.actions.length];
      if (model === undefined) throw new Error('unreachable: the base preview has actions');
      return { ...model, ref: `L${index + 1}`, at: `row ${index + 1}` };
    }),
  };
}
