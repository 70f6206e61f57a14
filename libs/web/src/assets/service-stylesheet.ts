import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const STYLES = join(import.meta.dirname, 'styles');
/** Where `npm run build` leaves the compiled stylesheet, beside this module in dist/. */
export const BUILT_STYLESHEET = join(import.meta.dirname, 'files', 'service.css');

/** The folder that holds govuk-frontend, so that Sass finds `govuk-frontend/dist/govuk`. */
function packagesFolder(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')));
}

/**
 * Compiles styles/service.scss (GOV.UK Frontend with the service's font stack, then our rules).
 * Sass is loaded only here, so a built app that serves the precompiled file never loads it.
 */
export async function compileServiceStylesheet(): Promise<string> {
  const sass = await import('sass');
  const result = await sass.compileAsync(join(STYLES, 'service.scss'), {
    loadPaths: [packagesFolder()],
    style: 'compressed',
    // govuk-frontend's own Sass still uses deprecated features: their warnings are not ours to act on.
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin'],
  });
  return result.css;
}

let stylesheet: Promise<string> | undefined;

/** The stylesheet: the built file when there is one, otherwise compiled once per process. */
export function serviceStylesheet(): Promise<string> {
  stylesheet ??= existsSync(BUILT_STYLESHEET) ? readFile(BUILT_STYLESHEET, 'utf8') : compileServiceStylesheet();
  stylesheet.catch(() => (stylesheet = undefined));
  return stylesheet;
}
