import { v7 as uuidv7 } from 'uuid';
import { InvalidEventError } from './errors.js';
import { EVENT_SOURCES, type NewEvent } from './event.js';
import type { IdGenerator } from './ports.js';
import { parseStreamName } from './stream-name.js';
import { canonicalEventJson, type HashedEventContent } from './tamper-evidence.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export const uuidV7Ids: IdGenerator = { next: () => uuidv7() };

export interface PreparedEvent {
  readonly content: HashedEventContent;
  readonly canonicalJson: string;
}

/**
 * Checks a batch bound for one stream and fixes what the store assigns before hashing: ids, schema
 * versions and stream versions. Both adapters prepare events this way, so their hashes agree.
 */
export function prepareEvents(
  streamId: string,
  events: readonly NewEvent[],
  currentVersion: number,
  ids: IdGenerator,
): PreparedEvent[] {
  if (events.length === 0) throw new InvalidEventError(`No events to append to ${streamId}`);
  const { tenantId } = parseStreamName(streamId);
  return events.map((event, index) => {
    if (typeof event.type !== 'string' || event.type.trim() === '') {
      throw new InvalidEventError(`Event ${index + 1} for ${streamId} has no type`);
    }
    const meta = event.metadata;
    if (meta.tenantId !== tenantId) {
      throw new InvalidEventError(
        `Event ${event.type} is for tenant "${meta.tenantId}" but stream ${streamId} belongs to "${tenantId}"`,
      );
    }
    if (!meta.actorId) throw new InvalidEventError(`Event ${event.type} has no actor`);
    if (!meta.correlationId) throw new InvalidEventError(`Event ${event.type} has no correlation id`);
    if (!EVENT_SOURCES.includes(meta.source))
      throw new InvalidEventError(`Event ${event.type} has an unknown source "${String(meta.source)}"`);
    if (!ISO_INSTANT.test(meta.occurredAt) || Number.isNaN(Date.parse(meta.occurredAt))) {
      throw new InvalidEventError(
        `Event ${event.type} has occurredAt "${meta.occurredAt}", which is not an ISO 8601 instant`,
      );
    }
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidEventError(
        `Event ${event.type} has schema version ${schemaVersion}; it must be a whole number from 1`,
      );
    }
    const id = (event.id ?? ids.next()).toLowerCase();
    if (!UUID.test(id)) throw new InvalidEventError(`Event id "${id}" is not a UUID`);
    const content: HashedEventContent = {
      id,
      streamId,
      streamVersion: currentVersion + index + 1,
      type: event.type,
      schemaVersion,
      data: event.data,
      metadata: {
        tenantId: meta.tenantId,
        actorId: meta.actorId,
        correlationId: meta.correlationId,
        causationId: meta.causationId,
        occurredAt: meta.occurredAt,
        source: meta.source,
        ...(meta.extra === undefined ? {} : { extra: meta.extra }),
      },
    };
    const canonicalJson = canonicalEventJson(content);
    if (canonicalJson.includes('\\u0000')) throw new InvalidEventError(`Event ${event.type} contains a NUL character`);
    // What is stored is what the canonical JSON says: undefined properties vanish, dates become strings.
    const stored = JSON.parse(canonicalJson) as HashedEventContent;
    return { content: { ...content, data: stored.data, metadata: stored.metadata }, canonicalJson };
  });
}
