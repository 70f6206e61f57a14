import {
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  Optional,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ACCESS_METADATA, type AccessRule } from '../access/access.decorator.js';
import { RequestContext } from '../context/request-context.js';
import { AccessTokenVerifier, InvalidAccessTokenError } from '../tokens/access-token-verifier.js';
import { councilRolesOf, forumRolesOf, isPlatformAdmin, type Principal } from '../tokens/principal.js';

// The scheme is case-insensitive (RFC 9110, section 11.1); the token is checked as a JWS by the verifier.
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Where a request without a bearer token may still find its principal: the web's server-side
 * session (libs/web provides it). Null means nobody is signed in, and the guard answers 401.
 */
export abstract class PrincipalSource {
  abstract principalOf(request: Request): Promise<Principal | null>;
}

/** Enforces each route's declared access: 401 without a valid token, 403 without the role, 404 off its tenant. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly context: RequestContext,
    @Optional() @Inject(PrincipalSource) private readonly sessions: PrincipalSource | null = null,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    if (!rule) throw new Error(`${execution.getClass().name}.${execution.getHandler().name} declares no access`);
    if (rule.kind === 'public') return true;

    const http = execution.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // What a person may see is theirs: no shared or browser cache keeps it, nor a refusal of it.
    response.setHeader('Cache-Control', 'no-store');
    const { principal, through } = await this.authenticate(request, response);
    this.context.signIn(principal, through);
    const tenant = this.context.tenant();

    switch (rule.kind) {
      case 'council': {
        if (tenant.kind !== 'council') throw new NotFoundException();
        const roles = councilRolesOf(principal, tenant.slug);
        if (!roles.some((role) => rule.roles.includes(role))) throw this.forbidden();
        return true;
      }
      case 'forum': {
        const forum = request.params['forum'];
        if (typeof forum !== 'string') throw new NotFoundException();
        if (tenant.kind === 'council') {
          const councilRoles = rule.councilRoles ?? [];
          if (councilRoles.length === 0) throw new NotFoundException();
          if (!councilRolesOf(principal, tenant.slug).some((role) => councilRoles.includes(role))) {
            throw this.forbidden();
          }
          return true;
        }
        if (!forumRolesOf(principal, forum).some((role) => rule.roles.includes(role))) throw this.forbidden();
        return true;
      }
      case 'platform': {
        if (tenant.kind !== 'platform') throw new NotFoundException();
        if (!isPlatformAdmin(principal)) throw this.forbidden();
        return true;
      }
    }
  }

  private async authenticate(
    request: Request,
    response: Response,
  ): Promise<{ principal: Principal; through: 'api' | 'ui' }> {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      const principal = await this.sessions?.principalOf(request);
      if (principal) return { principal, through: 'ui' };
      response.setHeader('WWW-Authenticate', 'Bearer realm="due-regard"');
      throw new UnauthorizedException('Sign in: send an access token as "Authorization: Bearer <token>"');
    }
    try {
      return { principal: await this.verifier.verify(match[1]), through: 'api' };
    } catch (error) {
      if (!(error instanceof InvalidAccessTokenError)) throw error;
      response.setHeader('WWW-Authenticate', 'Bearer realm="due-regard", error="invalid_token"');
      throw new UnauthorizedException('The access token is not valid: sign in again');
    }
  }

  /** Says nothing of what exists at this address. */
  private forbidden(): ForbiddenException {
    return new ForbiddenException('You do not have access to this');
  }
}
