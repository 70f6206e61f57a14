import { type QuarterConvention } from '@due-regard/shared-kernel';
import type { CouncilCalendar } from '../../domain/next-due.js';

/**
 * Port: how a council reads the due text it writes. A bare "Q1 2024" is January–March for a
 * council on the calendar convention and April–June for one on the UK financial year; months
 * named in the text win either way (the Due parser's rule).
 *
 * The council registry provides it (`CouncilSettingsModule` of `@due-regard/councils`, from the
 * council's own event stream), so the plans library never imports the councils library.
 */
export abstract class CouncilDueSettings {
  /** The council's quarter convention; `calendar` for a council that never chose one. */
  abstract quarterConvention(councilSlug: string): Promise<QuarterConvention>;

  /** The council's update cycle in its year (its quarter convention): what is due next reads it. */
  abstract calendar(councilSlug: string): Promise<CouncilCalendar>;
}
