import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { measureDecider, measureRag, type MeasureState } from '../../domain/measure.js';
import { asDomainEvent, historyEntryOf } from '../shared/recorded.js';
import { planStreams } from '../shared/streams.js';
import type { HistoryEntry } from '../shared/views.js';
import { GetMeasureQuery } from './get-measure.query.js';
import type { MeasureDetail, ReadingView } from './get-measure.view.js';
import { summariseMeasureEvent } from './measure-summaries.js';

/** Reads the measure's stream and folds it once: the state, the readings with who and when, the history. */
@QueryHandler(GetMeasureQuery)
export class GetMeasureHandler implements IQueryHandler<GetMeasureQuery, MeasureDetail> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: RequestContext,
  ) {}

  async execute({ measureId }: GetMeasureQuery): Promise<MeasureDetail> {
    const recorded = await this.store.readStream(planStreams.measure(this.context.councilSlug(), measureId));
    let state: MeasureState = measureDecider.initialState();
    const readings: ReadingView[] = [];
    const history: HistoryEntry[] = [];
    for (const entry of recorded) {
      const event = asDomainEvent(measureDecider, entry);
      state = measureDecider.evolve(state, event);
      if (state.status === 'none') continue;
      history.push(historyEntryOf(entry, summariseMeasureEvent(event, state.unit)));
      if (event.type === 'MeasureReadingRecorded') {
        readings.push({
          value: event.data.value,
          on: event.data.asOf,
          note: event.data.note,
          recordedBy: entry.metadata.actorId,
          recordedAt: entry.recordedAt.toISOString(),
          version: entry.streamVersion,
        });
      }
    }
    if (state.status === 'none') throw new NotFound(`There is no measure ${measureId}`);
    return {
      id: measureId,
      subject: state.subject,
      title: state.title,
      unit: state.unit,
      direction: state.direction,
      baseline: state.baseline,
      target: state.target,
      status: state.status,
      // Stable: readings of the same date keep the order they were recorded in.
      readings: readings.toSorted((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
      rag: measureRag(state, state.readings),
      history,
      version: recorded.at(-1)?.streamVersion ?? 0,
    };
  }
}
