import type { NewEvent } from './event.js';
import { InvalidEventError } from './errors.js';
import { prepareEvents } from './new-events.js';

const ids = { next: () => '0190F3C2-7D1E-7ABC-8DEF-0123456789AB' };
const valid: NewEvent = {
  type: 'ProgressRecorded',
  data: { narrative: 'Training delivered' },
  metadata: {
    tenantId: 'charnwood',
    actorId: 'sub-1',
    correlationId: 'c-1',
    causationId: null,
    occurredAt: '2026-11-23T10:00:00Z',
    source: 'ui',
  },
};

describe('preparing events for a stream', () => {
  it('numbers them after the current version and lower-cases ids', () => {
    const [prepared] = prepareEvents('action-charnwood.1', [valid], 4, ids);
    expect(prepared?.content).toMatchObject({
      id: '0190f3c2-7d1e-7abc-8def-0123456789ab',
      streamVersion: 5,
      schemaVersion: 1,
    });
    expect(prepared?.content.data).toEqual({ narrative: 'Training delivered' });
  });

  it.each<[string, Partial<NewEvent>, string]>([
    ['no type', { type: ' ' }, 'has no type'],
    ['another tenant', { metadata: { ...valid.metadata, tenantId: 'leicestershire' } }, 'belongs to "charnwood"'],
    ['no actor', { metadata: { ...valid.metadata, actorId: '' } }, 'has no actor'],
    ['a bad instant', { metadata: { ...valid.metadata, occurredAt: '23/11/2026' } }, 'not an ISO 8601 instant'],
    ['a bad schema version', { schemaVersion: 0 }, 'schema version 0'],
    ['a bad id', { id: 'not-a-uuid' }, 'is not a UUID'],
  ])('refuses an event with %s', (_, change, message) => {
    expect(() => prepareEvents('action-charnwood.1', [{ ...valid, ...change }], 0, ids)).toThrow(message);
    expect(() => prepareEvents('action-charnwood.1', [{ ...valid, ...change }], 0, ids)).toThrow(InvalidEventError);
  });
});
