/** Our pages' addresses of strategies and their objectives. */
export const strategyPaths = {
  newStrategy: '/strategies/new',
  strategy: (strategyId: string): string => `/strategies/${encodeURIComponent(strategyId)}`,
  history: (strategyId: string): string => `/strategies/${encodeURIComponent(strategyId)}/history`,
  step: (strategyId: string, step: string): string => `/strategies/${encodeURIComponent(strategyId)}/${step}`,
  objective: (strategyId: string, objectiveId: string): string =>
    `/strategies/${encodeURIComponent(strategyId)}/objectives/${encodeURIComponent(objectiveId)}`,
  retireObjective: (strategyId: string, objectiveId: string): string =>
    `/strategies/${encodeURIComponent(strategyId)}/objectives/${encodeURIComponent(objectiveId)}/retire`,
};
