import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { displayNameOf, UserDirectory } from './user-directory.js';

const realmExportUsers = z.object({
  users: z
    .array(
      z.object({
        id: z.string().min(1),
        username: z.string(),
        firstName: z.string().optional(),
        lastName: z.string().optional(),
      }),
    )
    .default([]),
});

/**
 * The users of a Keycloak realm export (the file the embedded development provider serves), read
 * once on first use.
 */
export class RealmExportUserDirectory extends UserDirectory {
  private names: Promise<ReadonlyMap<string, string>> | null = null;

  constructor(private readonly realmFile: string) {
    super();
  }

  async displayNames(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    this.names ??= this.load();
    const all = await this.names;
    return new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id) ?? id] as const] : [])));
  }

  private async load(): Promise<ReadonlyMap<string, string>> {
    try {
      const parsed = realmExportUsers.parse(JSON.parse(await readFile(this.realmFile, 'utf8')));
      return new Map(parsed.users.map((user) => [user.id, displayNameOf(user)]));
    } catch (error) {
      // Read again next time: the file may be fixed without a restart.
      this.names = null;
      throw new Error(
        `Cannot read users from the realm export ${this.realmFile}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
}
