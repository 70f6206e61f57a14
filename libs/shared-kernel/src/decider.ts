import type { JsonObject } from './json.js';

/** What a decider emits: a past-tense type and JSON data. Metadata is added where it is stored. */
export interface DomainEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * An aggregate as two pure functions (Emmett's decider): `decide` turns a command and the current
 * state into events or refuses it; `evolve` folds an event into the state.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  /** Every event type `evolve` understands; anything else in a stream is a bug and is refused. */
  readonly eventTypes: readonly Event['type'][];
  readonly initialState: () => State;
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
}

/** Several commands decided one after another, each on the state the previous ones left: all or none. */
export function decideAll<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  state: State,
  commands: readonly Command[],
): Event[] {
  const events: Event[] = [];
  let current = state;
  for (const command of commands) {
    const decided = decider.decide(command, current);
    events.push(...decided);
    current = decided.reduce((folded, event) => decider.evolve(folded, event), current);
  }
  return events;
}
