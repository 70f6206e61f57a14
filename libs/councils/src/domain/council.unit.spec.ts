import { DomainConflict, DomainRuleViolation } from '@due-regard/shared-kernel';
import { councilDecider, type CouncilDetails, type CouncilEvent } from './council.js';

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
