import { streamName } from '@due-regard/event-store';

/** Each strategy, plan, action and measure is a stream of its own, named within its council. */
export const planStreams = {
  strategy: (councilSlug: string, strategyId: string): string => streamName('strategy', councilSlug, strategyId),
  plan: (councilSlug: string, planId: string): string => streamName('plan', councilSlug, planId),
  action: (councilSlug: string, actionId: string): string => streamName('action', councilSlug, actionId),
  measure: (councilSlug: string, measureId: string): string => streamName('measure', councilSlug, measureId),
};
