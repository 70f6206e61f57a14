import { streamName } from '@due-regard/event-store';

/** A council's journey on a scheme is a stream of its own: `accreditation-<council>.<scheme>`. */
export function accreditationStream(councilSlug: string, scheme: string): string {
  return streamName('accreditation', councilSlug, scheme);
}

/**
 * An action of the council's plans, by the plans context's stream naming (`action-<council>.<id>`):
 * evidence links to actions, and is checked against them.
 */
export function actionStream(councilSlug: string, actionId: string): string {
  return streamName('action', councilSlug, actionId);
}
