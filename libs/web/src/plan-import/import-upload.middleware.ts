import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { DEFAULT_LIMITS } from '@due-regard/plan-import';
import { sessionOf } from '../session/web-session.js';

/** The file field of the upload form. */
export const UPLOAD_FIELD = 'file';

export interface UploadedDocument {
  readonly fileName: string;
  readonly mediaType: string | null;
  readonly bytes: Uint8Array;
}

/** What the upload form brought: the file, or why it could not be taken. */
export type FormUpload =
  | { readonly kind: 'file'; readonly document: UploadedDocument }
  | { readonly kind: 'none' }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'malformed' };

const uploads = new WeakMap<Request, FormUpload>();

/** The upload the middleware parsed for this request ('none' when it parsed nothing). */
export function formUploadOf(request: Request): FormUpload {
  return uploads.get(request) ?? { kind: 'none' };
}

/**
 * Parses the multipart upload form before the guards run, so that CsrfGuard finds the form's token
 * in the body as on any other form (an interceptor would parse it only after them). Only for a
 * signed-in session: anyone else is refused by the access guard without their body being read.
 * A file over the limit or a broken form is noted for the page to explain, not thrown.
 */
@Injectable()
export class ImportUploadMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: DEFAULT_LIMITS.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 8 * 1024 },
  }).single(UPLOAD_FIELD);

  use(request: Request, response: Response, next: NextFunction): void {
    if (sessionOf(request)?.tokens === undefined || !request.is('multipart/form-data')) {
      next();
      return;
    }
    void this.parse(request, response, (error?: unknown) => {
      if (error instanceof multer.MulterError) {
        uploads.set(request, { kind: error.code === 'LIMIT_FILE_SIZE' ? 'too-large' : 'malformed' });
      } else if (error !== undefined) {
        uploads.set(request, { kind: 'malformed' });
      } else {
        uploads.set(request, uploadedFile(request));
      }
      next();
    });
  }
}

function uploadedFile(request: Request): FormUpload {
  const file: unknown = Reflect.get(request, 'file');
  if (typeof file !== 'object' || file === null) return { kind: 'none' };
  const buffer: unknown = Reflect.get(file, 'buffer');
  const name: unknown = Reflect.get(file, 'originalname');
  const type: unknown = Reflect.get(file, 'mimetype');
  if (!(buffer instanceof Uint8Array) || typeof name !== 'string') return { kind: 'malformed' };
  // A form with no file chosen still sends the part, empty and unnamed.
  if (name === '' && buffer.length === 0) return { kind: 'none' };
  const mediaType = typeof type === 'string' && type.trim() !== '' ? type : null;
  return { kind: 'file', document: { fileName: name, mediaType, bytes: new Uint8Array(buffer) } };
}
