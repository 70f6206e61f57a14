import type { CouncilRole } from '@due-regard/identity';

const ROLE_NAMES: Readonly<Record<CouncilRole, string>> = {
  'council-admin': 'council administrator',
  'plan-editor': 'plan editor',
  'action-lead': 'action lead',
  viewer: 'viewer',
  auditor: 'auditor',
};

/** `plan-editor` → `plan editor`: how the pages name a role, in lower case as in running text. */
export function roleName(role: CouncilRole): string {
  return ROLE_NAMES[role];
}

/** "an action lead", "a plan editor and an auditor": for "You're signed in as …". */
export function rolesInWords(roles: readonly CouncilRole[]): string {
  const named = roles.map((role) => withArticle(roleName(role)));
  if (named.length <= 1) return named[0] ?? '';
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1] ?? ''}`;
}

function withArticle(name: string): string {
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}
