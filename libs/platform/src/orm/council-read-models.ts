import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { RequestContext } from '@due-regard/identity';
import { COUNCIL_READER_ROLE, COUNCIL_SETTING } from './council-isolation.js';

/**
 * Entity managers confined to the council of the current request or job (see council-isolation.ts):
 * every query they run is in a transaction switched to a role under row-level security, with the
 * council taken from the RequestContext, never from a parameter a caller could get wrong.
 */
@Injectable()
export class CouncilReadModels {
  // The context lives in AsyncLocalStorage: any instance reads the current one.
  private readonly context = new RequestContext();

  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** A fresh entity manager that can read the current council's rows and no others. */
  reader(): EntityManager {
    const em = this.orm.em.fork();
    em.setSessionContext({ role: COUNCIL_READER_ROLE, variables: { [COUNCIL_SETTING]: this.context.councilSlug() } });
    return em;
  }

  /** Runs `work` in one read-only transaction (one snapshot) of the current council. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.reader().transactional((em) => work(em), { readOnly: true });
  }

  /** The ORM, for what is not council data (migrations, operational tables). */
  get root(): MikroORM {
    return this.orm;
  }
}
