import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { CouncilRole, ForumRole, PlatformRole } from './roles.js';

export const ACCESS_METADATA = 'due-regard:access';
/** The same rule, published in the OpenAPI document so that tests and clients can read it. */
export const ACCESS_OPENAPI_EXTENSION = 'x-due-regard-access';

export type AccessRule =
  /** Anyone, signed in or not. */
  | { readonly kind: 'public' }
  /** A signed-in user holding one of these roles in the council of the current sub-domain. */
  | { readonly kind: 'council'; readonly roles: readonly CouncilRole[] }
  /**
   * A signed-in user holding one of these roles in the forum named by the route, on the bare
   * domain; with `councilRoles`, also one of those roles in the council of the current sub-domain
   * (whose membership of the forum the route itself then checks).
   */
  | {
      readonly kind: 'forum';
      readonly roles: readonly ForumRole[];
      readonly councilRoles?: readonly CouncilRole[];
    }
  /** A signed-in platform operator, on the bare domain. */
  | { readonly kind: 'platform'; readonly roles: readonly PlatformRole[] };

function access(rule: AccessRule): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACCESS_METADATA, rule), ApiExtension(ACCESS_OPENAPI_EXTENSION, rule));
}

/** Every route states who may use it: the app refuses to start when one does not. */
export const Public = (): MethodDecorator & ClassDecorator => access({ kind: 'public' });

export const CouncilAccess = (...roles: [CouncilRole, ...CouncilRole[]]): MethodDecorator & ClassDecorator =>
  access({ kind: 'council', roles });

export const ForumAccess = (...roles: [ForumRole, ...ForumRole[]]): MethodDecorator & ClassDecorator =>
  access({ kind: 'forum', roles });

/** The people of the forum on the bare domain, and the people of its member councils on their sub-domains. */
export const ForumOrCouncilAccess = (
  forumRoles: readonly [ForumRole, ...ForumRole[]],
  councilRoles: readonly [CouncilRole, ...CouncilRole[]],
): MethodDecorator & ClassDecorator => access({ kind: 'forum', roles: forumRoles, councilRoles });

export const PlatformAccess = (): MethodDecorator & ClassDecorator =>
  access({ kind: 'platform', roles: ['platform-admin'] });
