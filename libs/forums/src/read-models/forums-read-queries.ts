import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { ukDate } from '@due-regard/plans';
import type { ConsentScope } from '../domain/consent.js';
import type { MembershipStatus } from '../domain/forum.js';
import { comparisonFigures, type ComparisonFigures, type StoredFigures } from './comparison-figures.js';
import { FORUMS_SCHEMA as S, ForumsDatabase } from './forums-database.js';
import { FORUMS_PROJECTED_EVENT_TYPES, FORUMS_SUBSCRIPTION } from './forums-projection.js';

export interface ForumSummary {
  readonly slug: string;
  readonly name: string;
  readonly region: string;
  readonly themes: readonly string[];
  readonly showNames: boolean;
}

/** A forum as a council sees it: the invitation, the membership, and what the council shares. */
export interface CouncilForum {
  readonly forum: ForumSummary;
  readonly status: MembershipStatus;
  /** The scope the council shares with this forum now; null when it shares nothing. */
  readonly scope: ConsentScope | null;
}

/** Who is reading the comparison: the forum's people, or the people of one of its member councils. */
export type ComparisonReader =
  | { readonly kind: 'coordinator' }
  | { readonly kind: 'forum-member' }
  | { readonly kind: 'council'; readonly council: string };

export interface ComparedCouncil {
  /** The council's slug, or an anonymous label ("council-b") when the forum hides names from this reader. */
  readonly slug: string;
  readonly name: string;
  /** True for the reading council's own row. */
  readonly own: boolean;
  readonly figures: ComparisonFigures;
}

export interface Comparison {
  readonly forum: ForumSummary;
  /** The instant the comparison stands at: the asOf asked for, or now. */
  readonly asOf: string;
  /** Whether councils are named for this reader (coordinators always see names). */
  readonly named: boolean;
  readonly councils: readonly ComparedCouncil[];
  /** A council reader's own place by percentage complete among the councils sharing progress; null otherwise. */
  readonly rank: { readonly position: number; readonly of: number } | null;
}

type ForumRow = { slug: string; name: string; region: string; themes: string[]; show_names: boolean };

const summary = (row: ForumRow): ForumSummary => ({
  slug: row.slug,
  name: row.name,
  region: row.region,
  themes: row.themes,
  showNames: row.show_names,
});

const WAIT_MS = 2000;

/** Reads of the forums read models, each after the projection has caught up with what was written before it. */
@Injectable()
export class ForumsReadQueries {
  constructor(
    private readonly database: ForumsDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async forum(slug: string): Promise<ForumSummary | null> {
    await this.awaitProjection();
    const { rows } = await this.database.pool.query<ForumRow>(`SELECT * FROM ${S}.forums WHERE slug = $1`, [slug]);
    return rows[0] === undefined ? null : summary(rows[0]);
  }

  /** Every forum that invited the council, with where the council stands and what it shares. */
  async forumsOf(council: string): Promise<CouncilForum[]> {
    await this.awaitProjection();
    const { rows } = await this.database.pool.query<
      ForumRow & { status: MembershipStatus; scope: ConsentScope | null }
    >(
      `SELECT f.*, m.status, c.scope
         FROM ${S}.memberships m
         JOIN ${S}.forums f ON f.slug = m.forum
         LEFT JOIN ${S}.consents c ON c.forum = m.forum AND c.council = m.council
        WHERE m.council = $1
        ORDER BY f.name`,
      [council],
    );
    return rows.map((row) => ({ forum: summary(row), status: row.status, scope: row.scope }));
  }

  /** The councils of a forum and where each stands: what its coordinators see. */
  async membersOf(forum: string): Promise<{ council: string; name: string; status: MembershipStatus }[]> {
    await this.awaitProjection();
    const { rows } = await this.database.pool.query<{
      council: string;
      council_name: string;
      status: MembershipStatus;
    }>(`SELECT council, council_name, status FROM ${S}.memberships WHERE forum = $1 ORDER BY council_name`, [forum]);
    return rows.map((row) => ({ council: row.council, name: row.council_name, status: row.status }));
  }

  /**
   * The comparison as of an instant (now when null): each consenting council's latest figures at
   * or before it. Councils are named for coordinators, and for others only when the forum shows
   * names; a council always sees its own name and rank.
   */
  async comparison(forum: ForumSummary, asOf: Date | null, reader: ComparisonReader): Promise<Comparison> {
    await this.awaitProjection();
    const at = asOf ?? new Date();
    const { rows } = await this.database.pool.query<{
      council: string;
      council_name: string;
      figures: StoredFigures | null;
    }>(
      `SELECT c.council, coalesce(m.council_name, c.council) AS council_name, latest.figures
         FROM ${S}.consents c
         LEFT JOIN ${S}.memberships m ON m.forum = c.forum AND m.council = c.council
         LEFT JOIN LATERAL (
           SELECT figures FROM ${S}.comparison s
            WHERE s.forum = c.forum AND s.council = c.council AND s.at <= $2
            ORDER BY s.at DESC LIMIT 1
         ) latest ON true
        WHERE c.forum = $1
        ORDER BY md5(c.forum || '/' || c.council)`,
      [forum.slug, at],
    );
    const today = ukDate(at);
    const named = reader.kind === 'coordinator' || forum.showNames;
    const councils = rows.map((row, index): ComparedCouncil => {
      const own = reader.kind === 'council' && reader.council === row.council;
      const anonymous = `Council ${String.fromCharCode(65 + (index % 26))}${index >= 26 ? String(Math.floor(index / 26)) : ''}`;
      return {
        slug: named || own ? row.council : anonymous.toLowerCase().replace(' ', '-'),
        name: named || own ? row.council_name : anonymous,
        own,
        figures: comparisonFigures(row.figures ?? {}, today),
      };
    });
    return {
      forum,
      asOf: at.toISOString(),
      named,
      councils: named ? [...councils].sort((a, b) => a.name.localeCompare(b.name)) : councils,
      rank: reader.kind === 'council' ? rankOf(councils) : null,
    };
  }

  /** Waits (bounded) until the projection has passed the newest event it projects. */
  private async awaitProjection(): Promise<void> {
    const head = await this.store.newestEvent({ eventTypes: FORUMS_PROJECTED_EVENT_TYPES });
    if (head === null) return;
    const checkpoints = await this.database.checkpoints();
    const deadline = performance.now() + WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 25)) {
      if (comparePositions(await checkpoints.load(FORUMS_SUBSCRIPTION), head.globalPosition) >= 0) return;
      const left = deadline - performance.now();
      if (left <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}

/** The reading council's place by percentage complete, among the councils that share it. */
function rankOf(councils: readonly ComparedCouncil[]): { position: number; of: number } | null {
  const own = councils.find((council) => council.own);
  const mine = own?.figures.progress?.overall.percentComplete;
  if (mine === undefined || mine === null) return null;
  const shared = councils
    .map((council) => council.figures.progress?.overall.percentComplete)
    .filter((percent): percent is number => typeof percent === 'number');
  return { position: shared.filter((percent) => percent > mine).length + 1, of: shared.length };
}
