import type { ActionStatus, CalendarDate, ImportOutcome, Rag } from '@due-regard/plans';
import type { LifecycleDates } from '../commit/commit-types.js';

/** Where the demo plans are shipped (copies of the real councils' published plans, as pasted text). */
export const DEMO_PLANS_DIRECTORY = 'infra/demo/plans';
/** The realm export the demo users (and their subject ids) come from. */
export const DEMO_REALM_FILE = 'infra/keycloak/due-regard-realm.json';

/** Progress a demo user records on an action of an imported plan, as they would in the app. */
export interface DemoProgress {
  readonly ref: string;
  readonly status: ActionStatus;
  readonly rag: Rag;
  readonly asOf: CalendarDate;
  readonly narrative: string;
}

export interface DemoPlan {
  readonly council: string;
  readonly file: string;
  readonly lifecycle: ImportOutcome;
  readonly dates: LifecycleDates;
  readonly archiveStrategy: boolean;
  /** The date the document's own progress is recorded as of. */
  readonly progressAsOf?: CalendarDate;
  /** Progress recorded after the import by a demo user of the realm (their subject id is the actor). */
  readonly progressBy?: { readonly username: string; readonly entries: readonly DemoProgress[] };
}

/**
 * The demo councils' plans, oldest first: Charnwood's 2016-2018 plan, published and then closed
 * with the progress it records (its 2016-2020 strategy archived since); Charnwood's 2024-2026 plan
 * published, with progress its Human Resources lead (`charnwood.lead`) recorded on the actions
 * their team leads; Leicestershire's 2024-2028 strategy and plan published.
 *
 * The leads' progress below is demo narrative, written for the demo: it is not in the documents.
 */
export const DEMO_PLANS: readonly DemoPlan[] = [
  {
    council: 'charnwood',
    file: 'charnwood-equality-action-plan-2016-2018.txt',
    lifecycle: 'closed',
    dates: { adoptedOn: '2016-04-01', publishedOn: '2016-04-01', closedOn: '2018-03-31', archivedOn: '2020-03-31' },
    archiveStrategy: true,
    progressAsOf: '2018-03-31',
  },
  {
    council: 'charnwood',
    file: 'charnwood-equality-action-plan-2024-2026.txt',
    lifecycle: 'published',
    dates: { adoptedOn: '2024-04-01', publishedOn: '2024-04-01' },
    archiveStrategy: false,
    progressBy: {
      username: 'charnwood.lead',
      entries: [
        {
          ref: '4.1',
          status: 'completed',
          rag: 'green',
          asOf: '2024-10-15',
          narrative:
            'Completed. The self-declaration campaign ran through September 2024 with the staff survey; declaration rates rose for every protected characteristic.',
        },
        {
          ref: '2.2',
          status: 'in-progress',
          rag: 'green',
          asOf: '2025-03-31',
          narrative:
            'Gender and ethnicity pay gap figures for 2024 published in March 2025. Actions to close the gender pay gap go to the Senior Leadership Team next.',
        },
        {
          ref: '2.5',
          status: 'ongoing',
          rag: 'amber',
          asOf: '2025-06-30',
          narrative:
            'Anonymous applications are live for all posts. The evaluation of the first recruitment rounds is under way; interview panel diversity is not yet recorded consistently.',
        },
        {
          ref: '2.6',
          status: 'in-progress',
          rag: 'amber',
          asOf: '2025-09-30',
          narrative:
            'Evidence for Disability Confident Leader (Level 3) drafted; external validation is booked for early 2026.',
        },
      ],
    },
  },
  {
    council: 'leicestershire',
    file: 'leicestershire-edi-strategy-2024-2028.txt',
    lifecycle: 'published',
    dates: { adoptedOn: '2024-04-01', publishedOn: '2024-04-01' },
    archiveStrategy: false,
  },
];
