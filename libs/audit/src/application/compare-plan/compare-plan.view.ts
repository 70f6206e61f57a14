import type { JsonValue } from '@due-regard/shared-kernel';

export interface ChangedField {
  readonly field: string;
  readonly from: JsonValue;
  readonly to: JsonValue;
}

export interface ActionSummary {
  readonly actionId: string;
  readonly ref: string | null;
  readonly title: string;
}

/** What changed in a plan between two instants, action by action. */
export interface PlanComparison {
  readonly planId: string;
  readonly from: string;
  readonly to: string;
  /** Null when the plan did not exist yet at `from`. */
  readonly planChanges: readonly ChangedField[] | null;
  readonly added: readonly ActionSummary[];
  readonly removed: readonly ActionSummary[];
  readonly changed: readonly (ActionSummary & { readonly changes: readonly ChangedField[] })[];
  readonly unchanged: number;
}
