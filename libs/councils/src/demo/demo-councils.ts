import type { CouncilDetails } from '../domain/council.js';

/** The councils whose real plans are the demo data (infra/demo/plans). */
export const DEMO_COUNCILS: readonly CouncilDetails[] = [
  {
    slug: 'charnwood',
    name: 'Charnwood Borough Council',
    councilType: 'borough',
    nation: 'England',
    region: 'East Midlands',
  },
  {
    slug: 'leicestershire',
    name: 'Leicestershire County Council',
    councilType: 'county',
    nation: 'England',
    region: 'East Midlands',
  },
];
