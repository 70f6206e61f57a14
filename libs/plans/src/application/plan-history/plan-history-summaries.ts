import type { ActionPlanEvent } from '../../domain/action-plan.js';
import { longDate, quote } from '../action-history/history-summaries.js';

/** What one event of a plan's stream changed, in words. */
export function summarisePlanEvent(event: ActionPlanEvent): string {
  switch (event.type) {
    case 'ActionPlanDrafted':
      return `Drafted ${quote(event.data.title, 80)} for ${longDate(event.data.period.from)} to ${longDate(event.data.period.to)}`;
    case 'ActionPlanSubmitted':
      return 'Submitted for approval';
    case 'ActionPlanReturned':
      return `Returned to draft: ${quote(event.data.reason)}`;
    case 'ActionPlanApproved':
      return `Approved on ${longDate(event.data.approvedOn)}`;
    case 'ActionPlanPublished':
      return `Published on ${longDate(event.data.publishedOn)}`;
    case 'ActionPlanClosed':
      return event.data.reason === null
        ? `Closed on ${longDate(event.data.closedOn)}`
        : `Closed on ${longDate(event.data.closedOn)}: ${quote(event.data.reason)}`;
    case 'ActionPlanDiscarded':
      return event.data.reason === null ? 'Discarded the draft' : `Discarded the draft: ${quote(event.data.reason)}`;
    case 'ActionRegistered':
      return event.data.ref === null ? 'Added an action without a reference' : `Added action ${event.data.ref}`;
  }
}
