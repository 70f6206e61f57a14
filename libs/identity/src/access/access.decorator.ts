import { SetMetadata } from '@nestjs/common';
import type { CouncilRole, ForumRole, PlatformRole } from './roles.js';

export const ACCESS_METADATA = 'due-regard:access';

export type AccessRule =
  /** Anyone, signed in or not. */
  | { readonly kind: 'public' }
  /** A signed-in user holding one of these roles in the council of the current sub-domain. */
  | { readonly kind: 'council'; readonly roles: readonly CouncilRole[] }
  /** A signed-in user holding one of these roles in the forum named by the route. */
  | { readonly kind: 'forum'; readonly roles: readonly ForumRole[] }
  /** A signed-in platform operator, on the bare domain. */
  | { readonly kind: 'platform'; readonly roles: readonly PlatformRole[] };

/** Every route states who may use it: the app refuses to start when one does not. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

export const CouncilAccess = (...roles: [CouncilRole, ...CouncilRole[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'council', roles } satisfies AccessRule);

export const ForumAccess = (...roles: [ForumRole, ...ForumRole[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'forum', roles } satisfies AccessRule);

export const PlatformAccess = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'platform', roles: ['platform-admin'] } satisfies AccessRule);
