import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { isCalendarDate, type CalendarDate } from './calendar-date.js';

/** The years a strategy or an action plan runs for, e.g. 1 April 2024 to 31 March 2028. */
export type Period = { readonly from: CalendarDate; readonly to: CalendarDate };

export function validatePeriod(period: Period, field = 'period'): Period {
  if (!isCalendarDate(period.from)) {
    throw new DomainRuleViolation(
      'Enter the start of the period as a date, such as 2024-04-01',
      'invalid_date',
      `${field}.from`,
    );
  }
  if (!isCalendarDate(period.to)) {
    throw new DomainRuleViolation(
      'Enter the end of the period as a date, such as 2028-03-31',
      'invalid_date',
      `${field}.to`,
    );
  }
  if (period.to <= period.from) {
    throw new DomainRuleViolation('The period must end after it starts', 'period_ends_before_it_starts', `${field}.to`);
  }
  return { from: period.from, to: period.to };
}

export function isWithinPeriod(inner: Period, outer: Period): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}
