import {
  type Decider,
  DomainConflict,
  type DomainEvent,
  DomainRuleViolation,
  NotFound,
} from '@due-regard/shared-kernel';

/**
 * A regional equalities forum (the Leicestershire Equalities Forum): its name and region, the
 * councils it invited and which of them are members, and how its comparison reads (the themes it
 * compares by, and whether councils are named). Its coordinators and members are people, held by
 * the identity provider as `/forums/<slug>/forum-coordinator` and `/forums/<slug>/forum-member`.
 */
export type ForumDetails = {
  readonly slug: string;
  readonly name: string;
  readonly region: string;
};

/** How the forum's comparison reads: chosen by its coordinators. */
export type ComparisonSettings = {
  /** What the comparison groups objectives by, besides the PSED aims (matched to the objectives' groups). */
  readonly themes: readonly string[];
  /** Whether councils are named beside their figures; when not, each council sees only its own name and rank. */
  readonly showNames: boolean;
};

/** Where a council stands with the forum. */
export type MembershipStatus = 'invited' | 'member' | 'declined' | 'left';

export type CreateForum = {
  readonly type: 'CreateForum';
  readonly forum: ForumDetails;
  readonly themes?: readonly string[];
};
export type InviteCouncil = {
  readonly type: 'InviteCouncil';
  readonly council: string;
  /** The council's name as the registry holds it, kept with the invitation for the pages. */
  readonly councilName: string;
};
export type AcceptInvitation = { readonly type: 'AcceptInvitation'; readonly council: string };
export type DeclineInvitation = { readonly type: 'DeclineInvitation'; readonly council: string };
export type LeaveForum = { readonly type: 'LeaveForum'; readonly council: string };
export type ChangeComparisonSettings = {
  readonly type: 'ChangeComparisonSettings';
  readonly settings: Partial<ComparisonSettings>;
};
export type ForumCommand =
  CreateForum | InviteCouncil | AcceptInvitation | DeclineInvitation | LeaveForum | ChangeComparisonSettings;

export type ForumCreated = DomainEvent<'ForumCreated', ForumDetails & { readonly themes: readonly string[] }>;
export type CouncilInvited = DomainEvent<'CouncilInvited', { readonly council: string; readonly councilName: string }>;
export type InvitationAccepted = DomainEvent<'InvitationAccepted', { readonly council: string }>;
export type InvitationDeclined = DomainEvent<'InvitationDeclined', { readonly council: string }>;
export type CouncilLeftForum = DomainEvent<'CouncilLeftForum', { readonly council: string }>;
/** Every setting as it is after the change. */
export type ComparisonSettingsChanged = DomainEvent<
  'ComparisonSettingsChanged',
  { readonly themes: readonly string[]; readonly showNames: boolean }
>;
export type ForumEvent =
  | ForumCreated
  | CouncilInvited
  | InvitationAccepted
  | InvitationDeclined
  | CouncilLeftForum
  | ComparisonSettingsChanged;

export type ForumMembership = { readonly status: MembershipStatus; readonly councilName: string };

export type ForumState =
  | { readonly status: 'none' }
  | {
      readonly status: 'created';
      readonly forum: ForumDetails;
      readonly settings: ComparisonSettings;
      readonly councils: Readonly<Record<string, ForumMembership>>;
    };

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_THEMES = 12;

export function validateForumSlug(slug: string): void {
  if (slug.length < 2 || slug.length > 63 || !SLUG.test(slug)) {
    throw new DomainRuleViolation(
      `"${slug}" is not a valid forum slug: use 2 to 63 lowercase letters, digits and single hyphens, starting with a letter`,
      'invalid_slug',
      'slug',
    );
  }
}

function checkedThemes(themes: readonly string[]): string[] {
  const checked: string[] = [];
  for (const theme of themes.map((each) => each.trim())) {
    if (theme.length === 0) throw new DomainRuleViolation('A theme cannot be blank', 'theme_blank', 'themes');
    if (theme.length > 100)
      throw new DomainRuleViolation('A theme is at most 100 characters', 'theme_too_long', 'themes');
    if (checked.some((each) => each.toLowerCase() === theme.toLowerCase())) {
      throw new DomainRuleViolation(`The theme "${theme}" is named twice`, 'theme_repeated', 'themes');
    }
    checked.push(theme);
  }
  if (checked.length > MAX_THEMES) {
    throw new DomainRuleViolation(`A forum compares by at most ${MAX_THEMES} themes`, 'too_many_themes', 'themes');
  }
  return checked;
}

function membershipOf(state: ForumState, council: string): ForumMembership | undefined {
  return state.status === 'created' ? state.councils[council] : undefined;
}

function existing(state: ForumState): Extract<ForumState, { status: 'created' }> {
  if (state.status !== 'created') throw new NotFound('There is no such forum');
  return state;
}

export const forumDecider: Decider<ForumCommand, ForumEvent, ForumState> = {
  eventTypes: [
    'ForumCreated',
    'CouncilInvited',
    'InvitationAccepted',
    'InvitationDeclined',
    'CouncilLeftForum',
    'ComparisonSettingsChanged',
  ],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateForum': {
        if (state.status === 'created') {
          throw new DomainConflict(`A forum "${command.forum.slug}" exists already`, 'forum_exists');
        }
        validateForumSlug(command.forum.slug);
        const name = command.forum.name.trim();
        if (name.length === 0) throw new DomainRuleViolation('Enter the forum name', 'name_required', 'name');
        const region = command.forum.region.trim();
        if (region.length === 0) throw new DomainRuleViolation('Enter the region', 'region_required', 'region');
        const themes = checkedThemes(command.themes ?? []);
        return [{ type: 'ForumCreated', data: { slug: command.forum.slug, name, region, themes } }];
      }
      case 'InviteCouncil': {
        const forum = existing(state);
        const membership = forum.councils[command.council];
        if (membership?.status === 'invited') return [];
        if (membership?.status === 'member') {
          throw new DomainConflict(`${membership.councilName} is a member of the forum already`, 'already_member');
        }
        return [{ type: 'CouncilInvited', data: { council: command.council, councilName: command.councilName } }];
      }
      case 'AcceptInvitation': {
        const membership = membershipOf(existing(state), command.council);
        if (membership?.status === 'member') return [];
        if (membership?.status !== 'invited') throw new NotFound('The forum has not invited this council');
        return [{ type: 'InvitationAccepted', data: { council: command.council } }];
      }
      case 'DeclineInvitation': {
        const membership = membershipOf(existing(state), command.council);
        if (membership?.status !== 'invited') throw new NotFound('The forum has not invited this council');
        return [{ type: 'InvitationDeclined', data: { council: command.council } }];
      }
      case 'LeaveForum': {
        const membership = membershipOf(existing(state), command.council);
        if (membership?.status !== 'member') throw new NotFound('This council is not a member of the forum');
        return [{ type: 'CouncilLeftForum', data: { council: command.council } }];
      }
      case 'ChangeComparisonSettings': {
        const forum = existing(state);
        const themes =
          command.settings.themes === undefined ? forum.settings.themes : checkedThemes(command.settings.themes);
        const showNames = command.settings.showNames ?? forum.settings.showNames;
        if (themes.join('\u0000') === forum.settings.themes.join('\u0000') && showNames === forum.settings.showNames) {
          return [];
        }
        return [{ type: 'ComparisonSettingsChanged', data: { themes: [...themes], showNames } }];
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'ForumCreated') {
      const { themes, ...forum } = event.data;
      return { status: 'created', forum, settings: { themes, showNames: false }, councils: {} };
    }
    if (state.status !== 'created') return state;
    const withStatus = (council: string, status: MembershipStatus, councilName?: string): ForumState => ({
      ...state,
      councils: {
        ...state.councils,
        [council]: { status, councilName: councilName ?? state.councils[council]?.councilName ?? council },
      },
    });
    switch (event.type) {
      case 'CouncilInvited':
        return withStatus(event.data.council, 'invited', event.data.councilName);
      case 'InvitationAccepted':
        return withStatus(event.data.council, 'member');
      case 'InvitationDeclined':
        return withStatus(event.data.council, 'declined');
      case 'CouncilLeftForum':
        return withStatus(event.data.council, 'left');
      case 'ComparisonSettingsChanged':
        return { ...state, settings: { themes: event.data.themes, showNames: event.data.showNames } };
    }
  },
};
