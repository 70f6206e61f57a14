import { actionDecider, type ActionEvent, type ActionState } from '../../domain/action.js';
import { parseDue } from '../../domain/due.js';
import { longDate, objectiveName, quote, summariseActionEvent, type ObjectiveLabel } from './history-summaries.js';

const ids = { actionId: 'a-1', planId: 'p-1' };
const objectives: ObjectiveLabel = (id) =>
  ({
    'peo-1': objectiveName({ ref: 'PEO 1', title: 'To assess, consult and evaluate the impact of our services' }),
    'peo-2': objectiveName({ ref: null, title: 'Inclusive workforce' }),
  })[id] ?? `objective ${id}`;

const added: ActionEvent = {
  type: 'ActionAdded',
  data: {
    ...ids,
    ref: '1.3',
    objectiveId: 'peo-1',
    title: 'Equality Working Group to act as a critical friend in reviewing Equality Impact Assessments.',
    description: null,
    due: parseDue('April 2018'),
    successMeasures: ['Review at least one EIA per quarter.'],
    leads: ['Equality Working Group'],
    protectedCharacteristics: ['age'],
  },
};

/** Each event summarised against the state the events before it left. */
function summaries(...events: readonly ActionEvent[]): string[] {
  let state: ActionState = actionDecider.initialState();
  return events.map((event) => {
    const summary = summariseActionEvent(event, state, objectives);
    state = actionDecider.evolve(state, event);
    return summary;
  });
}

describe('what each change to an action says in its history', () => {
  it('names the reference, the title (cut short), the objective, the due as written and the leads of a new action', () => {
    expect(summaries(added)).toEqual([
      'Added 1.3 "Equality Working Group to act as a critical friend in reviewing Equality Impact…" under PEO 1 "To assess, consult and evaluate the impact of our services", due "April 2018", led by Equality Working Group',
    ]);
  });

  it('says what a rewording changed, and only that', () => {
    const [, reworded] = summaries(added, {
      type: 'ActionReworded',
      data: {
        ...ids,
        title: added.data.title,
        description: 'Through the quarterly EWG meetings',
        successMeasures: ['Review at least one EIA per quarter.'],
      },
    });
    expect(reworded).toBe('Reworded: description "Through the quarterly EWG meetings"');
  });

  it('gives old and new leads, objectives, characteristics and dues', () => {
    expect(
      summaries(
        added,
        { type: 'LeadsReassigned', data: { ...ids, previousLeads: ['Equality Working Group'], leads: [] } },
        { type: 'ActionMoved', data: { ...ids, fromObjectiveId: 'peo-1', toObjectiveId: 'peo-2' } },
        { type: 'CharacteristicsConcernedChanged', data: { ...ids, protectedCharacteristics: ['age', 'carers'] } },
        {
          type: 'DueRevised',
          data: { ...ids, previousDue: parseDue('April 2018'), due: parseDue('May 2018'), reason: 'Waiting for SMT' },
        },
      ).slice(1),
    ).toEqual([
      'Leads changed from Equality Working Group to none',
      'Moved from PEO 1 "To assess, consult and evaluate the impact of our services" to objective "Inclusive workforce"',
      'Characteristics concerned changed from Age to Age, Carers',
      'Due revised from "April 2018" to "May 2018": "Waiting for SMT"',
    ]);
  });

  it('reports progress with the status and RAG it moved from', () => {
    const progress = (
      status: 'in-progress' | 'completed',
      previousStatus: 'not-started' | 'in-progress',
      rag: 'green' | 'amber',
    ): ActionEvent => ({
      type: 'ProgressRecorded',
      data: {
        ...ids,
        status,
        rag,
        narrative: 'EIAs monitored at the quarterly EWG meetings.',
        asOf: '2017-06-30',
        previousStatus,
      },
    });
    expect(
      summaries(
        added,
        progress('in-progress', 'not-started', 'green'),
        progress('in-progress', 'in-progress', 'amber'),
      ).slice(1),
    ).toEqual([
      'Progress as of 30 June 2017: in progress (was not started), RAG green (was unrated): "EIAs monitored at the quarterly EWG meetings."',
      'Progress as of 30 June 2017: in progress, RAG amber (was green): "EIAs monitored at the quarterly EWG meetings."',
    ]);
  });

  it('dates completion, deferral and cancellation, with what was said', () => {
    expect(
      summaries(
        added,
        { type: 'ActionDeferred', data: { ...ids, deferredOn: '2017-11-01', reason: 'Waiting for the new intranet' } },
        { type: 'ActionCompleted', data: { ...ids, completedOn: '2018-04-30', narrative: null } },
      ).slice(1),
    ).toEqual(['Deferred on 1 November 2017: "Waiting for the new intranet"', 'Completed on 30 April 2018']);
    expect(
      summaries(added, {
        type: 'ActionCancelled',
        data: { ...ids, cancelledOn: '2017-05-02', reason: 'Replaced by 1.6' },
      })[1],
    ).toBe('Cancelled on 2 May 2017: "Replaced by 1.6"');
  });

  it('names an objective it does not know by its id', () => {
    expect(
      summaries(added, { type: 'ActionMoved', data: { ...ids, fromObjectiveId: 'peo-1', toObjectiveId: 'gone' } })[1],
    ).toMatch(/ to objective gone$/);
  });
});

describe('the words summaries are made of', () => {
  it('writes dates in full', () => {
    expect(longDate('2024-10-01')).toBe('1 October 2024');
    expect(longDate('not a date')).toBe('not a date');
  });

  it('quotes text on one line, cut with an ellipsis', () => {
    expect(quote('Progress\n  to date')).toBe('"Progress to date"');
    expect(quote('a'.repeat(10), 5)).toBe('"aaaa…"');
  });
});
