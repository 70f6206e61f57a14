import type { ActionHistory, HistoryEntry } from '@due-regard/plans';
import { actionHistoryView, historyRows } from './action-history-view.js';

const entry = (version: number, overrides: Partial<HistoryEntry>): HistoryEntry => ({
  version,
  type: 'ProgressRecorded',
  time: '2025-06-30T08:15:00.000Z',
  occurredAt: '2025-06-30T08:15:00.000Z',
  actorId: 'grace-id',
  source: 'ui',
  correlationId: 'c',
  schemaVersion: 1,
  summary: `Change ${version}`,
  data: {},
  ...overrides,
});

const history: ActionHistory = {
  id: 'a-1',
  planId: 'p-1',
  version: 3,
  events: [
    entry(1, {
      type: 'ActionAdded',
      time: '2024-04-01T09:00:00.000Z',
      actorId: 'system:due-regard',
      source: 'import',
      data: { ref: '2.5', title: 'Anonymous applications' },
    }),
    entry(2, {
      type: 'ActionReworded',
      time: '2024-12-02T16:45:00.000Z',
      data: { title: 'Anonymous job applications' },
    }),
    entry(3, { actorId: 'someone-gone' }),
  ],
};

describe("an action's history page", () => {
  const view = actionHistoryView(
    history,
    new Map([
      ['grace-id', 'Grace Okafor'],
      ['system:due-regard', 'Due Regard'],
      ['someone-gone', 'Unknown user (someone-gone)'],
    ]),
  );

  it('lists each change newest first: who by name, when on UK clocks, what and where', () => {
    expect(view.rows).toEqual([
      {
        when: '30 June 2025 at 9:15am',
        time: '2025-06-30T08:15:00.000Z',
        who: 'Unknown user (someone-gone)',
        what: 'Change 3',
        source: 'Web',
      },
      {
        when: '2 December 2024 at 4:45pm',
        time: '2024-12-02T16:45:00.000Z',
        who: 'Grace Okafor',
        what: 'Change 2',
        source: 'Web',
      },
      {
        when: '1 April 2024 at 10:00am',
        time: '2024-04-01T09:00:00.000Z',
        who: 'Due Regard',
        what: 'Change 1',
        source: 'Import',
      },
    ]);
  });

  it('names the action by its reference and latest title', () => {
    expect({ ref: view.ref, title: view.title }).toEqual({ ref: '2.5', title: 'Anonymous job applications' });
  });
});

describe("a plan's history page", () => {
  it('lists the plan’s changes newest first, naming who made them', () => {
    const rows = historyRows(
      [
        entry(1, { type: 'ActionPlanDrafted', summary: 'Drafted "Plan"', time: '2024-04-01T09:00:00.000Z' }),
        entry(2, { type: 'ActionPlanSubmitted', summary: 'Submitted for approval', source: 'api' }),
      ],
      new Map([['grace-id', 'Grace Okafor']]),
    );
    expect(rows).toEqual([
      {
        when: '30 June 2025 at 9:15am',
        time: '2025-06-30T08:15:00.000Z',
        who: 'Grace Okafor',
        what: 'Submitted for approval',
        source: 'API',
      },
      {
        when: '1 April 2024 at 10:00am',
        time: '2024-04-01T09:00:00.000Z',
        who: 'Grace Okafor',
        what: 'Drafted "Plan"',
        source: 'Web',
      },
    ]);
  });
});
