import type { CouncilForum } from '../../read-models/forums-read-queries.js';

/** What `GET /api/v1/forum-invitations` answers: every forum that invited the council, and where it stands. */
export interface ForumInvitationsView {
  readonly invitations: readonly CouncilForum[];
}
