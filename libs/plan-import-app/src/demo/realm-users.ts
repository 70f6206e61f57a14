import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Principal } from '@due-regard/identity';

const realmUsers = z.object({
  users: z.array(
    z.object({
      id: z.string().min(1),
      username: z.string(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      groups: z.array(z.string()).default([]),
    }),
  ),
});

/**
 * A demo user of the realm export, as the access guard would sign them in: their fixed id is the
 * subject the events carry, their groups their roles and teams. Null when the file or the user is
 * missing.
 */
export async function realmUser(realmFile: string, username: string): Promise<Principal | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.resolve(realmFile), 'utf8'));
  } catch {
    return null;
  }
  const parsed = realmUsers.safeParse(json);
  if (!parsed.success) return null;
  const user = parsed.data.users.find((candidate) => candidate.username === username);
  if (user === undefined) return null;
  return {
    subject: user.id,
    username: user.username,
    displayName: [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username,
    clientId: 'due-regard-web',
    groups: user.groups,
    realmRoles: [],
  };
}
