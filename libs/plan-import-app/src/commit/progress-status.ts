import type { ProgressStatus } from '@due-regard/plan-import';
import type { ActionStatus } from '@due-regard/plans';

const STATUSES: Readonly<Record<ProgressStatus, ActionStatus>> = {
  not_started: 'not-started',
  in_progress: 'in-progress',
  completed: 'completed',
  ongoing: 'ongoing',
  deferred: 'deferred',
  cancelled: 'cancelled',
};

/**
 * The importer reads statuses in snake_case (`in_progress`); the plans domain spells them in
 * kebab-case (`in-progress`). A narrative whose words name no status still reports work done, so
 * it is recorded as in progress.
 */
export function actionStatusOf(status: ProgressStatus | null): ActionStatus {
  return status === null ? 'in-progress' : STATUSES[status];
}
