import { Injectable, Logger } from '@nestjs/common';
import { namesFor, UserDirectory } from '@due-regard/identity';

/**
 * The names pages show for event actors, looked up as the page is shown. A page that names people
 * is still shown when the identity provider cannot answer: with ids where the names would be.
 */
@Injectable()
export class NamesToShow {
  private readonly logger = new Logger('NamesToShow');

  constructor(private readonly users: UserDirectory) {}

  async of(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    try {
      return await namesFor(this.users, ids);
    } catch (error) {
      this.logger.warn(`Names could not be looked up: ${error instanceof Error ? error.message : String(error)}`);
      return new Map(ids.map((id) => [id, `Name not available (${id})`]));
    }
  }
}
