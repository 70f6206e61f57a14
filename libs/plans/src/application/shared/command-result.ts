import { z } from 'zod';

// The one contract every plans command answers, kept here rather than beside a use case: each
// command answers the id it acted on, the stream's new version and where the change landed; a
// use case whose answer says more (`add-action.view.ts`) extends it beside itself.

/** What a command answers: the id it acted on, the stream's new version (its ETag) and where the change landed. */
export interface CommandResult {
  readonly id: string;
  /** The stream's version after the change: the resource's ETag. Unchanged when nothing was recorded. */
  readonly version: number;
  /** The global position (`commit/prepare`) of the command's last event; null when nothing was recorded. */
  readonly position: string | null;
}

export const writeResultSchema = z.object({
  id: z.uuid().describe('The strategy, plan or action acted on (the one created, for a create)'),
  version: z.int().min(0).describe("The stream's version after the change: the resource's ETag"),
  position: z
    .string()
    .nullable()
    .describe('Global position ("commit/prepare") of the last event recorded; null when the change recorded nothing'),
}) satisfies z.ZodType<CommandResult>;

/**
 * What a change to an action answers: the command result and the action's plan. Shared by the
 * use cases that change an action (revise-action, revise-due, record-progress, action-lifecycle).
 */
export interface ActionChangedResult extends CommandResult {
  readonly planId: string;
}

export const actionChangedSchema = writeResultSchema.extend({
  id: z.uuid().describe('The action'),
  planId: z.uuid(),
}) satisfies z.ZodType<ActionChangedResult>;
