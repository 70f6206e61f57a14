// The auditor's change log and plan comparison, over HTTP against the whole app: changes made
// through the API come back newest first, one entry per command, fields old → new, names looked up.
import request from 'supertest';
import { startDueRegard, type RunningApp } from './support/running-app.js';

const COUNCIL = 'charnwood';

interface FieldChange {
  readonly field: string;
  readonly old: unknown;
  readonly new: unknown;
}
interface Entry {
  readonly correlationId: string;
  readonly actor: { readonly id: string; readonly name: string };
  readonly source: string;
  readonly events: readonly {
    readonly stream: string;
    readonly type: string;
    readonly changes: readonly FieldChange[];
  }[];
}
interface LogPage {
  readonly total: number;
  readonly entries: readonly Entry[];
}

describe('the audit log and plan comparison', () => {
  let running: RunningApp;
  let editor: string;
  let auditor: string;
  let viewer: string;
  let planId: string;
  let first: string;
  let second: string;
  let beforeSecond: string;
  let afterRevision: string;

  const api = (token: string) => ({
    get: (path: string) =>
      request(running.platformUrl)
        .get(path)
        .set('Host', running.councilHost(COUNCIL))
        .set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      request(running.platformUrl)
        .post(path)
        .set('Host', running.councilHost(COUNCIL))
        .set('Authorization', `Bearer ${token}`)
        .send(body),
    patch: (path: string, body: object) =>
      request(running.platformUrl)
        .patch(path)
        .set('Host', running.councilHost(COUNCIL))
        .set('Authorization', `Bearer ${token}`)
        .send(body),
  });

  async function log(query: string, token = auditor): Promise<LogPage> {
    return (await api(token).get(`/api/v1/audit/log${query}`).expect(200)).body as LogPage;
  }

  beforeAll(async () => {
    running = await startDueRegard();
    [editor, auditor, viewer] = await Promise.all([
      running.tokenFor(`${COUNCIL}.editor`),
      running.tokenFor(`${COUNCIL}.auditor`),
      running.tokenFor(`${COUNCIL}.viewer`),
    ]);
    const as = api(editor);
    const strategyId = (
      (
        await as
          .post('/api/v1/strategies', { title: 'Audit strategy', period: { from: '2024-04-01', to: '2028-03-31' } })
          .expect(201)
      ).body as { id: string }
    ).id;
    const objectiveId = (
      (await as.post(`/api/v1/strategies/${strategyId}/objectives`, { title: 'Fair services' }).expect(201)).body as {
        id: string;
      }
    ).id;
    planId = (
      (
        await as
          .post('/api/v1/plans', { strategyId, title: 'Audit plan', period: { from: '2024-04-01', to: '2026-03-31' } })
          .expect(201)
      ).body as { id: string }
    ).id;
    const action = async (ref: string, title: string): Promise<string> =>
      (
        (await as.post(`/api/v1/plans/${planId}/actions`, { ref, objectiveId, title, due: 'March 2026' }).expect(201))
          .body as { id: string }
      ).id;
    first = await action('1.1', 'Action one');
    beforeSecond = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    second = await action('1.2', 'Action two');
    await as.patch(`/api/v1/plans/${planId}/actions/${first}`, { title: 'Action one, revised' }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    afterRevision = new Date().toISOString();
  }, 120_000);

  afterAll(async () => {
    await running.close();
  });

  it('lists the changes newest first, one entry per command, fields old → new, the person named and their id kept', async () => {
    const page = await log(`?stream=action-${COUNCIL}.${first}`);
    expect(page.total).toBe(2);
    const [revision, added] = page.entries;
    expect(revision?.events[0]?.changes).toEqual(
      expect.arrayContaining([{ field: 'title', old: 'Action one', new: 'Action one, revised' }]),
    );
    expect(revision?.actor.name).not.toBe(revision?.actor.id);
    expect(revision?.actor.name).not.toMatch(/^Unknown user/);
    expect(revision?.source).toBe('api');
    // Adding an action registers it on the plan and records the action: one command, one entry.
    expect(added?.events.map((event) => event.stream).sort()).toEqual(
      [`action-${COUNCIL}.${first}`, `plan-${COUNCIL}.${planId}`].sort(),
    );
  });

  it('filters by type, person, source and time, and refuses a bad filter with problem details', async () => {
    expect((await log(`?stream=action-${COUNCIL}.${first}&type=ActionAdded`)).entries).toHaveLength(1);
    expect((await log(`?stream=action-${COUNCIL}.&to=${beforeSecond}`)).entries).toHaveLength(1);
    expect((await log(`?actor=nobody-at-all`)).total).toBe(0);
    expect((await log(`?stream=plan-${COUNCIL}.${planId}&source=import`)).total).toBe(0);
    const refused = await api(auditor).get('/api/v1/audit/log?from=yesterday').expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await api(viewer).get('/api/v1/audit/log').expect(403);
  });

  it("records the auditor's own reads of the log", async () => {
    const reads = await log(`?stream=auditReads-${COUNCIL}.&type=AuditLogRead`);
    expect(reads.total).toBeGreaterThanOrEqual(4);
    expect(reads.entries[0]?.events[0]?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'filters' })]),
    );
  });

  it('compares a plan between two instants, action by action', async () => {
    const comparison = (
      await api(auditor).get(`/api/v1/plans/${planId}/compare?from=${beforeSecond}&to=${afterRevision}`).expect(200)
    ).body as {
      added: { actionId: string }[];
      removed: unknown[];
      changed: { actionId: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    };
    expect(comparison.added.map((action) => action.actionId)).toEqual([second]);
    expect(comparison.removed).toEqual([]);
    expect(comparison.changed).toEqual([
      expect.objectContaining({
        actionId: first,
        changes: expect.arrayContaining([{ field: 'title', from: 'Action one', to: 'Action one, revised' }]) as unknown,
      }),
    ]);
    await api(auditor).get(`/api/v1/plans/${planId}/compare?from=${afterRevision}&to=${beforeSecond}`).expect(400);
    await api(viewer).get(`/api/v1/plans/${planId}/compare?from=${beforeSecond}&to=${afterRevision}`).expect(403);
  });
});
