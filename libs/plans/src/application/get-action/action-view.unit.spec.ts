import type { ActionEvent } from '../../domain/action.js';
import { parseDue } from '../../domain/due.js';
import { recordedStream } from '../testing/recorded-events.js';
import { actionAsOf, actionDetail, dueView, foldAction } from './action-view.js';

const ids = { actionId: '0190f3c2-0000-7000-8000-000000000014', planId: '0190f3c2-0000-7000-8000-0000000000aa' };
const stream = 'action-charnwood.0190f3c2-0000-7000-8000-000000000014';

// Charnwood Equality Strategy Action Plan 2024 – 2026, action 1.4.
const added: ActionEvent = {
  type: 'ActionAdded',
  data: {
    ...ids,
    ref: '1.4',
    objectiveId: 'peo-1',
    title: 'Raise awareness of the Equality Impact Assessment process and guidance, through internal communications.',
    description: null,
    due: parseDue('Sept 2024 and Sept 2025'),
    successMeasures: ['One article published, per year, to raise awareness of process.'],
    leads: ['Transformation, Strategy and Performance Team'],
    protectedCharacteristics: [],
  },
};
const progressed: ActionEvent = {
  type: 'ProgressRecorded',
  data: {
    ...ids,
    status: 'in-progress',
    rag: 'green',
    narrative: 'First article published in One Charnwood.',
    asOf: '2024-10-01',
    previousStatus: 'not-started',
  },
};
const revised: ActionEvent = {
  type: 'DueRevised',
  data: {
    ...ids,
    previousDue: parseDue('Sept 2024 and Sept 2025'),
    due: parseDue('May 2026'),
    reason: 'The intranet relaunch moved',
  },
};
const deferred: ActionEvent = {
  type: 'ActionDeferred',
  data: { ...ids, deferredOn: '2024-11-01', reason: 'Waiting for the new intranet' },
};

describe("an action's detail, folded from its events", () => {
  it('reads nothing from an empty stream', () => {
    expect(foldAction([])).toBeNull();
  });

  it('shows the due as written, its schedule and its plain-English rendering', () => {
    const folded = foldAction(recordedStream(stream, [added]));
    expect(folded).not.toBeNull();
    if (folded === null) return;
    const detail = actionDetail(folded, null);
    expect(detail).toMatchObject({
      id: ids.actionId,
      planId: ids.planId,
      ref: '1.4',
      status: 'not-started',
      rag: 'none',
      leads: ['Transformation, Strategy and Performance Team'],
      successMeasures: ['One article published, per year, to raise awareness of process.'],
      progress: [],
      dueRevisions: [],
      version: 1,
      updatedAt: '2024-10-01T09:00:00.000Z',
      asOf: null,
    });
    expect(detail.due).toEqual({
      text: 'Sept 2024 and Sept 2025',
      kind: 'milestones',
      dates: ['2024-09-30', '2025-09-30'],
      range: null,
      frequency: null,
      rendered: 'September 2024 and September 2025',
      finalDate: '2025-09-30',
    });
  });

  it('keeps the dated record of progress and deferral, and every due revision with the one it replaced', () => {
    const folded = foldAction(recordedStream(stream, [added, progressed, revised, deferred]));
    if (folded === null) throw new Error('no action');
    const detail = actionDetail(folded, new Date('2024-12-01T00:00:00Z'));
    expect(detail.progress).toEqual([
      {
        kind: 'progress',
        status: 'in-progress',
        rag: 'green',
        narrative: 'First article published in One Charnwood.',
        asOf: '2024-10-01',
        recordedAt: '2024-10-01T09:01:00.000Z',
        actorId: 'f7a1c1de-0000-4000-8000-000000000001',
        version: 2,
      },
      {
        kind: 'deferred',
        status: 'deferred',
        rag: 'green',
        narrative: 'Waiting for the new intranet',
        asOf: '2024-11-01',
        recordedAt: '2024-10-01T09:03:00.000Z',
        actorId: 'f7a1c1de-0000-4000-8000-000000000001',
        version: 4,
      },
    ]);
    expect(detail.dueRevisions).toHaveLength(1);
    expect(detail.dueRevisions[0]).toMatchObject({
      previous: { text: 'Sept 2024 and Sept 2025', kind: 'milestones' },
      due: { text: 'May 2026', kind: 'date', dates: ['2026-05-31'], finalDate: '2026-05-31' },
      reason: 'The intranet relaunch moved',
      version: 3,
    });
    expect(detail).toMatchObject({
      status: 'deferred',
      statusReason: 'Waiting for the new intranet',
      due: { text: 'May 2026' },
      version: 4,
      asOf: '2024-12-01T00:00:00.000Z',
    });
  });

  it('refuses a stream holding an event its decider does not know', () => {
    const [first] = recordedStream(stream, [added]);
    if (first === undefined) throw new Error('no event');
    expect(() => foldAction([{ ...first, type: 'ActionTeleported' }])).toThrow(/unknown type ActionTeleported/);
  });

  it('summarises the action for a plan as of an instant, with its latest progress', () => {
    const folded = foldAction(recordedStream(stream, [added, progressed]));
    if (folded === null) throw new Error('no action');
    expect(actionAsOf(folded.state, folded.version)).toMatchObject({
      actionId: ids.actionId,
      status: 'in-progress',
      rag: 'green',
      latestProgress: { status: 'in-progress', rag: 'green', asOf: '2024-10-01' },
      due: dueView(parseDue('Sept 2024 and Sept 2025')),
      version: 2,
    });
  });
});
