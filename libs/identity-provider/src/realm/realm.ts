import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  realmRepresentationSchema,
  type ClientRepresentation,
  type GroupRepresentation,
  type ProtocolMapperRepresentation,
  type RealmRepresentation,
  type UserRepresentation,
} from './realm-representation.js';

/** The realm every Due Regard deployment uses, in Keycloak and in the embedded provider alike. */
export const REALM_NAME = 'due-regard';

export class RealmError extends Error {
  override readonly name = 'RealmError';
}

export interface RealmUser {
  readonly id: string;
  readonly username: string;
  readonly enabled: boolean;
  readonly email: string | undefined;
  readonly emailVerified: boolean;
  readonly firstName: string | undefined;
  readonly lastName: string | undefined;
  /** The plain `value` of the user's password credential; users without one cannot sign in here. */
  readonly password: string | undefined;
  /** Full paths of the groups the user is a direct member of, as in the export. */
  readonly groups: readonly string[];
  /** Realm roles granted to the user directly, before groups and composites. */
  readonly realmRoles: readonly string[];
}

export interface GroupMembershipMapper {
  readonly claimName: string;
  readonly fullPath: boolean;
  readonly accessToken: boolean;
  readonly idToken: boolean;
  readonly userInfo: boolean;
  readonly introspection: boolean;
}

export interface AudienceMapper {
  readonly audience: string;
  readonly accessToken: boolean;
  readonly idToken: boolean;
  readonly introspection: boolean;
}

export interface RealmClient {
  readonly clientId: string;
  readonly enabled: boolean;
  readonly publicClient: boolean;
  readonly bearerOnly: boolean;
  readonly secret: string | undefined;
  readonly standardFlowEnabled: boolean;
  readonly directAccessGrantsEnabled: boolean;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly webOrigins: readonly string[];
  /** Set when the client must send a PKCE challenge with this method. */
  readonly pkceMethod: 'S256' | undefined;
  readonly groupMappers: readonly GroupMembershipMapper[];
  readonly audienceMappers: readonly AudienceMapper[];
}

/** Keycloak's brute-force detection: how many wrong passwords lock a user out, and for how long. */
export interface BruteForceSettings {
  readonly protected: boolean;
  /** Locked until an administrator unlocks the user, rather than for a while. */
  readonly permanentLockout: boolean;
  /** Wrong passwords in a row that lock the user out. */
  readonly failureFactor: number;
  /** The lockout grows by this much each time the user reaches the failure factor again. */
  readonly waitIncrementSeconds: number;
  readonly maxFailureWaitSeconds: number;
  /** Failures further apart than this start counting again. */
  readonly maxDeltaTimeSeconds: number;
}

export interface RealmLifespans {
  readonly accessToken: number;
  readonly code: number;
  readonly login: number;
  readonly ssoSessionIdle: number;
  readonly ssoSessionMax: number;
}

interface GroupNode {
  readonly path: string;
  readonly name: string;
  readonly realmRoles: readonly string[];
  readonly parent: string | undefined;
}

const flag = (config: Readonly<Record<string, string>>, key: string, fallback: boolean): boolean =>
  config[key] === undefined ? fallback : config[key] === 'true';

function toGroupMapper(mapper: ProtocolMapperRepresentation): GroupMembershipMapper {
  return {
    claimName: mapper.config['claim.name'] ?? 'groups',
    fullPath: flag(mapper.config, 'full.path', true),
    accessToken: flag(mapper.config, 'access.token.claim', true),
    idToken: flag(mapper.config, 'id.token.claim', true),
    userInfo: flag(mapper.config, 'userinfo.token.claim', true),
    introspection: flag(mapper.config, 'introspection.token.claim', true),
  };
}

/** Keycloak keeps several URIs in one attribute, separated by `##`; `+` stands for the redirect URIs. */
function postLogoutRedirectUris(client: ClientRepresentation): string[] {
  const attribute = client.attributes['post.logout.redirect.uris'];
  if (attribute === undefined || attribute === '') return [];
  return attribute
    .split('##')
    .filter((uri) => uri !== '')
    .flatMap((uri) => (uri === '+' ? client.redirectUris : [uri]));
}

/** Users, groups, roles and clients of one realm, read from a Keycloak realm export. */
export class Realm {
  readonly name: string;
  readonly lifespans: RealmLifespans;
  readonly loginWithEmailAllowed: boolean;
  readonly bruteForce: BruteForceSettings;
  private readonly users: readonly RealmUser[];
  private readonly clients: ReadonlyMap<string, RealmClient>;
  private readonly groups: ReadonlyMap<string, GroupNode>;
  private readonly roleComposites: ReadonlyMap<string, readonly string[]>;

  private constructor(representation: RealmRepresentation) {
    const problems: string[] = [];
    this.name = representation.realm;
    this.loginWithEmailAllowed = representation.loginWithEmailAllowed;
    this.bruteForce = {
      protected: representation.bruteForceProtected,
      permanentLockout: representation.permanentLockout,
      failureFactor: representation.failureFactor,
      waitIncrementSeconds: representation.waitIncrementSeconds,
      maxFailureWaitSeconds: representation.maxFailureWaitSeconds,
      maxDeltaTimeSeconds: representation.maxDeltaTimeSeconds,
    };
    this.lifespans = {
      accessToken: representation.accessTokenLifespan,
      code: representation.accessCodeLifespan,
      login: representation.accessCodeLifespanLogin,
      ssoSessionIdle: representation.ssoSessionIdleTimeout,
      ssoSessionMax: representation.ssoSessionMaxLifespan,
    };
    if (!representation.enabled) problems.push(`realm ${representation.realm} is disabled`);

    const roleComposites = new Map<string, readonly string[]>();
    for (const role of representation.roles.realm) {
      if (roleComposites.has(role.name)) problems.push(`realm role ${role.name} is defined twice`);
      roleComposites.set(role.name, role.composite ? (role.composites?.realm ?? []) : []);
    }
    for (const [name, composites] of roleComposites) {
      for (const composite of composites) {
        if (!roleComposites.has(composite))
          problems.push(`realm role ${name} is composed of unknown role ${composite}`);
      }
    }
    this.roleComposites = roleComposites;

    const groups = new Map<string, GroupNode>();
    const visit = (group: GroupRepresentation, parent: string | undefined): void => {
      const path = `${parent ?? ''}/${group.name}`;
      if (group.path !== undefined && group.path !== path) problems.push(`group ${path} declares path ${group.path}`);
      if (groups.has(path)) problems.push(`group ${path} is defined twice`);
      for (const role of group.realmRoles) {
        if (!roleComposites.has(role)) problems.push(`group ${path} has unknown realm role ${role}`);
      }
      groups.set(path, { path, name: group.name, realmRoles: group.realmRoles, parent });
      for (const child of group.subGroups) visit(child, path);
    };
    for (const group of representation.groups) visit(group, undefined);
    this.groups = groups;

    const clients = new Map<string, RealmClient>();
    for (const client of representation.clients) {
      if (clients.has(client.clientId)) problems.push(`client ${client.clientId} is defined twice`);
      clients.set(client.clientId, this.toClient(client, problems));
    }
    for (const client of clients.values()) {
      for (const mapper of client.audienceMappers) {
        if (!clients.has(mapper.audience)) {
          problems.push(`client ${client.clientId} has an audience mapper for unknown client ${mapper.audience}`);
        }
      }
    }
    this.clients = clients;

    const usernames = new Set<string>();
    const ids = new Set<string>();
    this.users = representation.users.map((user) => {
      const username = user.username.toLowerCase();
      if (usernames.has(username)) problems.push(`user ${user.username} is defined twice`);
      if (ids.has(user.id)) problems.push(`user id ${user.id} is used twice`);
      usernames.add(username);
      ids.add(user.id);
      return this.toUser(user, problems);
    });

    if (problems.length > 0) throw new RealmError(`Realm ${representation.realm}: ${problems.join('; ')}`);
  }

  /** Validates a parsed realm export (shape, then references between its parts). */
  static fromRepresentation(input: unknown): Realm {
    const parsed = realmRepresentationSchema.safeParse(input);
    if (!parsed.success) throw new RealmError(`Realm export is not valid: ${describeIssues(parsed.error.issues)}`);
    return new Realm(parsed.data);
  }

  static fromFile(file: string): Realm {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new RealmError(
        `Cannot read the realm export ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new RealmError(
        `The realm export ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    try {
      return Realm.fromRepresentation(json);
    } catch (error) {
      if (error instanceof RealmError) throw new RealmError(`${file}: ${error.message}`);
      throw error;
    }
  }

  client(clientId: string): RealmClient | undefined {
    return this.clients.get(clientId);
  }

  userById(id: string): RealmUser | undefined {
    return this.users.find((user) => user.id === id);
  }

  /** Like Keycloak's login form: the username, case-insensitively, or the e-mail address when allowed. */
  userByLogin(login: string): RealmUser | undefined {
    const wanted = login.trim().toLowerCase();
    if (wanted === '') return undefined;
    return (
      this.users.find((user) => user.username.toLowerCase() === wanted) ??
      (this.loginWithEmailAllowed ? this.users.find((user) => user.email?.toLowerCase() === wanted) : undefined)
    );
  }

  groupName(path: string): string {
    return this.groups.get(path)?.name ?? path;
  }

  /**
   * Keycloak's effective realm roles: granted to the user, or to any of the user's groups or their
   * ancestors, expanded through composite roles. Sorted, for stable tokens.
   */
  effectiveRealmRoles(user: RealmUser): string[] {
    const granted = [...user.realmRoles];
    for (const path of user.groups) {
      for (let group = this.groups.get(path); group; group = group.parent ? this.groups.get(group.parent) : undefined) {
        granted.push(...group.realmRoles);
      }
    }
    const effective = new Set<string>();
    const expand = (role: string): void => {
      if (effective.has(role)) return;
      effective.add(role);
      for (const composite of this.roleComposites.get(role) ?? []) expand(composite);
    };
    granted.forEach(expand);
    return [...effective].sort();
  }

  private toClient(client: ClientRepresentation, problems: string[]): RealmClient {
    const where = `client ${client.clientId}`;
    const pkce = client.attributes['pkce.code.challenge.method'];
    if (pkce !== undefined && pkce !== '' && pkce !== 'S256') {
      problems.push(`${where}: PKCE method ${pkce} is not supported (only S256)`);
    }
    const confidential = !client.publicClient;
    if (
      confidential &&
      client.secret === undefined &&
      (client.standardFlowEnabled || client.directAccessGrantsEnabled)
    ) {
      problems.push(`${where} is confidential but has no secret`);
    }
    const groupMappers: GroupMembershipMapper[] = [];
    const audienceMappers: AudienceMapper[] = [];
    for (const mapper of client.protocolMappers) {
      if (mapper.protocolMapper === 'oidc-group-membership-mapper') groupMappers.push(toGroupMapper(mapper));
      if (mapper.protocolMapper === 'oidc-audience-mapper') {
        const audience = mapper.config['included.client.audience'];
        if (audience === undefined || audience === '') {
          problems.push(`${where}: audience mapper ${mapper.name} names no included.client.audience`);
          continue;
        }
        audienceMappers.push({
          audience,
          accessToken: flag(mapper.config, 'access.token.claim', true),
          idToken: flag(mapper.config, 'id.token.claim', false),
          introspection: flag(mapper.config, 'introspection.token.claim', true),
        });
      }
    }
    const redirectUris = [...client.redirectUris];
    for (const uri of [...redirectUris, ...postLogoutRedirectUris(client)]) {
      if (!URL.canParse(uri.endsWith('*') ? uri.slice(0, -1) : uri))
        problems.push(`${where}: redirect URI ${uri} is not an absolute URL`);
    }
    return {
      clientId: client.clientId,
      enabled: client.enabled,
      publicClient: client.publicClient,
      bearerOnly: client.bearerOnly,
      secret: client.secret,
      standardFlowEnabled: client.standardFlowEnabled && !client.bearerOnly,
      directAccessGrantsEnabled: client.directAccessGrantsEnabled && !client.bearerOnly,
      redirectUris,
      postLogoutRedirectUris: postLogoutRedirectUris(client),
      webOrigins: [...client.webOrigins],
      pkceMethod: pkce === 'S256' ? 'S256' : undefined,
      groupMappers,
      audienceMappers,
    };
  }

  private toUser(user: UserRepresentation, problems: string[]): RealmUser {
    const where = `user ${user.username}`;
    for (const path of user.groups) {
      if (!this.groups.has(path)) problems.push(`${where} is in unknown group ${path}`);
    }
    for (const role of user.realmRoles) {
      if (!this.roleComposites.has(role)) problems.push(`${where} has unknown realm role ${role}`);
    }
    const password = user.credentials.find((credential) => credential.type === 'password' && !credential.temporary);
    return {
      id: user.id,
      username: user.username,
      // Keycloak would ask for a pending required action (update password, verify e-mail) at sign-in; this provider cannot.
      enabled: user.enabled && user.requiredActions.length === 0,
      email: user.email,
      emailVerified: user.emailVerified,
      firstName: user.firstName,
      lastName: user.lastName,
      password: password?.value,
      groups: [...user.groups],
      realmRoles: [...user.realmRoles],
    };
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
