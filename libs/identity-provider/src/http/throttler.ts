import '@nestjs/common';

// @nestjs/throttler is CommonJS and require()s the ESM @nestjs/common. Node evaluates @nestjs/common
// first; Jest's module linker runs CommonJS while linking, before any ESM has been evaluated, and
// fails on the cycle. Importing it here, once @nestjs/common has been evaluated, works in both.
const throttler = await import('@nestjs/throttler');

export const { ThrottlerGuard, ThrottlerException, ThrottlerStorageService, getOptionsToken, getStorageToken } =
  throttler;
export type { ThrottlerModuleOptions } from '@nestjs/throttler';
