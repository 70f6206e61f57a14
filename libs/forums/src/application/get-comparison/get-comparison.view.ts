import type { Comparison } from '../../read-models/forums-read-queries.js';

/** What `GET /api/v1/forums/{forum}/comparison` answers. */
export type ComparisonView = Comparison;
