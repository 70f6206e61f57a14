import { streamName } from '@due-regard/event-store';

/**
 * Forums and the consents councils give them are the platform's: their streams are in the
 * platform's log, whichever sub-domain a change came from, so that accepting an invitation (the
 * forum's stream) and consenting with a scope (the consent's stream) commit together.
 */
export const FORUMS_TENANT = 'platform';

export function forumStream(forum: string): string {
  return streamName('forum', FORUMS_TENANT, forum);
}

/** One council's consent to one forum (slugs have no underscore, so the pair reads back). */
export function consentStream(forum: string, council: string): string {
  return streamName('forumconsent', FORUMS_TENANT, `${forum}_${council}`);
}
