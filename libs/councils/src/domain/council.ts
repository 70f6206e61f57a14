import {
  type Decider,
  DomainConflict,
  type DomainEvent,
  DomainRuleViolation,
  NotFound,
  type QuarterConvention,
  DEFAULT_UPDATE_CYCLE,
  UPDATE_FREQUENCIES,
  type UpdateCycle,
} from '@due-regard/shared-kernel';

export const COUNCIL_TYPES = [
  'district',
  'borough',
  'county',
  'unitary',
  'metropolitan',
  'london-borough',
  'other',
] as const;
export type CouncilType = (typeof COUNCIL_TYPES)[number];

/** The specific duties under the PSED differ by nation. */
export const NATIONS = ['England', 'Wales', 'Scotland', 'Northern Ireland'] as const;
export type Nation = (typeof NATIONS)[number];

/** Sub-domains that name the platform's own services, never a council. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'app',
  'admin',
  'auth',
  'login',
  'logout',
  'sso',
  'id',
  'identity',
  'keycloak',
  'realms',
  'static',
  'assets',
  'public',
  'docs',
  'health',
  'status',
  'mail',
  'smtp',
  'forums',
  'forum',
  'platform',
  'audit',
  'due-regard',
  'dueregard',
  'support',
  'help',
  'test',
  'demo',
  'staging',
  'dev',
]);

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export type CouncilDetails = {
  readonly slug: string;
  readonly name: string;
  readonly councilType: CouncilType;
  readonly nation: Nation;
  readonly region: string;
};

/**
 * How a bare quarter ("Q1 2024") in the council's due text reads: `calendar` (January–March) or
 * `financial` (the UK local-government year, April–June). The plans library's Due parser defines
 * the conventions; this list is checked against it at compile time.
 */
export const COUNCIL_QUARTER_CONVENTIONS = Object.keys({
  calendar: true,
  financial: true,
} satisfies Record<QuarterConvention, true>) as readonly QuarterConvention[];

/** What a council chooses for itself, on its own stream. */
export type CouncilSettings = {
  readonly quarterConvention: QuarterConvention;
  /** How often action leads report progress, and when (events before this setting: the default). */
  readonly updateCycle: UpdateCycle;
};

export const DEFAULT_COUNCIL_SETTINGS: CouncilSettings = {
  quarterConvention: 'calendar',
  updateCycle: DEFAULT_UPDATE_CYCLE,
};

/** Settings as recorded: events from before a setting existed lack it, and read as its default. */
function withDefaults(settings: Partial<CouncilSettings> | undefined): CouncilSettings {
  return { ...DEFAULT_COUNCIL_SETTINGS, ...settings };
}

export interface RegisterCouncil {
  readonly type: 'RegisterCouncil';
  readonly council: CouncilDetails;
  /** Chosen at registration; the defaults when left out. */
  readonly settings?: Partial<CouncilSettings>;
}

/** Changes the settings named; the others stay as they are. */
export interface ChangeCouncilSettings {
  readonly type: 'ChangeCouncilSettings';
  readonly slug: string;
  readonly settings: Partial<CouncilSettings>;
}

/** `settings` is recorded only when the registration chose some: older events have none (the defaults). */
export type CouncilRegistered = DomainEvent<
  'CouncilRegistered',
  CouncilDetails & { readonly settings?: CouncilSettings }
>;
/** The council's settings as they are after the change, every one of them. */
export type CouncilSettingsChanged = DomainEvent<
  'CouncilSettingsChanged',
  { readonly slug: string; readonly settings: CouncilSettings }
>;
export type CouncilEvent = CouncilRegistered | CouncilSettingsChanged;
export type CouncilCommand = RegisterCouncil | ChangeCouncilSettings;

export type CouncilState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly council: CouncilDetails; readonly settings: CouncilSettings };

function sameSettings(a: CouncilSettings, b: CouncilSettings): boolean {
  return (
    a.quarterConvention === b.quarterConvention &&
    a.updateCycle.frequency === b.updateCycle.frequency &&
    a.updateCycle.dueDay === b.updateCycle.dueDay &&
    a.updateCycle.remindDaysBefore === b.updateCycle.remindDaysBefore
  );
}

function checkedUpdateCycle(cycle: UpdateCycle): UpdateCycle {
  if (!UPDATE_FREQUENCIES.includes(cycle.frequency)) {
    throw new DomainRuleViolation(
      `Progress updates are ${UPDATE_FREQUENCIES.join(', ')}`,
      'invalid_update_frequency',
      'updateCycle.frequency',
    );
  }
  if (!Number.isInteger(cycle.dueDay) || cycle.dueDay < 1 || cycle.dueDay > 28) {
    throw new DomainRuleViolation(
      'Updates are due on a day from 1 to 28 of the month after each period',
      'invalid_update_due_day',
      'updateCycle.dueDay',
    );
  }
  if (!Number.isInteger(cycle.remindDaysBefore) || cycle.remindDaysBefore < 0 || cycle.remindDaysBefore > 60) {
    throw new DomainRuleViolation(
      'Remind leads from 0 to 60 days before',
      'invalid_reminder_days',
      'updateCycle.remindDaysBefore',
    );
  }
  return { frequency: cycle.frequency, dueDay: cycle.dueDay, remindDaysBefore: cycle.remindDaysBefore };
}

function checkedSettings(settings: Partial<CouncilSettings>, base: CouncilSettings): CouncilSettings {
  const quarterConvention = settings.quarterConvention ?? base.quarterConvention;
  if (!COUNCIL_QUARTER_CONVENTIONS.includes(quarterConvention)) {
    throw new DomainRuleViolation(
      `The quarter convention must be ${COUNCIL_QUARTER_CONVENTIONS.join(' or ')}`,
      'invalid_quarter_convention',
      'quarterConvention',
    );
  }
  return { quarterConvention, updateCycle: checkedUpdateCycle(settings.updateCycle ?? base.updateCycle) };
}

export function validateSlug(slug: string): void {
  if (slug.length < 2 || slug.length > 63 || !SLUG.test(slug)) {
    throw new DomainRuleViolation(
      `"${slug}" is not a valid council slug: use 2 to 63 lowercase letters, digits and single hyphens, starting with a letter`,
      'invalid_slug',
      'slug',
    );
  }
  if (RESERVED_SLUGS.has(slug)) {
    throw new DomainRuleViolation(
      `"${slug}" is reserved for the platform and cannot name a council`,
      'reserved_slug',
      'slug',
    );
  }
}

export const councilDecider: Decider<CouncilCommand, CouncilEvent, CouncilState> = {
  eventTypes: ['CouncilRegistered', 'CouncilSettingsChanged'],
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterCouncil': {
        const { council } = command;
        if (state.status === 'registered') {
          throw new DomainConflict(`A council with slug "${council.slug}" is already registered`, 'council_exists');
        }
        validateSlug(council.slug);
        const name = council.name.trim();
        if (name.length === 0) throw new DomainRuleViolation('Enter the council name', 'name_required', 'name');
        const region = council.region.trim();
        if (region.length === 0) throw new DomainRuleViolation('Enter the region', 'region_required', 'region');
        const details = { ...council, name, region };
        if (command.settings === undefined) return [{ type: 'CouncilRegistered', data: details }];
        const settings = checkedSettings(command.settings, DEFAULT_COUNCIL_SETTINGS);
        return [{ type: 'CouncilRegistered', data: { ...details, settings } }];
      }
      case 'ChangeCouncilSettings': {
        if (state.status !== 'registered') {
          throw new NotFound(`There is no council "${command.slug}"`);
        }
        const settings = checkedSettings(command.settings, state.settings);
        if (sameSettings(settings, state.settings)) return [];
        return [{ type: 'CouncilSettingsChanged', data: { slug: state.council.slug, settings } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CouncilRegistered': {
        const { settings, ...council } = event.data;
        return { status: 'registered', council, settings: withDefaults(settings) };
      }
      case 'CouncilSettingsChanged':
        return state.status === 'registered' ? { ...state, settings: withDefaults(event.data.settings) } : state;
    }
  },
};
