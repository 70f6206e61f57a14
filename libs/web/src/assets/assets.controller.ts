import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@due-regard/identity';
import { serviceStylesheet } from './service-stylesheet.js';

const GOVUK = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist', 'govuk');
const OWN = join(import.meta.dirname, 'files');

/**
 * What the pages load, served by the app itself (no CDN): the service's stylesheet (govuk-frontend
 * built with our font stack, see styles/service.scss), govuk-frontend's ES module bundle, and our
 * own few files. GOV.UK's brand (the crown images, the GDS Transport font) is not served: it is for
 * services on GOV.UK only, and ours is not one.
 */
const GOVUK_FILES: ReadonlySet<string> = new Set(['govuk-frontend.min.js', 'govuk-frontend.min.js.map']);
const OWN_FILES: ReadonlySet<string> = new Set(['init.js', 'favicon.svg', 'import-progress.js']);
const SERVICE_STYLESHEET = 'service.css';

@Controller('assets')
@ApiExcludeController()
export class AssetsController {
  @Get('*path')
  @Public()
  async asset(@Param('path') path: string | string[], @Res() response: Response): Promise<void> {
    const segments = Array.isArray(path) ? path : path.split('/');
    const [first, second] = segments;
    // Public files that pages on other hosts may load too (an unknown council's "not found" page
    // takes them from the bare domain); init.js is an ES module, fetched with CORS.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (segments.length === 2 && first === 'app' && second === SERVICE_STYLESHEET) {
      response.setHeader('Cache-Control', 'public, max-age=3600');
      response.type('text/css').send(await serviceStylesheet());
      return;
    }
    let root: string | undefined;
    let file: string | undefined;
    if (segments.length === 1 && first !== undefined && GOVUK_FILES.has(first)) {
      [root, file] = [GOVUK, first];
    } else if (segments.length === 2 && first === 'app' && second !== undefined && OWN_FILES.has(second)) {
      [root, file] = [OWN, second];
    }
    if (root === undefined || file === undefined) throw new NotFoundException();
    response.sendFile(file, { root, dotfiles: 'deny', maxAge: '1h' }, (error?: Error) => {
      if (error && !response.headersSent) response.status(404).type('text/plain').send('Not found');
    });
  }
}
