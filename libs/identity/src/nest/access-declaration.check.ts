import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from '../access/access.decorator.js';

/** Thrown at start-up: every route must say who may use it (an access decorator or @Public()). */
export class UndeclaredAccessError extends Error {
  override readonly name = 'UndeclaredAccessError';
}

/** Lists every controller route that states no access rule. */
export function routesWithoutAccess(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): string[] {
  const missing: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const metatype = wrapper.metatype;
    const instance: unknown = wrapper.instance;
    if (!metatype || typeof instance !== 'object' || instance === null) continue;
    const prototype: object = Object.getPrototypeOf(instance) as object;
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const handler: unknown = Reflect.get(prototype, methodName);
      if (typeof handler !== 'function') continue;
      if (reflector.get<string | undefined>(PATH_METADATA, handler) === undefined) continue;
      if (reflector.getAllAndOverride(ACCESS_METADATA, [handler, metatype]) === undefined) {
        missing.push(`${metatype.name}.${methodName}`);
      }
    }
  }
  return missing;
}

@Injectable()
export class AccessDeclarationCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing = routesWithoutAccess(this.discovery, this.scanner, this.reflector);
    if (missing.length > 0) {
      throw new UndeclaredAccessError(
        `These routes declare no access (add an access decorator or @Public()): ${missing.join(', ')}`,
      );
    }
  }
}
