import request from 'supertest';

/** A council's plan made through the JSON API, as a council would: a strategy, an objective, a plan, its actions. */
export interface PlanThroughApi {
  readonly strategyId: string;
  readonly objectiveId: string;
  readonly planId: string;
  readonly actionIds: readonly string[];
}

export async function planThroughApi(
  baseUrl: string,
  host: string,
  token: string,
  titles: readonly string[],
): Promise<PlanThroughApi> {
  const call = async (path: string, body: object): Promise<{ id: string }> => {
    const response = await request(baseUrl)
      .post(`/api/v1${path}`)
      .set('Host', host)
      .auth(token, { type: 'bearer' })
      .send(body);
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };
  const { id: strategyId } = await call('/strategies', {
    title: 'Equality Strategy 2024-2028',
    period: { from: '2024-04-01', to: '2028-03-31' },
  });
  const { id: objectiveId } = await call(`/strategies/${strategyId}/objectives`, {
    ref: 'PEO 1',
    title: 'To assess, consult and evaluate the impact of our services',
  });
  const { id: planId } = await call('/plans', {
    strategyId,
    title: 'Equality Strategy Action Plan 2024-2026',
    period: { from: '2024-04-01', to: '2026-03-31' },
  });
  const actionIds: string[] = [];
  for (const [index, title] of titles.entries()) {
    const { id } = await call(`/plans/${planId}/actions`, {
      ref: `1.${index + 1}`,
      objectiveId,
      title,
      due: 'March 2026',
      leads: ['Human Resources'],
    });
    actionIds.push(id);
  }
  return { strategyId, objectiveId, planId, actionIds };
}
