import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProviderRequestContext } from './provider-request-context.js';

/** The provider lives on the bare domain only: on a council's sub-domain its routes do not exist. */
@Injectable()
export class BareDomainGuard implements CanActivate {
  constructor(private readonly context: ProviderRequestContext) {}

  canActivate(execution: ExecutionContext): boolean {
    if (!this.context.isBareDomain(execution.switchToHttp().getRequest<Request>())) throw new NotFoundException();
    return true;
  }
}
