export const COUNCIL_ROLES = ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

export const FORUM_ROLES = ['forum-coordinator', 'forum-member'] as const;
export type ForumRole = (typeof FORUM_ROLES)[number];

export const PLATFORM_ADMIN = 'platform-admin' as const;
export type PlatformRole = typeof PLATFORM_ADMIN;
