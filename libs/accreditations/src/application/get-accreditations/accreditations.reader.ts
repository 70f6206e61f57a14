import { Injectable } from '@nestjs/common';
import { Journeys } from '../shared/journeys.js';
import { accreditationView } from './accreditation-view.js';
import type { AccreditationList, AccreditationView } from './get-accreditations.view.js';

/**
 * The council's accreditations as they are now, from its journeys' own streams (one per scheme,
 * through the event store port): a change is seen at once, and there are only as many streams as
 * the catalogue has schemes.
 */
@Injectable()
export class AccreditationsReader {
  constructor(private readonly journeys: Journeys) {}

  async list(): Promise<AccreditationList> {
    const accreditations: AccreditationView[] = [];
    for (const key of this.journeys.catalogue.keys()) accreditations.push(await this.one(key));
    return { catalogueVersion: this.journeys.catalogue.catalogueVersion, accreditations };
  }

  /** One scheme; 404 when the catalogue has none of that key. */
  async one(key: string): Promise<AccreditationView> {
    const catalogueScheme = this.journeys.scheme(key);
    const councilSlug = this.journeys.councilSlug();
    const loaded = await this.journeys.read(councilSlug, key);
    const actionIds =
      loaded.state.status === 'none'
        ? []
        : Object.values(loaded.state.commitments).flatMap((progress) => progress.actionIds);
    const linked = await this.journeys.linkedActions(councilSlug, actionIds);
    return accreditationView(
      catalogueScheme,
      this.journeys.versionOf(key, loaded.state),
      loaded,
      linked,
      this.journeys.today(),
    );
  }
}
