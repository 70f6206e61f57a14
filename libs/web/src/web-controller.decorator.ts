import { applyDecorators, Controller, UseFilters, UseGuards, type ControllerOptions } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebPageExceptionFilter } from './errors/exception-filters.js';
import { CsrfGuard } from './security/csrf.js';

/**
 * A controller of web pages: out of the API's OpenAPI document, its errors shown as pages, and a
 * CSRF token required on every form it accepts. Each route still declares its access (@Public(),
 * @CouncilAccess(...)), checked by the same AccessGuard as the API.
 */
export function WebController(options: ControllerOptions = {}): ClassDecorator {
  return applyDecorators(
    Controller(options),
    ApiExcludeController(),
    UseFilters(WebPageExceptionFilter),
    UseGuards(CsrfGuard),
  );
}
