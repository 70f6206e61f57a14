import { z } from 'zod';
import { ZodValidationPipe } from '@due-regard/platform';

/** A scheme in a path is the catalogue's key ("disability-confident"); one the catalogue lacks is a 404. */
export const schemeParam = new ZodValidationPipe(
  z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'A scheme is named by its key, such as disability-confident'),
);
