import fc from 'fast-check';
import { COUNCIL_ROLES, type CouncilRole } from '@due-regard/identity';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import {
  ACTION_PLAN_STATUSES,
  actionPlanDecider,
  type ActionPlan,
  type ActionPlanCommand,
  type ActionPlanStatus,
} from '../domain/action-plan.js';
import {
  ACTION_STATUSES,
  actionDecider,
  type Action,
  type ActionCommand,
  type ActionStatus,
} from '../domain/action.js';
import { parseDue } from '../domain/due.js';
import { STRATEGY_STATUSES, strategyDecider, type Strategy, type StrategyCommand } from '../domain/strategy.js';
import {
  IMPORT_OUTCOMES,
  importOutcomesFor,
  mayDo,
  PLANS_CAPABILITIES,
  rolesFor,
  sameTeam,
  whatPersonMay,
  whyNotPermitted,
  type ActionCapability,
  type OnAction,
  type Person,
  type PlansCapability,
} from './plans.policy.js';

const HR = 'Human Resources';
const as = (role: CouncilRole, teams: readonly string[] = [HR]): Person => ({ roles: [role], teams });

/** A resource each capability is open on, led by Human Resources: only the roles decide. */
function mayOnOpenResource(person: Person, capability: PlansCapability): boolean {
  const draftStrategy = { strategyStatus: 'draft' } as const;
  const action: OnAction = { planStatus: 'published', actionStatus: 'in-progress', leads: [HR] };
  switch (capability) {
    case 'readPlans':
    case 'readHistory':
    case 'draftStrategy':
    case 'importPlan':
    case 'rebuildProjections':
    case 'defineMeasure':
      return mayDo(person, capability);
    case 'addObjective':
    case 'reviseObjective':
    case 'retireObjective':
    case 'adoptStrategy':
    case 'archiveStrategy':
    case 'draftPlan':
      return mayDo(person, capability, draftStrategy);
    case 'publishStrategy':
      return mayDo(person, capability, { strategyStatus: 'adopted' });
    case 'submitPlan':
    case 'addAction':
    case 'closePlan':
    case 'discardPlan':
      return mayDo(person, capability, { planStatus: 'draft' });
    case 'returnPlan':
    case 'approvePlan':
      return mayDo(person, capability, { planStatus: 'submitted' });
    case 'publishPlan':
      return mayDo(person, capability, { planStatus: 'approved' });
    case 'reviseAction':
    case 'reviseDue':
    case 'recordProgress':
    case 'completeAction':
    case 'deferAction':
    case 'cancelAction':
    case 'recordMeasureReading':
      return mayDo(person, capability, action);
    case 'commitImport':
      return mayDo(person, capability, { outcome: 'draft', archivesStrategy: false });
  }
}

describe('the plans policy table', () => {
  // Columns: council-admin, plan-editor, action-lead (on their team's action), viewer, auditor.
  const TABLE: Readonly<Record<PlansCapability, string>> = {
    readPlans: 'A E L V U',
    readHistory: 'A E L V U',
    draftStrategy: 'A E . . .',
    addObjective: 'A E . . .',
    reviseObjective: 'A E . . .',
    retireObjective: 'A E . . .',
    adoptStrategy: 'A . . . .',
    publishStrategy: 'A . . . .',
    archiveStrategy: 'A . . . .',
    draftPlan: 'A E . . .',
    submitPlan: 'A E . . .',
    returnPlan: 'A . . . .',
    approvePlan: 'A . . . .',
    publishPlan: 'A . . . .',
    closePlan: 'A . . . .',
    discardPlan: 'A E . . .',
    addAction: 'A E . . .',
    reviseAction: 'A E . . .',
    reviseDue: 'A E L . .',
    recordProgress: 'A E L . .',
    completeAction: 'A E L . .',
    deferAction: 'A E L . .',
    cancelAction: 'A E . . .',
    defineMeasure: 'A E . . .',
    recordMeasureReading: 'A E L . .',
    importPlan: 'A E . . .',
    commitImport: 'A E . . .',
    rebuildProjections: 'A . . . .',
  };
  const row = (capability: PlansCapability): string =>
    COUNCIL_ROLES.map((role, column) =>
      mayOnOpenResource(as(role), capability) ? ('AELVU'[column] ?? '?') : '.',
    ).join(' ');

  it('names every capability once, and every one is in the table', () => {
    expect([...PLANS_CAPABILITIES].sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(PLANS_CAPABILITIES.map((capability) => [capability]))(
    'lets each role do %s as the table says, and the routes require those roles',
    (capability) => {
      expect(row(capability)).toBe(TABLE[capability]);
      const allowed = COUNCIL_ROLES.filter((role) => TABLE[capability].split(' ')[COUNCIL_ROLES.indexOf(role)] !== '.');
      expect([...rolesFor(capability)].sort()).toEqual([...allowed].sort());
    },
  );

  it('lets nobody without a role in the council do anything', () => {
    for (const capability of PLANS_CAPABILITIES) {
      expect(mayOnOpenResource({ roles: [], teams: [HR] }, capability)).toBe(false);
    }
  });

  it('says who may when it refuses on roles', () => {
    expect(whyNotPermitted(as('plan-editor'), 'approvePlan')).toBe('Only council administrators may approve a plan');
    expect(whyNotPermitted(as('viewer'), 'addAction')).toBe(
      'Only plan editors and council administrators may add an action',
    );
    expect(whyNotPermitted(as('council-admin'), 'approvePlan')).toBeNull();
  });
});

describe("an action lead's reach: the actions one of their teams leads", () => {
  const reporting: readonly ActionCapability[] = ['reviseDue', 'recordProgress', 'completeAction', 'deferAction'];
  const onAction = (leads: readonly string[]): OnAction => ({
    planStatus: 'published',
    actionStatus: 'in-progress',
    leads,
  });
  /** The same name, in any case and with any spacing. */
  const writtenAnyHow = (name: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
        fc.constantFrom(' ', '  ', '\t'),
      )
      .map(([upper, space]) =>
        [...name]
          .map((letter, index) => (upper[index] === true ? letter.toUpperCase() : letter.toLowerCase()))
          .join('')
          .replaceAll(' ', space),
      );

  it('lets an action lead report on an action their team leads, however the plan writes the team', () => {
    fc.assert(
      fc.property(writtenAnyHow(HR), fc.constantFrom(...reporting), (lead, capability) => {
        expect(mayDo(as('action-lead'), capability, onAction([`  ${lead} `, 'Equality Working Group']))).toBe(true);
        expect(whyNotPermitted(as('action-lead'), capability, { leads: [lead] })).toBeNull();
      }),
    );
  });

  it("refuses an action lead on another team's action, with the reason", () => {
    for (const capability of reporting) {
      expect(mayDo(as('action-lead'), capability, onAction(['Planning']))).toBe(false);
      expect(whyNotPermitted(as('action-lead'), capability, { leads: ['Planning'] })).toBe(
        'You can update only the actions your team leads',
      );
      expect(mayDo(as('action-lead', []), capability, onAction([HR]))).toBe(false);
    }
  });

  it("never lets an action lead reword, move or cancel an action, even their team's", () => {
    for (const capability of ['reviseAction', 'cancelAction'] as const) {
      expect(mayDo(as('action-lead'), capability, onAction([HR]))).toBe(false);
    }
  });

  it('lets editors and admins report on any action, whatever its leads; teams give readers nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 3 }), fc.constantFrom(...reporting), (leads, capability) => {
        expect(mayDo(as('plan-editor', []), capability, onAction(leads))).toBe(true);
        expect(mayDo({ roles: ['action-lead', 'council-admin'], teams: [] }, capability, onAction(leads))).toBe(true);
        expect(mayDo(as('viewer'), capability, onAction([HR, ...leads]))).toBe(false);
      }),
    );
  });

  it('compares team names without regard to case or spacing', () => {
    expect(sameTeam('Human  Resources ', 'human resources')).toBe(true);
    expect(sameTeam('Human Resources', 'Human Resource')).toBe(false);
  });
});

describe("the state rules mirror the domain's deciders", () => {
  const admin = as('council-admin');
  const refused = (decide: () => unknown): boolean => {
    try {
      decide();
      return false;
    } catch (error) {
      if (error instanceof DomainRuleViolation) return true;
      throw error;
    }
  };

  const planIn = (status: ActionPlanStatus): ActionPlan => ({
    status,
    planId: 'plan-1',
    strategyId: 'strategy-1',
    title: 'Equality Action Plan',
    period: { from: '2024-04-01', to: '2026-03-31' },
    actions: [{ actionId: 'action-1', ref: '1.1' }],
    approvedOn: status === 'draft' || status === 'submitted' ? null : '2024-05-01',
    publishedOn: status === 'published' || status === 'closed' ? '2024-05-01' : null,
    closedOn: status === 'closed' ? '2026-03-31' : null,
  });
  type PlanCapability = 'submitPlan' | 'returnPlan' | 'approvePlan' | 'publishPlan' | 'closePlan' | 'addAction';
  const PLAN_COMMANDS: readonly (readonly [PlanCapability, ActionPlanCommand])[] = [
    ['submitPlan', { type: 'SubmitActionPlan', planId: 'plan-1' }],
    ['returnPlan', { type: 'ReturnActionPlan', planId: 'plan-1', reason: 'The costs are missing' }],
    ['approvePlan', { type: 'ApproveActionPlan', planId: 'plan-1', approvedOn: '2024-05-01' }],
    ['publishPlan', { type: 'PublishActionPlan', planId: 'plan-1', publishedOn: '2024-05-02' }],
    ['closePlan', { type: 'CloseActionPlan', planId: 'plan-1', closedOn: '2026-03-31', reason: null }],
    ['addAction', { type: 'RegisterAction', planId: 'plan-1', actionId: 'action-2', ref: '1.2' }],
  ];

  it.each(ACTION_PLAN_STATUSES.map((status) => [status]))('offers on a %s plan what its decider accepts', (status) => {
    for (const [capability, command] of PLAN_COMMANDS) {
      const accepted = !refused(() => actionPlanDecider.decide(command, planIn(status)));
      expect([capability, mayDo(admin, capability, { planStatus: status })]).toEqual([capability, accepted]);
    }
  });

  const actionIn = (status: ActionStatus): Action => ({
    status,
    actionId: 'action-1',
    planId: 'plan-1',
    ref: '1.1',
    objectiveId: 'objective-1',
    title: 'Publish the gender pay gap report',
    description: null,
    due: parseDue('March 2025'),
    successMeasures: [],
    leads: [HR],
    protectedCharacteristics: [],
    rag: 'green',
    latestProgress: null,
    statusReason: null,
    latestUpdateOn: null,
  });
  const actionCommands = (planStatus: ActionPlanStatus): readonly (readonly [ActionCapability, ActionCommand])[] => {
    const on = { actionId: 'action-1', planStatus };
    return [
      [
        'reviseAction',
        { ...on, type: 'RewordAction', title: 'Publish the pay gap report', description: null, successMeasures: [] },
      ],
      ['reviseDue', { ...on, type: 'ReviseDue', due: parseDue('May 2025'), reason: 'The data came late' }],
      [
        'recordProgress',
        {
          ...on,
          type: 'RecordProgress',
          status: 'in-progress',
          rag: 'amber',
          narrative: 'Drafted',
          asOf: '2025-01-10',
        },
      ],
      ['completeAction', { ...on, type: 'CompleteAction', completedOn: '2025-03-01', narrative: null }],
      ['deferAction', { ...on, type: 'DeferAction', deferredOn: '2025-03-01', reason: 'Waiting for the survey' }],
      ['cancelAction', { ...on, type: 'CancelAction', cancelledOn: '2025-03-01', reason: 'Replaced by 2.3' }],
    ];
  };

  it.each(ACTION_PLAN_STATUSES.flatMap((planStatus) => ACTION_STATUSES.map((status) => [planStatus, status] as const)))(
    'offers on a %s plan, on a %s action, what its decider accepts',
    (planStatus, actionStatus) => {
      for (const [capability, command] of actionCommands(planStatus)) {
        const accepted = !refused(() => actionDecider.decide(command, actionIn(actionStatus)));
        const offered = mayDo(admin, capability, { planStatus, actionStatus, leads: [HR] });
        expect([capability, offered]).toEqual([capability, accepted]);
      }
    },
  );

  const strategyIn = (status: Strategy['status']): Strategy => ({
    status,
    strategyId: 'strategy-1',
    title: 'Equality Strategy 2024-2028',
    period: { from: '2024-04-01', to: '2028-03-31' },
    objectives: ['1', '2'].map((ref) => ({
      objectiveId: `objective-${ref}`,
      retired: false,
      ref: `PEO ${ref}`,
      title: `Objective ${ref}`,
      description: null,
      psedAims: [],
      eflgModules: [],
      group: null,
    })),
    adoptedOn: status === 'draft' ? null : '2024-04-01',
    publishedOn: status === 'published' || status === 'archived' ? '2024-04-01' : null,
    archivedOn: status === 'archived' ? '2028-03-31' : null,
  });
  type StrategyCapability =
    | 'addObjective'
    | 'reviseObjective'
    | 'retireObjective'
    | 'adoptStrategy'
    | 'publishStrategy'
    | 'archiveStrategy'
    | 'draftPlan';
  const STRATEGY_COMMANDS: readonly (readonly [StrategyCapability, StrategyCommand])[] = [
    [
      'addObjective',
      {
        type: 'AddObjective',
        strategyId: 'strategy-1',
        objectiveId: 'objective-3',
        ref: 'PEO 3',
        title: 'Objective 3',
        description: null,
        psedAims: [],
        eflgModules: [],
        group: null,
      },
    ],
    [
      'reviseObjective',
      {
        type: 'RewordObjective',
        strategyId: 'strategy-1',
        objectiveId: 'objective-1',
        ref: 'PEO 1',
        title: 'Reworded',
        description: null,
      },
    ],
    [
      'retireObjective',
      { type: 'RetireObjective', strategyId: 'strategy-1', objectiveId: 'objective-1', reason: null },
    ],
    ['adoptStrategy', { type: 'AdoptStrategy', strategyId: 'strategy-1', adoptedOn: '2024-04-01' }],
    ['publishStrategy', { type: 'PublishStrategy', strategyId: 'strategy-1', publishedOn: '2024-05-01' }],
    ['archiveStrategy', { type: 'ArchiveStrategy', strategyId: 'strategy-1', archivedOn: '2028-03-31', reason: null }],
  ];
  const mayOnStrategy = (capability: StrategyCapability, strategyStatus: Strategy['status']): boolean =>
    mayDo(admin, capability, { strategyStatus });

  it.each(STRATEGY_STATUSES.map((status) => [status]))('offers on a %s strategy what its deciders accept', (status) => {
    for (const [capability, command] of STRATEGY_COMMANDS) {
      const accepted = !refused(() => strategyDecider.decide(command, strategyIn(status)));
      expect([capability, mayOnStrategy(capability, status)]).toEqual([capability, accepted]);
    }
    const drafted = !refused(() =>
      actionPlanDecider.decide(
        {
          type: 'DraftActionPlan',
          planId: 'plan-2',
          strategy: { strategyId: 'strategy-1', status, period: { from: '2024-04-01', to: '2028-03-31' } },
          title: 'Equality Action Plan',
          period: { from: '2024-04-01', to: '2026-03-31' },
        },
        { status: 'none' },
      ),
    );
    expect(['draftPlan', mayOnStrategy('draftPlan', status)]).toEqual(['draftPlan', drafted]);
  });
});

describe('committing an import', () => {
  const choice = (outcome: (typeof IMPORT_OUTCOMES)[number], archivesStrategy = false) => ({
    outcome,
    archivesStrategy,
  });

  it('lets a plan editor import at most submitted for approval, and a council admin publish or close', () => {
    expect(importOutcomesFor(as('plan-editor'))).toEqual(['draft', 'submitted']);
    expect(importOutcomesFor(as('council-admin'))).toEqual(['draft', 'submitted', 'published', 'closed']);
    expect(importOutcomesFor({ roles: ['plan-editor', 'council-admin'], teams: [] })).toEqual([...IMPORT_OUTCOMES]);
    for (const role of ['action-lead', 'viewer', 'auditor'] as const) expect(importOutcomesFor(as(role))).toEqual([]);
  });

  it("refuses a plan editor's import that would publish, close or archive, saying what they may do instead", () => {
    expect(whyNotPermitted(as('plan-editor'), 'commitImport', choice('published'))).toBe(
      'Only council administrators may import a plan published: you may import it as a draft or submitted for approval',
    );
    expect(whyNotPermitted(as('plan-editor'), 'commitImport', choice('closed'))).toMatch(
      /^Only council administrators may import a plan closed: /,
    );
    expect(whyNotPermitted(as('plan-editor'), 'commitImport', choice('draft', true))).toBe(
      'Only council administrators may import a plan as a draft and archive its strategy: you may import it as a draft or submitted for approval',
    );
    expect(whyNotPermitted(as('plan-editor'), 'commitImport', choice('submitted'))).toBeNull();
    expect(whyNotPermitted(as('council-admin'), 'commitImport', choice('closed', true))).toBeNull();
    expect(whyNotPermitted(as('viewer'), 'commitImport', choice('draft'))).toBe(
      'Only plan editors and council administrators may import a plan',
    );
  });
});

describe("readings of a measure: an action lead records them on their teams' actions only", () => {
  it('lets a lead of the action record, and refuses a lead of another team or of an objective (no leads)', () => {
    expect(whyNotPermitted(as('action-lead'), 'recordMeasureReading', { leads: [HR] })).toBeNull();
    expect(whyNotPermitted(as('action-lead', ['Housing']), 'recordMeasureReading', { leads: [HR] })).toBe(
      'You can update only the actions your team leads',
    );
    expect(whyNotPermitted(as('action-lead'), 'recordMeasureReading', { leads: [] })).not.toBeNull();
    expect(whyNotPermitted(as('plan-editor', []), 'recordMeasureReading', { leads: [] })).toBeNull();
  });
});

describe('what a person may do, in words', () => {
  it('tells a viewer and an auditor they may read, and nothing more', () => {
    // What a refused page says instead of "your account does not have a role here".
    expect(whatPersonMay(as('viewer'))).toEqual(['read the plans', 'read the history']);
    expect(whatPersonMay(as('auditor'))).toEqual(['read the plans', 'read the history']);
  });

  it("tells an action lead what they may do to their team's actions", () => {
    expect(whatPersonMay(as('action-lead'))).toEqual([
      'read the plans',
      'read the history',
      "change an action's due date, on the actions your team leads",
      'record progress on an action, on the actions your team leads',
      'complete an action, on the actions your team leads',
      'defer an action, on the actions your team leads',
      'record a reading of a measure, on the actions your team leads',
    ]);
  });

  it('tells an editor everything an editor may do, once each', () => {
    const phrases = whatPersonMay(as('plan-editor'));
    expect(phrases).toContain('draft a strategy');
    expect(phrases).toContain('discard a draft plan');
    expect(phrases).not.toContain('approve a plan');
    expect(new Set(phrases).size).toBe(phrases.length);
  });

  it('says nothing to someone with no role here', () => {
    expect(whatPersonMay({ roles: [], teams: [] })).toEqual([]);
  });
});
