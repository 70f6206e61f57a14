import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { parseDue } from '@due-regard/plans';
import { loadOrCreateProviderKeys } from '@due-regard/identity-provider';
import { PlansEvents } from './plans-read-events.js';
import type { RunningApp } from './running-app.js';

export const LSEF = 'leicestershire-equalities-forum';

/** Distinctive words each kind of figure carries, to prove a figure not shared appears nowhere. */
/** What names a council in a response (the forum's own name mentions Leicestershire). */
export const NAMES = {
  charnwood: /"charnwood"|Charnwood Borough/,
  leicestershire: /"leicestershire"|Leicestershire County/,
};

export const MARKERS = {
  actionTitle: (council: string) => `Secret action of ${council}`,
  objectiveTitle: (council: string) => `Hidden objective of ${council}`,
  measure: (council: string) => `Measure picked by ${council}`,
};

/**
 * A council's plans written as events: a strategy whose first objective is grouped under the
 * forum theme "Our communities", a plan with three actions (one completed, one in progress and
 * overdue, one not started with a success measure).
 */
export async function writeCouncilPlans(running: RunningApp, council: string): Promise<string[]> {
  const events = new PlansEvents(running, council);
  const strategyId = randomUUID();
  const planId = randomUUID();
  const objectives = [randomUUID(), randomUUID()];
  await events.strategy(strategyId, {
    type: 'DraftStrategy',
    strategyId,
    title: 'Equality strategy',
    period: { from: '2024-04-01', to: '2028-03-31' },
  });
  for (const [index, objectiveId] of objectives.entries()) {
    await events.strategy(strategyId, {
      type: 'AddObjective',
      strategyId,
      objectiveId,
      ref: `O${index + 1}`,
      title: index === 0 ? MARKERS.objectiveTitle(council) : 'A diverse workforce',
      description: null,
      psedAims: index === 0 ? ['foster-good-relations'] : ['advance-equality-of-opportunity'],
      eflgModules: [],
      group: index === 0 ? { kind: 'theme', title: 'Our communities' } : null,
    });
  }
  await events.plan(planId, {
    type: 'DraftActionPlan',
    planId,
    strategy: { strategyId, status: 'draft', period: { from: '2024-04-01', to: '2028-03-31' } },
    title: 'Equality action plan',
    period: { from: '2024-04-01', to: '2026-03-31' },
  });
  const actions = [
    { title: MARKERS.actionTitle(council), objectiveId: objectives[0] ?? '', due: 'March 2024', measures: [] },
    { title: 'Recruitment review', objectiveId: objectives[1] ?? '', due: 'June 2024', measures: [] },
    {
      title: 'Hate crime reporting',
      objectiveId: objectives[0] ?? '',
      due: 'March 2099',
      measures: [MARKERS.measure(council)],
    },
  ];
  const ids: string[] = [];
  for (const [index, action] of actions.entries()) {
    const actionId = randomUUID();
    ids.push(actionId);
    await events.plan(planId, { type: 'RegisterAction', planId, actionId, ref: String(index + 1) });
    await events.action(actionId, {
      type: 'AddAction',
      actionId,
      planId,
      planStatus: 'draft',
      ref: String(index + 1),
      objectiveId: action.objectiveId,
      activeObjectiveIds: objectives,
      title: action.title,
      description: null,
      due: parseDue(action.due),
      successMeasures: action.measures,
      leads: ['Equality Working Group'],
      protectedCharacteristics: [],
    });
  }
  await events.action(ids[0] ?? '', {
    type: 'CompleteAction',
    actionId: ids[0] ?? '',
    planStatus: 'draft',
    completedOn: '2024-03-20',
    narrative: null,
  });
  await events.progress(ids[1] ?? '', 'in-progress', 'amber', '2024-05-01');
  return ids;
}

/** Completes an action of a council's plans, as its write side would. */
export async function completeAction(running: RunningApp, council: string, actionId: string): Promise<void> {
  await new PlansEvents(running, council).action(actionId, {
    type: 'CompleteAction',
    actionId,
    planStatus: 'draft',
    completedOn: '2024-12-01',
    narrative: null,
  });
}

/** A token the realm's key signs for someone the demo realm does not hold (a coordinator of another forum). */
export async function signedToken(running: RunningApp, username: string, groups: readonly string[]): Promise<string> {
  const keys = await loadOrCreateProviderKeys('.data/identity');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: `${running.config.identity.publicUrl}/realms/due-regard`,
    sub: randomUUID(),
    typ: 'Bearer',
    azp: 'due-regard-cli',
    aud: 'due-regard-api',
    iat: now,
    exp: now + 600,
    preferred_username: username,
    groups: [...groups],
    realm_access: { roles: [] },
  })
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
    .sign(keys.signingKey);
}
