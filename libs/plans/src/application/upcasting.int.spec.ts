import { NO_STREAM, type Upcaster } from '@due-regard/event-store';
import { parseDue } from '../domain/due.js';
import { GetActionHistoryQuery } from './action-history/action-history.query.js';
import { GetActionQuery } from './get-action/get-action.query.js';
import { planStreams } from './shared/streams.js';
import { councilUser, WriteSide } from './testing/write-side.harness.js';

/**
 * Every plans event is at schema version 1 today, and no upcaster is registered in production:
 * none is needed yet. This proves the way one will work when it is: a module contributes it with
 * `EventStoreModule.forUpcasters`, and the write side's reads see the new shape without the stored
 * bytes changing.
 *
 * The example: had `ActionAdded` v1 kept the due as the text alone and a single `lead`, v2 (today's
 * shape) reads the text into a schedule and makes the lead a list.
 */
const actionAddedV1ToV2: Upcaster = {
  eventType: 'ActionAdded',
  fromSchemaVersion: 1,
  upcast: ({ due, lead, ...data }) => ({
    ...data,
    due: parseDue(typeof due === 'string' ? due : ''),
    leads: typeof lead === 'string' && lead.trim() !== '' ? [lead] : [],
  }),
};

describe('upcasting a v1 action event to v2 on the read path', () => {
  let side: WriteSide;

  beforeAll(async () => {
    side = await WriteSide.start({ upcasters: [actionAddedV1ToV2] });
  });

  afterAll(async () => {
    await side?.close();
  });

  it('reads a v1-shaped ActionAdded, appended as stored bytes, as v2 through the action and its history', async () => {
    const planId = '0190f3c2-7d1e-7abc-8def-00000000aaaa';
    const actionId = '0190f3c2-7d1e-7abc-8def-00000000bbbb';
    const stream = planStreams.action('charnwood', actionId);
    const v1 = {
      actionId,
      planId,
      ref: '1.4',
      objectiveId: 'peo-1',
      title: 'Raise awareness of the EIA process and guidance, through One Charnwood, intranet etc.',
      description: null,
      due: 'January 2017/ January 2018',
      lead: 'Corporate Improvement & Policy Officer',
      successMeasures: ['1 article per year to raise awareness of process.'],
      protectedCharacteristics: [],
    };
    await side.store.append(
      stream,
      [
        {
          type: 'ActionAdded',
          schemaVersion: 1,
          data: v1,
          metadata: {
            tenantId: 'charnwood',
            actorId: 'import:charnwood-2016-2018',
            correlationId: 'legacy-import',
            causationId: null,
            occurredAt: '2017-01-05T10:00:00.000Z',
            source: 'import',
          },
        },
      ],
      NO_STREAM,
    );

    const viewer = councilUser('charnwood', 'viewer');
    const action = await side.query(viewer, new GetActionQuery(planId, actionId));
    expect(action).toMatchObject({
      ref: '1.4',
      leads: ['Corporate Improvement & Policy Officer'],
      due: {
        text: 'January 2017/ January 2018',
        kind: 'milestones',
        dates: ['2017-01-31', '2018-01-31'],
        finalDate: '2018-01-31',
      },
      version: 1,
    });
    const history = await side.query(viewer, new GetActionHistoryQuery(planId, actionId));
    expect(history.events[0]).toMatchObject({
      schemaVersion: 2,
      source: 'import',
      actorId: 'import:charnwood-2016-2018',
    });
    expect(history.events[0]?.data).not.toHaveProperty('lead');
    expect(history.events[0]?.summary).toMatch(/led by Corporate Improvement & Policy Officer$/);

    // Stored bytes are never rewritten: the chain still verifies.
    await expect(side.store.verifyStream(stream)).resolves.toMatchObject({ valid: true });
  });
});
