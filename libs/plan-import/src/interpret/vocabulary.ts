import type { ColumnRole } from '../preview.js';

/**
 * Common wordings of each column of a council's action plan. A heading is read by the longest
 * phrase it contains as whole words ("Progress to date" is progress, not a date; "Actions to be
 * done" is the description, not the action). `null` marks wordings that look like a role but are
 * not one ("Start date" is no due date).
 */
const VOCABULARY: readonly (readonly [ColumnRole | null, readonly string[]])[] = [
  [
    'ref',
    [
      'ref',
      'refs',
      'reference',
      'ref no',
      'no',
      'number',
      'action no',
      'action number',
      'action ref',
      'id',
      '#',
      'item',
      'item no',
      'wbs',
      'cyfeirnod',
    ],
  ],
  [
    'group',
    [
      'theme',
      'themes',
      'strand',
      'strategic priority',
      'council priority',
      'corporate priority',
      'priority area',
      'focus area',
      'ambition',
    ],
  ],
  [
    'objective',
    [
      'objective',
      'objectives',
      'equality objective',
      'equality objectives',
      'priority equality objective',
      'strategic objective',
      'pillar',
      'pillars',
      'priority',
      'priorities',
      'goal',
      'goals',
      'commitment',
      'outcome area',
      'equality outcome',
      'equality outcomes',
      'amcan',
      'amcanion',
    ],
  ],
  [
    'action',
    [
      'action',
      'actions',
      'what we will do',
      'what will we do',
      'what we are going to do',
      'activity',
      'activities',
      'task',
      'tasks',
      'initiative',
      'initiatives',
      'key action',
      'key actions',
      'action point',
      'action points',
      'deliverable',
      'deliverables',
      'intervention',
      'interventions',
      'project',
      'key initiative',
      'key initiatives',
      'what',
      'action required',
      'actions required',
      'planned action',
      'planned actions',
      'task name',
      'cam gweithredu',
      'camau gweithredu',
    ],
  ],
  [
    'description',
    [
      'actions to be done',
      'what needs to be done',
      'how we will do it',
      'how will we do it',
      'how we will deliver',
      'how will we deliver',
      'how',
      'description',
      'details',
      'detail',
      'action detail',
      'action details',
      'steps',
      'key steps',
      'key tasks',
      'further detail',
    ],
  ],
  [
    'due',
    [
      'due',
      'due date',
      'due by',
      'completion date',
      'date of completion',
      'target date',
      'target completion date',
      'target completion',
      'timeline',
      'timelines',
      'timescale',
      'timescales',
      'time scale',
      'time scales',
      'timeframe',
      'timeframes',
      'time frame',
      'by when',
      'when',
      'deadline',
      'deadlines',
      'date',
      'dates',
      'end date',
      'delivery date',
      'milestone date',
      'milestone dates',
      'completion',
      'by',
      'when will it be done',
      'target timescale',
      'finish',
      'finish date',
      'end',
      'amserlen',
      'dyddiad targed',
    ],
  ],
  [
    'measure',
    [
      'measure',
      'measures',
      'success measure',
      'success measures',
      'how will success be measured',
      'how will we measure success',
      'how we will measure success',
      'measure of success',
      'measures of success',
      'measuring success',
      'anticipated output',
      'anticipated outputs',
      'expected output',
      'expected outputs',
      'output',
      'outputs',
      'outcome',
      'outcomes',
      'expected outcome',
      'expected outcomes',
      'intended outcome',
      'intended outcomes',
      'anticipated outcome',
      'anticipated outcomes',
      'indicator',
      'indicators',
      'kpi',
      'kpis',
      'key performance indicator',
      'key performance indicators',
      'performance indicator',
      'performance indicators',
      'performance measure',
      'performance measures',
      'target',
      'targets',
      'success criteria',
      'evidence of success',
      'what will success look like',
      'what success looks like',
      'impact',
      'expected impact',
      'measurable outcome',
      'milestones and measures',
      'how we will know',
      'how will we know',
      'mesur llwyddiant',
      'mesurau llwyddiant',
    ],
  ],
  [
    'lead',
    [
      'lead',
      'leads',
      'lead officer',
      'lead officers',
      'responsibility',
      'responsibilities',
      'responsible',
      'delivery lead',
      'department',
      'departments',
      'person responsible',
      'owner',
      'owners',
      'action owner',
      'responsible officer',
      'responsible officers',
      'lead department',
      'lead service',
      'lead team',
      'responsible team',
      'service',
      'service area',
      'team',
      'who',
      'who is responsible',
      'accountable',
      'accountability',
      'directorate',
      'lead directorate',
      'lead officer team',
      'by whom',
      'officer',
      'arweinydd',
      'swyddog arweiniol',
    ],
  ],
  [
    'progress',
    [
      'progress',
      'progress to date',
      'progress update',
      'progress updates',
      'update',
      'updates',
      'latest update',
      'commentary',
      'comments',
      'comment',
      'current position',
      'position',
      'position statement',
      'narrative',
      'progress notes',
      'progress made',
      'achievements',
      'progress commentary',
      'update on progress',
    ],
  ],
  ['status', ['status', 'rag', 'rag status', 'rag rating', 'current status', 'progress status', 'delivery status']],
  [
    null,
    [
      'start date',
      'start',
      'complete',
      // The PSED aim an objective serves: kept in the document, not a level of the plan.
      'psed aim',
      'aim',
      'aims',
      'general duty',
      'general duty aim',
      'equality duty aim',
      'date started',
      'date raised',
      'date added',
      'resources',
      'resource',
      'budget',
      'cost',
      'costs',
      'funding',
      'risk',
      'risks',
      'protected characteristic',
      'protected characteristics',
      'equality group',
      'equality groups',
      'notes',
      'link',
      'links',
      'page',
    ],
  ],
];

export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Phrase = { readonly role: ColumnRole | null; readonly phrase: string };
const PHRASES: readonly Phrase[] = VOCABULARY.flatMap(([role, phrases]) =>
  phrases.map((phrase) => ({ role, phrase: normaliseHeading(phrase) || phrase })),
);

export type HeadingMatch = { readonly role: ColumnRole | null; readonly score: number };

const matched = new Map<string, HeadingMatch>();

/** The role a heading's words say, with a score (0 when nothing matched). */
export function matchHeading(heading: string): HeadingMatch {
  const known = matched.get(heading);
  if (known !== undefined) return known;
  const match = matchNormalised(normaliseHeading(heading));
  if (matched.size < 5000) matched.set(heading, match);
  return match;
}

function matchNormalised(normalised: string): HeadingMatch {
  if (normalised === '') return { role: null, score: 0 };
  const padded = ` ${normalised} `;
  let best: HeadingMatch = { role: null, score: 0 };
  for (const { role, phrase } of PHRASES) {
    let score = 0;
    if (normalised === phrase) score = 1000 + phrase.length;
    else if (padded.includes(` ${phrase} `)) score = phrase.length;
    if (score > best.score) best = { role, score };
  }
  return best;
}
