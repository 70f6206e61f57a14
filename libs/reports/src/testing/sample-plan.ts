import type { ActionDetail, ActionStatus, PlanAsOf, Rag } from '@due-regard/plans';

/**
 * A plan as of an instant and its actions, as the plans context's as-of reads answer them, for
 * tests and the benchmark of the renderers: `actions` actions over three objectives, with due
 * revisions, progress, a completion, a deferral, and titles a spreadsheet would take for formulas.
 */
export const HOSTILE_TITLES = [
  '=HYPERLINK("http://example.invalid","Click")',
  '+44 helpline promoted in libraries',
  '-1 vacancies held open',
  '@SUM(A1:A2) review of panels',
  '\tTabbed training records',
  '\rCarriage return in a title',
] as const;

const STATUSES: readonly ActionStatus[] = ['not-started', 'in-progress', 'completed', 'deferred', 'ongoing'];
const RAGS: readonly Rag[] = ['green', 'amber', 'red', 'none'];
const uuid = (n: number): string => `0190f3c2-7d1e-7abc-8def-${n.toString(16).padStart(12, '0')}`;

export function samplePlan(actions: number): { plan: PlanAsOf; details: ActionDetail[] } {
  const planId = uuid(1);
  const objectives = [1, 2, 3].map((n) => ({
    objectiveId: uuid(100 + n),
    ref: `PEO ${n}`,
    title: `Objective ${n}: fair services for everyone`,
    retired: false,
  }));
  const details: ActionDetail[] = Array.from({ length: actions }, (_, index) => {
    const status = STATUSES[index % STATUSES.length] ?? 'not-started';
    const rag = RAGS[index % RAGS.length] ?? 'none';
    const objective = objectives[index % objectives.length] ?? objectives[0];
    const due = {
      text: 'March 2025',
      kind: 'date' as const,
      dates: ['2025-03-31'],
      range: null,
      frequency: null,
      rendered: 'By 31 March 2025',
      finalDate: '2025-03-31',
    };
    const progressed = status !== 'not-started';
    return {
      id: uuid(1000 + index),
      planId,
      ref: `${(index % 3) + 1}.${Math.floor(index / 3) + 1}`,
      objectiveId: objective?.objectiveId ?? '',
      title: HOSTILE_TITLES[index] ?? `Action number ${index + 1}: publish accessible information`,
      description: null,
      due,
      dueRevisions:
        index % 4 === 1
          ? [
              {
                previous: { ...due, text: 'December 2024', dates: ['2024-12-31'], finalDate: '2024-12-31' },
                due,
                reason: 'The venue was not available',
                recordedAt: '2024-11-02T10:00:00.000Z',
                actorId: 'user-1',
                version: 2,
              },
            ]
          : [],
      successMeasures: ['Number of staff trained'],
      leads: ['Human Resources'],
      protectedCharacteristics: [],
      status,
      statusReason: status === 'deferred' ? 'Budget moved to next year' : null,
      rag,
      progress: progressed
        ? [
            {
              kind: status === 'completed' ? 'completed' : status === 'deferred' ? 'deferred' : 'progress',
              status,
              rag,
              narrative: `Progress to date on action ${index + 1}`,
              asOf: '2024-09-30',
              recordedAt: '2024-10-01T09:00:00.000Z',
              actorId: 'user-1',
              version: 3,
            },
          ]
        : [],
      version: progressed ? 3 : 1,
      updatedAt: '2024-10-01T09:00:00.000Z',
      asOf: '2025-03-31T22:59:59.999Z',
    };
  });
  const count = <K extends string>(keys: readonly K[], of: (detail: ActionDetail) => K) =>
    Object.fromEntries(keys.map((key) => [key, details.filter((detail) => of(detail) === key).length])) as Record<
      K,
      number
    >;
  const plan: PlanAsOf = {
    asOf: '2025-03-31T22:59:59.999Z',
    plan: {
      planId,
      strategyId: uuid(2),
      title: 'Equality Strategy Action Plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
      status: 'published',
      approvedOn: '2024-07-01',
      publishedOn: '2024-07-02',
      closedOn: null,
      version: 5,
    },
    strategy: {
      strategyId: uuid(2),
      title: 'Equality Strategy 2024-2028',
      status: 'published',
      period: { from: '2024-04-01', to: '2028-03-31' },
      objectives,
      version: 4,
    },
    actions: details.map((detail) => ({
      actionId: detail.id,
      ref: detail.ref,
      objectiveId: detail.objectiveId,
      title: detail.title,
      description: null,
      due: detail.due,
      successMeasures: detail.successMeasures,
      leads: detail.leads,
      protectedCharacteristics: [],
      status: detail.status,
      statusReason: detail.statusReason,
      rag: detail.rag,
      latestProgress: null,
      version: detail.version,
    })),
    summary: {
      actions: details.length,
      byStatus: count(['not-started', 'in-progress', 'completed', 'ongoing', 'deferred', 'cancelled'], (d) => d.status),
      byRag: count(['red', 'amber', 'green', 'none'], (d) => d.rag),
    },
  };
  return { plan, details };
}
