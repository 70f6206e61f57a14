import { scenario } from '@due-regard/testing';
import { DEFAULT_UPDATE_CYCLE } from '@due-regard/shared-kernel';
import { councilDecider, type ChangeCouncilSettings, type CouncilDetails, type CouncilEvent } from './council.js';

const charnwood: CouncilDetails = {
  slug: 'charnwood',
  name: 'Charnwood Borough Council',
  councilType: 'borough',
  nation: 'England',
  region: 'East Midlands',
};

const given = scenario(councilDecider);
const register = (council: CouncilDetails) => ({ type: 'RegisterCouncil', council }) as const;

describe('registering a council', () => {
  it('records the council', () => {
    given().when(register(charnwood)).then({ type: 'CouncilRegistered', data: charnwood });
  });

  it('trims the name and region', () => {
    given()
      .when(register({ ...charnwood, name: '  Charnwood Borough Council ', region: ' East Midlands ' }))
      .then({ type: 'CouncilRegistered', data: charnwood });
  });

  it('refuses a council registered already', () => {
    given({ type: 'CouncilRegistered', data: charnwood }).when(register(charnwood)).thenConflicts('council_exists');
  });

  it.each(['Charnwood', 'charnwood_bc', '-charnwood', 'charnwood-', 'a', 'north--east', '1council', 'x'.repeat(64)])(
    'refuses the slug %p',
    (slug) => {
      given()
        .when(register({ ...charnwood, slug }))
        .thenRefused('invalid_slug', 'slug');
    },
  );

  it.each(['www', 'admin', 'realms', 'platform', 'forums'])('refuses the reserved slug %p', (slug) => {
    given()
      .when(register({ ...charnwood, slug }))
      .thenRefused('reserved_slug', 'slug');
  });

  it('refuses a blank name or region, naming the field', () => {
    given()
      .when(register({ ...charnwood, name: ' ' }))
      .thenRefused('name_required', 'name');
    given()
      .when(register({ ...charnwood, region: '' }))
      .thenRefused('region_required', 'region');
  });
});

describe("a council's settings", () => {
  const registered: CouncilEvent = { type: 'CouncilRegistered', data: charnwood };
  const change = (settings: ChangeCouncilSettings['settings']): ChangeCouncilSettings => ({
    type: 'ChangeCouncilSettings',
    slug: 'charnwood',
    settings,
  });

  it('reads bare quarters as calendar quarters until the council chooses otherwise', () => {
    expect(given(registered).state).toEqual({
      status: 'registered',
      council: charnwood,
      settings: { quarterConvention: 'calendar', updateCycle: DEFAULT_UPDATE_CYCLE },
    });
  });

  it('may be chosen at registration, and is then recorded with it', () => {
    const financial: CouncilEvent = {
      type: 'CouncilRegistered',
      data: { ...charnwood, settings: { quarterConvention: 'financial', updateCycle: DEFAULT_UPDATE_CYCLE } },
    };
    given()
      .when({ type: 'RegisterCouncil', council: charnwood, settings: { quarterConvention: 'financial' } })
      .then(financial);
    expect(given(financial).state).toMatchObject({ settings: { quarterConvention: 'financial' } });
  });

  it('Given a registered council, When it changes to the financial year, Then the settings are changed', () => {
    given(registered)
      .when(change({ quarterConvention: 'financial' }))
      .then({
        type: 'CouncilSettingsChanged',
        data: { slug: 'charnwood', settings: { quarterConvention: 'financial', updateCycle: DEFAULT_UPDATE_CYCLE } },
      });
  });

  it('Given a change to the financial year, When it changes back, Then the calendar is recorded', () => {
    const changed: CouncilEvent = {
      type: 'CouncilSettingsChanged',
      data: { slug: 'charnwood', settings: { quarterConvention: 'financial', updateCycle: DEFAULT_UPDATE_CYCLE } },
    };
    expect(given(registered, changed).state).toMatchObject({ settings: { quarterConvention: 'financial' } });
    given(registered, changed)
      .when(change({ quarterConvention: 'calendar' }))
      .then({
        type: 'CouncilSettingsChanged',
        data: { slug: 'charnwood', settings: { quarterConvention: 'calendar', updateCycle: DEFAULT_UPDATE_CYCLE } },
      });
  });

  it('Given a registered council, When it asks for six-monthly updates due on the 20th, Then the cycle is recorded', () => {
    const cycle = { frequency: 'six-monthly', dueDay: 20, remindDaysBefore: 10 } as const;
    given(registered)
      .when(change({ updateCycle: cycle }))
      .then({
        type: 'CouncilSettingsChanged',
        data: { slug: 'charnwood', settings: { quarterConvention: 'calendar', updateCycle: cycle } },
      });
  });

  it('refuses an update due on a day some months lack', () => {
    given(registered)
      .when(change({ updateCycle: { ...DEFAULT_UPDATE_CYCLE, dueDay: 31 } }))
      .thenRefused('invalid_update_due_day', 'updateCycle.dueDay');
  });

  it('records nothing when the settings are as they were, or none are named', () => {
    given(registered)
      .when(change({ quarterConvention: 'calendar' }))
      .thenNothingHappens();
    given(registered).when(change({})).thenNothingHappens();
  });

  it('refuses a convention it does not know, naming the field', () => {
    const unknown = JSON.parse('{"quarterConvention":"academic"}') as ChangeCouncilSettings['settings'];
    given(registered).when(change(unknown)).thenRefused('invalid_quarter_convention', 'quarterConvention');
  });

  it('refuses to change the settings of a council never registered', () => {
    given()
      .when(change({ quarterConvention: 'financial' }))
      .thenNotFound();
  });
});
