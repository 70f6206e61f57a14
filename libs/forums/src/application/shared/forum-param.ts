import { NotFoundException, type PipeTransform } from '@nestjs/common';

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The `{forum}` of a route: a slug, or there is nothing at this address. */
export const forumParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (value.length > 63 || !SLUG.test(value)) throw new NotFoundException('There is no such forum');
    return value;
  },
};
