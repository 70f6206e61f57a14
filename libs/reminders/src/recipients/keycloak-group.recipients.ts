import { z } from 'zod';
import { KeycloakServiceAccount, type CouncilRole, type KeycloakAdminOptions } from '@due-regard/identity';
import { Recipients, roleGroupPath, teamGroupPath, type Recipient } from './recipients.js';

const group = z.object({ id: z.string().min(1) });
const member = z.object({ id: z.string().min(1), enabled: z.boolean().default(true), email: z.string().optional() });
const PAGE = 100;

/**
 * Group members from Keycloak's Admin REST API, with the service account the user directory uses
 * (it needs realm-management's `view-users` and `query-groups` roles). A team's members include
 * those of its sub-groups, as the plans policy reads teams.
 */
export class KeycloakGroupRecipients extends Recipients {
  private readonly account: KeycloakServiceAccount;

  constructor(options: KeycloakAdminOptions) {
    super();
    this.account = new KeycloakServiceAccount(options);
  }

  async teamMembers(councilSlug: string, team: string): Promise<readonly Recipient[]> {
    return this.membersOf(teamGroupPath(councilSlug, team), true);
  }

  async withRole(councilSlug: string, role: CouncilRole): Promise<readonly Recipient[]> {
    return this.membersOf(roleGroupPath(councilSlug, role), false);
  }

  private async membersOf(path: string, withSubGroups: boolean): Promise<readonly Recipient[]> {
    const found = await this.account.fetch(`/group-by-path/${path.split('/').map(encodeURIComponent).join('/')}`);
    if (found.status === 404) return [];
    if (!found.ok) throw new Error(`Keycloak did not find the group ${path} (${found.status})`);
    const ids = [group.parse(await found.json()).id];
    const people = new Map<string, Recipient>();
    while (ids.length > 0) {
      const id = ids.shift() ?? '';
      for (let first = 0; ; first += PAGE) {
        const page = z
          .array(member)
          .parse(await this.json(`/groups/${id}/members?briefRepresentation=false&first=${first}&max=${PAGE}`));
        for (const user of page) {
          if (user.enabled && user.email !== undefined && user.email !== '')
            people.set(user.id, { id: user.id, email: user.email });
        }
        if (page.length < PAGE) break;
      }
      if (withSubGroups)
        ids.push(
          ...z
            .array(group)
            .parse(await this.json(`/groups/${id}/children?max=${PAGE}`))
            .map((child) => child.id),
        );
    }
    return [...people.values()];
  }

  private async json(path: string): Promise<unknown> {
    const response = await this.account.fetch(path);
    if (!response.ok) throw new Error(`Keycloak refused ${path.split('?')[0] ?? path} (${response.status})`);
    return response.json();
  }
}
