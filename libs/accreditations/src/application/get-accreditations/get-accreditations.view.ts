import { z } from 'zod';
import { COMMITMENT_STATUSES } from '../../domain/accreditation.js';

const day = z.iso.date();

export const AWARD_STANDINGS = ['current', 'renewal-due', 'lapsed', 'superseded', 'withdrawn'] as const;
export const NEXT_STEPS = [
  'start',
  'meet-commitments',
  'record-award',
  'work-towards-target',
  'renew',
  'renew-lapsed',
  'keep-up',
  'withdrawn',
] as const;

export const awardViewSchema = z.object({
  number: z.int().min(1).describe("1 for the council's first award on the scheme, then 2, 3…"),
  level: z.int().min(1),
  levelName: z.string(),
  awardedOn: day,
  expiresOn: day.nullable().describe('Null: the scheme sets no period and none was given; the award does not lapse'),
  expiryComputed: z.boolean().describe("Whether expiresOn was computed from the scheme's validity"),
  renewal: z.boolean().describe('A renewal at the level held before'),
  renewalDueOn: day.nullable().describe('90 days before expiry: when the council is first told to renew'),
  standing: z.enum(AWARD_STANDINGS),
});
export type AwardView = z.output<typeof awardViewSchema>;

export const commitmentViewSchema = z.object({
  ref: z.string(),
  text: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  actionIds: z.array(z.uuid()),
  actions: z
    .array(z.object({ actionId: z.uuid(), planId: z.uuid(), ref: z.string().nullable(), title: z.string() }))
    .describe('The linked actions as the plans name them'),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
});
export type CommitmentView = z.output<typeof commitmentViewSchema>;

export const accreditationViewSchema = z.object({
  scheme: z.string().describe('The scheme\'s key, e.g. "disability-confident"'),
  name: z.string(),
  owner: z.string(),
  status: z.enum(['not-started', 'active', 'withdrawn']),
  schemeVersion: z.string().describe('The version the council is on (the newest when it has not started)'),
  newestVersion: z.string(),
  levels: z.array(z.object({ rank: z.int(), name: z.string() })),
  validityYears: z
    .int()
    .nullable()
    .describe("How long an award lasts in the council's version; null: the scheme sets no period"),
  targetLevel: z.object({ rank: z.int(), name: z.string() }).nullable(),
  currentAward: awardViewSchema.nullable().describe('The latest award, unless the council withdrew'),
  awards: z.array(awardViewSchema),
  withdrawnOn: day.nullable(),
  commitmentsCalled: z.string().describe('What the scheme calls them: commitments, pledges, criteria…'),
  commitments: z.array(commitmentViewSchema),
  commitmentsMet: z.int().min(0),
  commitmentsTotal: z.int().min(0),
  nextStep: z.object({ kind: z.enum(NEXT_STEPS), text: z.string() }),
  version: z.int().min(0).describe("The journey's stream version: its ETag"),
});
export type AccreditationView = z.output<typeof accreditationViewSchema>;

export const accreditationListSchema = z.object({
  catalogueVersion: z.int(),
  accreditations: z.array(accreditationViewSchema),
});
export type AccreditationList = z.output<typeof accreditationListSchema>;
