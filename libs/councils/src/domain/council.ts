import { DomainConflict, DomainRuleViolation, type Decider, type DomainEvent } from '@due-regard/shared-kernel';

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

export interface RegisterCouncil {
  readonly type: 'RegisterCouncil';
  readonly council: CouncilDetails;
}

export type CouncilRegistered = DomainEvent<'CouncilRegistered', CouncilDetails>;
export type CouncilEvent = CouncilRegistered;
export type CouncilCommand = RegisterCouncil;

export type CouncilState =
  { readonly status: 'unregistered' } | { readonly status: 'registered'; readonly council: CouncilDetails };

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
  eventTypes: ['CouncilRegistered'],
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
        return [{ type: 'CouncilRegistered', data: { ...council, name, region } }];
      }
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'CouncilRegistered':
        return { status: 'registered', council: event.data };
    }
  },
};
