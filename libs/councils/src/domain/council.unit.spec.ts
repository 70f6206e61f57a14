import { DomainConflict, DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import {
  councilDecider,
  type ChangeCouncilSettings,
  type CouncilCommand,
  type CouncilDetails,
  type CouncilEvent,
} from './council.js';

const charnwood: CouncilDetails = {
  slug: 'charnwood',
  name: 'Charnwood Borough Council',
  councilType: 'borough',
  nation: 'England',
  region: 'East Midlands',
};

function given(events: readonly CouncilEvent[]) {
  const state = events.reduce(councilDecider.evolve, councilDecider.initialState());
  return {
    when: (council: CouncilDetails) => () => councilDecider.decide({ type: 'RegisterCouncil', council }, state),
  };
}

function refusal(attempt: () => unknown): DomainRuleViolation {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error('The command was not refused');
}

describe('registering a council', () => {
  it('records the council', () => {
    expect(given([]).when(charnwood)()).toEqual([{ type: 'CouncilRegistered', data: charnwood }]);
  });

  it('trims the name and region', () => {
    expect(given([]).when({ ...charnwood, name: '  Charnwood Borough Council ', region: ' East Midlands ' })()).toEqual(
      [{ type: 'CouncilRegistered', data: charnwood }],
    );
  });

  it('refuses a council registered already', () => {
    expect(given([{ type: 'CouncilRegistered', data: charnwood }]).when(charnwood)).toThrow(DomainConflict);
  });

  it.each(['Charnwood', 'charnwood_bc', '-charnwood', 'charnwood-', 'a', 'north--east', '1council', 'x'.repeat(64)])(
    'refuses the slug %p',
    (slug) => {
      expect(refusal(given([]).when({ ...charnwood, slug }))).toMatchObject({ code: 'invalid_slug', field: 'slug' });
    },
  );

  it.each(['www', 'admin', 'realms', 'platform', 'forums'])('refuses the reserved slug %p', (slug) => {
    expect(refusal(given([]).when({ ...charnwood, slug }))).toMatchObject({ code: 'reserved_slug' });
  });

  it('refuses a blank name or region, naming the field', () => {
    expect(refusal(given([]).when({ ...charnwood, name: ' ' }))).toMatchObject({ field: 'name' });
    expect(given([]).when({ ...charnwood, region: '' })).toThrow(DomainRuleViolation);
  });
});

describe("a council's settings", () => {
  const registered: CouncilEvent = { type: 'CouncilRegistered', data: charnwood };
  const change = (settings: ChangeCouncilSettings['settings']): ChangeCouncilSettings => ({
    type: 'ChangeCouncilSettings',
    slug: 'charnwood',
    settings,
  });
  const decide = (events: readonly CouncilEvent[], command: CouncilCommand) =>
    councilDecider.decide(command, events.reduce(councilDecider.evolve, councilDecider.initialState()));
  const stateAfter = (events: readonly CouncilEvent[]) =>
    events.reduce(councilDecider.evolve, councilDecider.initialState());

  it('reads bare quarters as calendar quarters until the council chooses otherwise', () => {
    expect(stateAfter([registered])).toEqual({
      status: 'registered',
      council: charnwood,
      settings: { quarterConvention: 'calendar' },
    });
  });

  it('may be chosen at registration, and is then recorded with it', () => {
    expect(
      decide([], { type: 'RegisterCouncil', council: charnwood, settings: { quarterConvention: 'financial' } }),
    ).toEqual([{ type: 'CouncilRegistered', data: { ...charnwood, settings: { quarterConvention: 'financial' } } }]);
    expect(
      stateAfter([{ type: 'CouncilRegistered', data: { ...charnwood, settings: { quarterConvention: 'financial' } } }]),
    ).toMatchObject({ settings: { quarterConvention: 'financial' } });
  });

  it('Given a registered council, When it changes to the financial year, Then the settings are changed', () => {
    expect(decide([registered], change({ quarterConvention: 'financial' }))).toEqual([
      { type: 'CouncilSettingsChanged', data: { slug: 'charnwood', settings: { quarterConvention: 'financial' } } },
    ]);
  });

  it('Given a change to the financial year, When it changes back, Then the calendar is recorded', () => {
    const changed: CouncilEvent = {
      type: 'CouncilSettingsChanged',
      data: { slug: 'charnwood', settings: { quarterConvention: 'financial' } },
    };
    expect(stateAfter([registered, changed])).toMatchObject({ settings: { quarterConvention: 'financial' } });
    expect(decide([registered, changed], change({ quarterConvention: 'calendar' }))).toEqual([
      { type: 'CouncilSettingsChanged', data: { slug: 'charnwood', settings: { quarterConvention: 'calendar' } } },
    ]);
  });

  it('records nothing when the settings are as they were, or none are named', () => {
    expect(decide([registered], change({ quarterConvention: 'calendar' }))).toEqual([]);
    expect(decide([registered], change({}))).toEqual([]);
  });

  it('refuses a convention it does not know, naming the field', () => {
    const unknown = JSON.parse('{"quarterConvention":"academic"}') as ChangeCouncilSettings['settings'];
    expect(refusal(() => decide([registered], change(unknown)))).toMatchObject({
      code: 'invalid_quarter_convention',
      field: 'quarterConvention',
    });
  });

  it('refuses to change the settings of a council never registered', () => {
    expect(() => decide([], change({ quarterConvention: 'financial' }))).toThrow(NotFound);
  });
});
