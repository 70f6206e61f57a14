import type { ActionDetailLevel, MembershipStatus, ScopeFlag } from '@due-regard/forums';

/** Each figure a council may share, as the consent form asks about it. */
export const SCOPE_FLAG_WORDS: Readonly<Record<ScopeFlag, { readonly text: string; readonly hint: string }>> = {
  progressByStatus: {
    text: 'Progress by status',
    hint: 'How many actions are not started, in progress, completed and so on, and the percentage complete, overall, by PSED aim and by theme',
  },
  ragCounts: { text: 'RAG ratings', hint: 'How many actions are rated red, amber and green' },
  overdueCounts: { text: 'Overdue actions', hint: 'How many actions are past their due date and not finished' },
  objectivesByAim: { text: 'Objectives by PSED aim', hint: 'The titles of your objectives, under the aims they serve' },
  accreditations: {
    text: 'Accreditations held',
    hint: 'Disability Confident level, Race at Work Charter and others, once your council records them',
  },
};

export const ACTION_DETAIL_WORDS: Readonly<Record<ActionDetailLevel, string>> = {
  titles: 'Each action’s title and status',
  counts: 'Only how many actions there are',
  none: 'Nothing about individual actions',
};

export const MEMBERSHIP_WORDS: Readonly<Record<MembershipStatus, string>> = {
  invited: 'Invited',
  member: 'Member',
  declined: 'Declined',
  left: 'Left',
};
