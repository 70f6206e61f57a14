import {
  DomainConflict,
  DomainRuleViolation,
  NotFound,
  type Decider,
  type DomainEvent,
} from '@due-regard/shared-kernel';

/** What `act` throws; fails the test when it throws nothing. */
export function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('The command was accepted, but a refusal was expected');
}

/**
 * Given-When-Then for a decider, for unit tests:
 * `given(...events).when(command).then(...events)` or `.thenRefused(code, field)`.
 */
export function scenario<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return (...history: readonly Event[]) => {
    const state = history.reduce((current, event) => decider.evolve(current, event), decider.initialState());
    return {
      state,
      when: (command: Command) => {
        const decide = () => decider.decide(command, state);
        return {
          then: (...expected: readonly Event[]) => expect(decide()).toEqual(expected),
          thenNothingHappens: () => expect(decide()).toEqual([]),
          /** Refused by a business rule; `field` names the input at fault, or is absent. */
          thenRefused: (code: string, field?: string) => {
            const error = thrownBy(decide);
            expect(error).toBeInstanceOf(DomainRuleViolation);
            expect(error).toMatchObject({ code, field });
          },
          thenConflicts: (code: string) => {
            const error = thrownBy(decide);
            expect(error).toBeInstanceOf(DomainConflict);
            expect(error).toMatchObject({ code });
          },
          thenNotFound: () => expect(thrownBy(decide)).toBeInstanceOf(NotFound),
        };
      },
    };
  };
}
