import { Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';
import { RequestContext } from '@due-regard/identity';
import { personOf, ReadYourWrites, type Person } from '@due-regard/plans';

/** Ids in page addresses: what stream names allow. Anything else cannot exist: 404. */
const PAGE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export class PageIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !PAGE_ID.test(value)) throw new NotFoundException();
    return value;
  }
}

/** What a council page needs to know of its request: the council, the signed-in person, fresh read models. */
@Injectable()
export class CouncilPageContext {
  constructor(
    private readonly context: RequestContext,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  councilSlug(): string {
    return this.context.councilSlug();
  }

  /** Their roles and teams here, as the policies read them. */
  person(): Person {
    return personOf(this.context.principal(), this.context.councilSlug());
  }

  /**
   * Waits (briefly) for the read models to show every change committed so far, so that a page shown
   * after a form's redirect shows what the form did. True when they may still be behind.
   */
  async readModelsMayBeBehind(): Promise<boolean> {
    return (await this.readYourWrites.awaitProjection(this.context.councilSlug())) === 'stale';
  }
}
