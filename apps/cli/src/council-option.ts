import type { CouncilDirectory } from '@due-regard/councils';
import { CliError } from './cli-error.js';

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The `--council` option's slug, once it names a registered council (a one-line CliError otherwise). */
export async function knownCouncil(councils: CouncilDirectory, given: string | undefined): Promise<string> {
  const slug = given?.trim() ?? '';
  if (!SLUG.test(slug)) {
    throw new CliError(`--council must be a council slug (lowercase letters, digits and hyphens), not "${slug}"`);
  }
  if ((await councils.find(slug)) === null) {
    const registered = councils
      .list()
      .map((council) => council.slug)
      .join(', ');
    throw new CliError(`There is no council "${slug}" (registered councils: ${registered || 'none'})`);
  }
  return slug;
}
