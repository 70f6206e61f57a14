import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, START, type EventStore, type RecordedEvent } from '@due-regard/event-store';
import { CommandRunner } from '@due-regard/commands';
import { namesFor, UserDirectory } from '@due-regard/identity';
import { auditReadsDecider } from '../../domain/audit-reads.js';
import { auditStreams } from '../../integrity/audit-streams.js';
import type { JsonObject, JsonValue } from '@due-regard/shared-kernel';
import type { AuditLogQuery } from './read-audit-log.body.js';
import type { AuditLogEntry, AuditLogPage, ChangedStream, FieldChange } from './read-audit-log.view.js';

/** Data fields that say why a change was made, in the order they are looked for. */
const WHY_FIELDS = ['reason', 'narrative', 'note', 'comment'];
const READ_BATCH = 1000;

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The council's change log, from its events (never a read model): grouped by correlation (one
 * command, however many streams it touched, is one change), newest first, each event's fields set
 * against the same fields' values earlier in its stream (old → new).
 */
@Injectable()
export class AuditLogReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    @Optional() @Inject(UserDirectory) private readonly users: UserDirectory | null = null,
  ) {}

  /** A page of the log, the read itself recorded (AuditLogRead, through the write path): auditors are audited too. */
  async readRecorded(council: string, query: AuditLogQuery): Promise<AuditLogPage> {
    const page = await this.read(council, query);
    const stream = auditStreams.reads(council);
    const { page: pageNumber, pageSize, ...filters } = query;
    await this.runner.run(async (session) => {
      const { state } = await session.load(stream, auditReadsDecider);
      const command = {
        type: 'RecordAuditLogRead' as const,
        filters: { ...filters, pageSize },
        page: pageNumber,
        entries: page.entries.length,
      };
      session.record(stream, auditReadsDecider.decide(command, state));
      return {};
    });
    return page;
  }

  async read(council: string, query: AuditLogQuery): Promise<AuditLogPage> {
    const entries = new Map<string, { events: RecordedEvent[]; changes: ChangedStream[] }>();
    const lastValues = new Map<string, Map<string, JsonValue>>();
    let after = START;
    for (;;) {
      const batch = await this.store.readAll({ after, batchSize: READ_BATCH, tenantId: council });
      for (const event of batch.events) {
        const fields = lastValues.get(event.streamId) ?? new Map<string, JsonValue>();
        lastValues.set(event.streamId, fields);
        const changes: FieldChange[] = [];
        for (const [field, value] of Object.entries(event.data)) {
          const old = fields.get(field);
          if (!sameJson(old, value)) changes.push({ field, old: old ?? null, new: value });
          fields.set(field, value);
        }
        const entry = entries.get(event.metadata.correlationId) ?? { events: [], changes: [] };
        entry.events.push(event);
        entry.changes.push({
          stream: event.streamId,
          version: event.streamVersion,
          type: event.type,
          eventId: event.id,
          hash: event.hash,
          changes,
        });
        entries.set(event.metadata.correlationId, entry);
      }
      after = batch.position;
      if (batch.caughtUp) break;
    }
    const matching = [...entries.entries()].filter(([, entry]) => this.matches(entry.events, query)).reverse();
    const start = (query.page - 1) * query.pageSize;
    const pageEntries = matching.slice(start, start + query.pageSize);
    const names = this.users
      ? await namesFor(
          this.users,
          pageEntries.map(([, entry]) => entry.events[0]?.metadata.actorId ?? ''),
        )
      : new Map<string, string>();
    return {
      page: query.page,
      pageSize: query.pageSize,
      total: matching.length,
      entries: pageEntries.map(([correlationId, entry]): AuditLogEntry => {
        const first = entry.events[0];
        const last = entry.events.at(-1);
        if (!first || !last) throw new Error(`Change ${correlationId} has no events`);
        const actorId = first.metadata.actorId;
        return {
          correlationId,
          causationIds: [
            ...new Set(
              entry.events.flatMap((event) => (event.metadata.causationId ? [event.metadata.causationId] : [])),
            ),
          ],
          at: first.metadata.occurredAt,
          recordedAt: last.recordedAt.toISOString(),
          actor: { id: actorId, name: names.get(actorId) ?? actorId },
          source: first.metadata.source,
          why: whyOf(entry.events),
          events: entry.changes,
        };
      }),
    };
  }

  private matches(events: readonly RecordedEvent[], query: AuditLogQuery): boolean {
    const first = events[0];
    if (!first) return false;
    const at = first.metadata.occurredAt;
    if (query.from !== undefined && Date.parse(at) < Date.parse(query.from)) return false;
    if (query.to !== undefined && Date.parse(at) > Date.parse(query.to)) return false;
    if (query.actor !== undefined && first.metadata.actorId !== query.actor) return false;
    if (query.source !== undefined && first.metadata.source !== query.source) return false;
    if (query.type !== undefined && !events.some((event) => event.type === query.type)) return false;
    const stream = query.stream;
    if (stream !== undefined && !events.some((event) => event.streamId.startsWith(stream))) return false;
    return true;
  }
}

function whyOf(events: readonly RecordedEvent[]): string | null {
  for (const event of events) {
    const data: JsonObject = event.data;
    for (const field of WHY_FIELDS) {
      const value = data[field];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return null;
}
