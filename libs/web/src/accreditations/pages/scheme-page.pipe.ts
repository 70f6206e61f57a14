import { Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';

const SCHEME_KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A scheme in a page's path is the catalogue's key; anything else is a page not found. */
@Injectable()
export class SchemePagePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SCHEME_KEY.test(value)) throw new NotFoundException();
    return value;
  }
}
