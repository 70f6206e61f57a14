import type { CouncilDetails, CouncilSettings } from '../domain/council.js';

/** The council as `GET /api/v1/council` and `PATCH /api/v1/council/settings` answer it. */
export interface CouncilView {
  readonly slug: string;
  readonly name: string;
  readonly type: string;
  readonly nation: string;
  readonly region: string;
  readonly settings: {
    readonly quarterConvention: string;
    readonly updateCycle: { readonly frequency: string; readonly dueDay: number; readonly remindDaysBefore: number };
  };
}

export function councilView({
  council,
  settings,
}: {
  readonly council: CouncilDetails;
  readonly settings: CouncilSettings;
}): CouncilView {
  return {
    slug: council.slug,
    name: council.name,
    type: council.councilType,
    nation: council.nation,
    region: council.region,
    settings: { quarterConvention: settings.quarterConvention, updateCycle: settings.updateCycle },
  };
}
