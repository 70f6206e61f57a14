import type { ActionHistory, HistoryEntry } from '@due-regard/plans';
import { sourceName } from '../shared/wording.js';
import { ukDateTime } from '../../rendering/uk-dates.js';

export interface HistoryRow {
  readonly when: string;
  /** The instant, for a `<time datetime>`. */
  readonly time: string;
  readonly who: string;
  readonly what: string;
  readonly source: string;
}

export interface HistoryView {
  readonly ref: string | null;
  /** The action's title as its latest wording has it. */
  readonly title: string;
  /** Newest first. */
  readonly rows: readonly HistoryRow[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Each change with who made it (names looked up now), when on UK clocks, what it changed and where. */
export function actionHistoryView(history: ActionHistory, names: ReadonlyMap<string, string>): HistoryView {
  let ref: string | null = null;
  let title = '';
  for (const event of history.events) {
    if (event.type === 'ActionAdded') ref = text(event.data['ref']);
    title = text(event.data['title']) ?? title;
  }
  return { ref, title, rows: historyRows(history.events, names) };
}

/** The changes newest first, each with who made it (names looked up now), when on UK clocks, what it changed and where. */
export function historyRows(events: readonly HistoryEntry[], names: ReadonlyMap<string, string>): HistoryRow[] {
  return [...events].reverse().map((event) => ({
    when: ukDateTime(event.time),
    time: event.time,
    who: names.get(event.actorId) ?? event.actorId,
    what: event.summary,
    source: sourceName(event.source),
  }));
}
