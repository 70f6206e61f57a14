import { type Decider, type DomainEvent, DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';

/** How much of its actions a council shows: each action's title and status, only counts, or nothing. */
export const ACTION_DETAIL_LEVELS = ['titles', 'counts', 'none'] as const;
export type ActionDetailLevel = (typeof ACTION_DETAIL_LEVELS)[number];

/**
 * Which figures a council shares with one forum. Nothing leaves the council that is not named here:
 * the forum's comparison is built from the council's plans through this scope.
 */
export type ConsentScope = {
  /** Actions by status and the percentage complete, overall, by PSED aim and by theme. */
  readonly progressByStatus: boolean;
  /** Actions by RAG rating. */
  readonly ragCounts: boolean;
  /** Actions past their due date and not finished. */
  readonly overdueCounts: boolean;
  /** The council's objectives, under the PSED aims they serve. */
  readonly objectivesByAim: boolean;
  /** The success measures the council picks (as its actions word them), with their actions' status and RAG. */
  readonly measures: readonly string[];
  /** The accreditations the council holds (Disability Confident level, Race at Work Charter, ...). */
  readonly accreditations: boolean;
  /** Each action's title and status (`titles`), only how many there are (`counts`), or neither. */
  readonly actions: ActionDetailLevel;
};

/** The boolean figures of a scope, each a choice on the consent form. */
export const SCOPE_FLAGS = [
  'progressByStatus',
  'ragCounts',
  'overdueCounts',
  'objectivesByAim',
  'accreditations',
] as const;
export type ScopeFlag = (typeof SCOPE_FLAGS)[number];

export const NOTHING_SHARED: ConsentScope = {
  progressByStatus: false,
  ragCounts: false,
  overdueCounts: false,
  objectivesByAim: false,
  measures: [],
  accreditations: false,
  actions: 'none',
};

const MAX_MEASURES = 50;

export type GrantConsent = {
  readonly type: 'GrantConsent';
  readonly forum: string;
  readonly council: string;
  readonly scope: ConsentScope;
};
export type WithdrawConsent = { readonly type: 'WithdrawConsent'; readonly forum: string; readonly council: string };
export type ConsentCommand = GrantConsent | WithdrawConsent;

type ConsentData = { readonly forum: string; readonly council: string };
export type ConsentGranted = DomainEvent<'ConsentGranted', ConsentData & { readonly scope: ConsentScope }>;
/** The scope as it is after the change, every field of it. */
export type ConsentChanged = DomainEvent<'ConsentChanged', ConsentData & { readonly scope: ConsentScope }>;
export type ConsentWithdrawn = DomainEvent<'ConsentWithdrawn', ConsentData>;
export type ConsentEvent = ConsentGranted | ConsentChanged | ConsentWithdrawn;

export type ConsentState =
  | { readonly status: 'none' }
  | { readonly status: 'granted'; readonly scope: ConsentScope }
  | { readonly status: 'withdrawn' };

export function sharesAnything(scope: ConsentScope): boolean {
  return SCOPE_FLAGS.some((flag) => scope[flag]) || scope.measures.length > 0 || scope.actions !== 'none';
}

function checkedScope(scope: ConsentScope): ConsentScope {
  if (!ACTION_DETAIL_LEVELS.includes(scope.actions)) {
    throw new DomainRuleViolation(
      `Share actions as ${ACTION_DETAIL_LEVELS.join(', ')}`,
      'invalid_action_detail',
      'scope.actions',
    );
  }
  const measures: string[] = [];
  for (const measure of scope.measures.map((each) => each.trim())) {
    if (measure.length === 0)
      throw new DomainRuleViolation('A measure cannot be blank', 'measure_blank', 'scope.measures');
    if (!measures.includes(measure)) measures.push(measure);
  }
  if (measures.length > MAX_MEASURES) {
    throw new DomainRuleViolation(`Pick at most ${MAX_MEASURES} measures`, 'too_many_measures', 'scope.measures');
  }
  const checked: ConsentScope = { ...scope, measures };
  if (!sharesAnything(checked)) {
    throw new DomainRuleViolation(
      'Choose at least one figure to share, or decline the invitation',
      'nothing_shared',
      'scope',
    );
  }
  return checked;
}

function sameScope(a: ConsentScope, b: ConsentScope): boolean {
  return (
    SCOPE_FLAGS.every((flag) => a[flag] === b[flag]) &&
    a.actions === b.actions &&
    a.measures.join('\u0000') === b.measures.join('\u0000')
  );
}

/** One council's consent to one forum: granted with a scope, changed, withdrawn (and granted again). */
export const consentDecider: Decider<ConsentCommand, ConsentEvent, ConsentState> = {
  eventTypes: ['ConsentGranted', 'ConsentChanged', 'ConsentWithdrawn'],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const { forum, council } = command;
    switch (command.type) {
      case 'GrantConsent': {
        const scope = checkedScope(command.scope);
        if (state.status !== 'granted') return [{ type: 'ConsentGranted', data: { forum, council, scope } }];
        if (sameScope(scope, state.scope)) return [];
        return [{ type: 'ConsentChanged', data: { forum, council, scope } }];
      }
      case 'WithdrawConsent': {
        if (state.status !== 'granted') throw new NotFound('This council shares nothing with the forum');
        return [{ type: 'ConsentWithdrawn', data: { forum, council } }];
      }
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'ConsentGranted':
      case 'ConsentChanged':
        return { status: 'granted', scope: event.data.scope };
      case 'ConsentWithdrawn':
        return { status: 'withdrawn' };
    }
  },
};
