// multer comes with @nestjs/platform-express, without types: the little the upload form uses.
declare module 'multer' {
  import type { RequestHandler } from 'express';

  interface Limits {
    readonly fileSize?: number;
    readonly files?: number;
    readonly fields?: number;
    readonly parts?: number;
    readonly fieldSize?: number;
  }

  interface StorageEngine {
    readonly _handleFile: unknown;
  }

  interface Options {
    readonly storage?: StorageEngine;
    readonly limits?: Limits;
    readonly defParamCharset?: string;
  }

  interface Multer {
    single(fieldName: string): RequestHandler;
  }

  interface MulterStatic {
    (options?: Options): Multer;
    memoryStorage(): StorageEngine;
    readonly MulterError: new (code: string, field?: string) => Error & { readonly code: string };
  }

  const multer: MulterStatic;
  export default multer;
}
