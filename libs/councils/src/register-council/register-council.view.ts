import type { CouncilView } from '../get-council/get-council.view.js';

/** What registering a council answers: the council as `GET /api/v1/council` reads it, and its stream's version. */
export interface RegisteredCouncil extends CouncilView {
  readonly version: number;
}
