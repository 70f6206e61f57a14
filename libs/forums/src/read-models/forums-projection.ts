import type pg from 'pg';
import {
  parseStreamName,
  START,
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
} from '@due-regard/event-store';
import { CouncilReadModel, PROJECTED_EVENT_TYPES, type CouncilRows } from '@due-regard/plans';
import { consentDecider, type ConsentEvent, type ConsentScope } from '../domain/consent.js';
import { forumDecider, type ForumEvent, type MembershipStatus } from '../domain/forum.js';
import { storedFigures, type SourceAction, type SourceObjective, type StoredFigures } from './comparison-figures.js';
import { FORUMS_SCHEMA as S } from './forums-database.js';

/** The durable name of the subscription, and of its checkpoint. */
export const FORUMS_SUBSCRIPTION = 'forums-comparison';

const FORUM_EVENT_TYPES: readonly string[] = forumDecider.eventTypes;
const CONSENT_EVENT_TYPES: readonly string[] = consentDecider.eventTypes;

/** The forums' own events and every plans event: a council's plans change its figures. */
export const FORUMS_PROJECTED_EVENT_TYPES: readonly string[] = [
  ...FORUM_EVENT_TYPES,
  ...CONSENT_EVENT_TYPES,
  ...PROJECTED_EVENT_TYPES,
];

const MEMBERSHIP_STATUS: Readonly<
  Record<Exclude<ForumEvent['type'], 'ForumCreated' | 'ComparisonSettingsChanged'>, MembershipStatus>
> = {
  CouncilInvited: 'invited',
  InvitationAccepted: 'member',
  InvitationDeclined: 'declined',
  CouncilLeftForum: 'left',
};

type Pair = { readonly forum: string; readonly council: string };
const key = ({ forum, council }: Pair): string => `${forum}\u0000${council}`;

/**
 * Moves the forums read models on by a batch, in the subscription's transaction. The comparison is
 * written here and nowhere else, and only through each council's current scope: a consent granted
 * or changed rewrites that council's rows for the forum from its plans; a plans change rewrites
 * them for every forum the council consents to; a withdrawal deletes them.
 */
export async function projectForumsBatch(
  events: readonly RecordedEvent[],
  tx: pg.ClientBase,
  store: EventStore,
): Promise<void> {
  const stale = new Map<string, Pair>();
  const councilsChanged = new Set<string>();
  for (const event of events) {
    if (FORUM_EVENT_TYPES.includes(event.type)) {
      const forum = parseStreamName(event.streamId).entityId;
      const themesChanged = await applyForumEvent(
        tx,
        forum,
        { type: event.type, data: event.data } as ForumEvent,
        event,
      );
      if (themesChanged) {
        const { rows } = await tx.query<Pair>(`SELECT forum, council FROM ${S}.consents WHERE forum = $1`, [forum]);
        for (const pair of rows) stale.set(key(pair), pair);
      }
    } else if (CONSENT_EVENT_TYPES.includes(event.type)) {
      const consent = { type: event.type, data: event.data } as ConsentEvent;
      const pair = { forum: consent.data.forum, council: consent.data.council };
      if (consent.type === 'ConsentWithdrawn') {
        await tx.query(`DELETE FROM ${S}.consents WHERE forum = $1 AND council = $2`, [pair.forum, pair.council]);
        await tx.query(`DELETE FROM ${S}.comparison WHERE forum = $1 AND council = $2`, [pair.forum, pair.council]);
        stale.delete(key(pair));
      } else {
        await tx.query(
          `INSERT INTO ${S}.consents (forum, council, scope) VALUES ($1, $2, $3)
           ON CONFLICT (forum, council) DO UPDATE SET scope = EXCLUDED.scope`,
          [pair.forum, pair.council, JSON.stringify(consent.data.scope)],
        );
        stale.set(key(pair), pair);
      }
    } else {
      councilsChanged.add(parseStreamName(event.streamId).tenantId);
    }
  }
  if (councilsChanged.size > 0) {
    const { rows } = await tx.query<Pair>(`SELECT forum, council FROM ${S}.consents WHERE council = ANY($1)`, [
      [...councilsChanged],
    ]);
    for (const pair of rows) stale.set(key(pair), pair);
  }
  const byCouncil = new Map<string, string[]>();
  for (const { forum, council } of stale.values()) byCouncil.set(council, [...(byCouncil.get(council) ?? []), forum]);
  for (const [council, forums] of byCouncil) await rewriteCouncil(tx, store, council, forums);
}

/** Applies a forum event to the forums and memberships tables; true when the forum's themes changed. */
async function applyForumEvent(
  tx: pg.ClientBase,
  forum: string,
  event: ForumEvent,
  recorded: RecordedEvent,
): Promise<boolean> {
  switch (event.type) {
    case 'ForumCreated':
      await tx.query(
        `INSERT INTO ${S}.forums (slug, name, region, themes, show_names) VALUES ($1, $2, $3, $4, false)
         ON CONFLICT (slug) DO NOTHING`,
        [forum, event.data.name, event.data.region, JSON.stringify(event.data.themes)],
      );
      return false;
    case 'ComparisonSettingsChanged': {
      const { rows } = await tx.query<{ themes: string[] }>(`SELECT themes FROM ${S}.forums WHERE slug = $1`, [forum]);
      await tx.query(`UPDATE ${S}.forums SET themes = $2, show_names = $3 WHERE slug = $1`, [
        forum,
        JSON.stringify(event.data.themes),
        event.data.showNames,
      ]);
      return JSON.stringify(rows[0]?.themes ?? []) !== JSON.stringify(event.data.themes);
    }
    case 'CouncilInvited':
    case 'InvitationAccepted':
    case 'InvitationDeclined':
    case 'CouncilLeftForum': {
      const status = MEMBERSHIP_STATUS[event.type];
      const councilName = event.type === 'CouncilInvited' ? event.data.councilName : null;
      await tx.query(
        `INSERT INTO ${S}.memberships (forum, council, council_name, status, changed_at) VALUES ($1, $2, coalesce($3, $2), $4, $5)
         ON CONFLICT (forum, council) DO UPDATE
           SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at,
               council_name = coalesce($3, ${S}.memberships.council_name)`,
        [forum, event.data.council, councilName, status, recorded.recordedAt],
      );
      return false;
    }
  }
}

type ObjectiveRow = CouncilRows['objectives'][number];
type ActionRow = CouncilRows['actions'][number];

function sources(rows: CouncilRows): { objectives: SourceObjective[]; actions: SourceAction[] } {
  return {
    objectives: rows.objectives.map((row: ObjectiveRow) => ({
      objectiveId: row.objective_id,
      title: row.title,
      psedAims: row.psed_aims,
      groupTitle: row.group_title,
    })),
    actions: rows.actions.map((row: ActionRow) => ({
      objectiveId: row.objective_id,
      title: row.title,
      status: row.status,
      rag: row.rag,
      dueFinal: row.due_final,
      successMeasures: row.success_measures,
    })),
  };
}

const READ_BATCH = 2000;

/**
 * Rewrites one council's comparison rows in the forums it consents to: its plans events folded
 * from the start (with the plans read model's own fold), its figures after each through the
 * forum's scope, one row whenever they change.
 */
async function rewriteCouncil(tx: pg.ClientBase, store: EventStore, council: string, forums: string[]): Promise<void> {
  const { rows: consents } = await tx.query<{ forum: string; scope: ConsentScope; themes: string[] }>(
    `SELECT c.forum, c.scope, coalesce(f.themes, '[]'::jsonb) AS themes
       FROM ${S}.consents c LEFT JOIN ${S}.forums f ON f.slug = c.forum
      WHERE c.council = $1 AND c.forum = ANY($2)`,
    [council, forums],
  );
  if (consents.length === 0) return;
  await tx.query(`DELETE FROM ${S}.comparison WHERE council = $1 AND forum = ANY($2)`, [
    council,
    consents.map((consent) => consent.forum),
  ]);
  const model = new CouncilReadModel(council);
  const latest = new Map<string, string>();
  // Keyed by forum and instant: of several changes at one instant, the last one stands.
  const written = new Map<string, { forum: string; at: Date; figures: StoredFigures }>();
  let after: GlobalPosition = START;
  for (;;) {
    const batch = await store.readAll({
      after,
      batchSize: READ_BATCH,
      tenantId: council,
      eventTypes: PROJECTED_EVENT_TYPES,
    });
    for (const event of batch.events) {
      if (!model.apply(event)) continue;
      const { objectives, actions } = sources(model.rows());
      for (const consent of consents) {
        const figures = storedFigures(objectives, actions, consent.scope, consent.themes);
        const serialised = JSON.stringify(figures);
        if (latest.get(consent.forum) === serialised) continue;
        latest.set(consent.forum, serialised);
        written.set(`${consent.forum}@${event.recordedAt.toISOString()}`, {
          forum: consent.forum,
          at: event.recordedAt,
          figures,
        });
      }
    }
    after = batch.position;
    if (batch.caughtUp) break;
  }
  // A council that consents before it has any plans is in the comparison with no figures yet.
  for (const consent of consents) {
    if (!latest.has(consent.forum)) written.set(consent.forum, { forum: consent.forum, at: new Date(0), figures: {} });
  }
  for (const row of written.values()) {
    await tx.query(
      `INSERT INTO ${S}.comparison (forum, council, at, figures) VALUES ($1, $2, $3, $4)
       ON CONFLICT (forum, council, at) DO UPDATE SET figures = EXCLUDED.figures`,
      [row.forum, council, row.at, JSON.stringify(row.figures)],
    );
  }
}
