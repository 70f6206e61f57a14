import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { CouncilRole } from '@due-regard/identity';
import { Recipients, roleGroupPath, type Recipient } from './recipients.js';

const realmUsers = z.object({
  users: z
    .array(
      z.object({
        id: z.string().min(1),
        enabled: z.boolean().default(true),
        email: z.string().optional(),
        groups: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

type RealmUser = z.infer<typeof realmUsers>['users'][number];

/**
 * The people of the realm export the embedded development provider serves, with the groups the
 * export gives them: read once on first use.
 */
export class RealmExportRecipients extends Recipients {
  private users: Promise<readonly RealmUser[]> | null = null;

  constructor(private readonly realmFile: string) {
    super();
  }

  async teamMembers(councilSlug: string, team: string): Promise<readonly Recipient[]> {
    const prefix = `/councils/${councilSlug}/teams/`;
    // A member of a sub-group (`…/teams/Human Resources/Payroll`) works in both teams.
    return this.having((group) => group.startsWith(prefix) && group.slice(prefix.length).split('/').includes(team));
  }

  async withRole(councilSlug: string, role: CouncilRole): Promise<readonly Recipient[]> {
    const path = roleGroupPath(councilSlug, role);
    return this.having((group) => group === path);
  }

  private async having(inGroup: (group: string) => boolean): Promise<readonly Recipient[]> {
    this.users ??= this.load();
    return (await this.users).flatMap((user) =>
      user.enabled && user.email !== undefined && user.email !== '' && user.groups.some(inGroup)
        ? [{ id: user.id, email: user.email }]
        : [],
    );
  }

  private async load(): Promise<readonly RealmUser[]> {
    try {
      return realmUsers.parse(JSON.parse(await readFile(this.realmFile, 'utf8'))).users;
    } catch (error) {
      this.users = null;
      throw new Error(
        `Cannot read users from the realm export ${this.realmFile}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
}
