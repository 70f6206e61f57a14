import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiMediaTypesInterceptor } from './api-media-types.interceptor.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/** What every HTTP-serving app needs inside Nest: problem details for every error, bodies the API takes. */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: ApiMediaTypesInterceptor },
  ],
})
export class HttpPlatformModule {}
