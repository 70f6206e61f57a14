import request from 'supertest';
import { startDueRegard, type RunningApp } from './support/running-app.js';

describe('signing in and tenancy, as a newcomer would check them', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startDueRegard();
  });

  afterAll(async () => {
    await running?.close();
  });

  const api = () => request(running.platformUrl);
  const melton = {
    slug: 'melton',
    name: 'Melton Borough Council',
    type: 'borough',
    nation: 'England',
    region: 'East Midlands',
  };
  const registerCouncil = (token: string, council: Record<string, string>) =>
    api()
      .post('/api/v1/councils')
      .set('Host', `localhost:${running.port}`)
      .auth(token, { type: 'bearer' })
      .send(council);

  it("refuses a Leicestershire editor on Charnwood's sub-domain, and lets a Charnwood viewer in", async () => {
    const outsider = await running.tokenFor('leicestershire.editor');
    const refused = await api()
      .get('/api/v1/council')
      .set('Host', running.councilHost('charnwood'))
      .auth(outsider, { type: 'bearer' });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(refused.body)).not.toMatch(/Charnwood Borough Council/i);

    const viewer = await running.tokenFor('charnwood.viewer');
    const allowed = await api()
      .get('/api/v1/council')
      .set('Host', running.councilHost('charnwood'))
      .auth(viewer, { type: 'bearer' });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({
      slug: 'charnwood',
      name: 'Charnwood Borough Council',
      type: 'borough',
      nation: 'England',
      region: 'East Midlands',
      settings: {
        quarterConvention: 'calendar',
        updateCycle: { frequency: 'quarterly', dueDay: 15, remindDaysBefore: 7 },
      },
    });
    expect(allowed.headers['etag']).toBe('"1"');
  });

  it.each(['bearer', 'BEARER', 'Bearer'])(
    'accepts the %s scheme (schemes are case-insensitive), and no cache keeps the answer',
    async (scheme) => {
      const token = await running.tokenFor('charnwood.viewer');
      const response = await api()
        .get('/api/v1/council')
        .set('Host', running.councilHost('charnwood'))
        .set('Authorization', `${scheme} ${token}`);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('keeps refusals of a protected route out of caches too', async () => {
    const response = await api()
      .get('/api/v1/council')
      .set('Host', running.councilHost('charnwood'))
      .set('Authorization', 'Bearer not-a-token');
    expect(response.status).toBe(401);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 with a Bearer challenge when no token is sent', async () => {
    const response = await api().get('/api/v1/council').set('Host', running.councilHost('charnwood'));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('answers an unknown council sub-domain with 404', async () => {
    const viewer = await running.tokenFor('charnwood.viewer');
    const response = await api()
      .get('/api/v1/council')
      .set('Host', running.councilHost('nowhere'))
      .auth(viewer, { type: 'bearer' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('lets a platform operator register a council, whose sub-domain then resolves', async () => {
    const admin = await running.tokenFor('platform.admin');
    const registered = await registerCouncil(admin, melton);
    expect(registered.status).toBe(201);
    expect(registered.headers['location']).toBe('/api/v1/councils/melton');

    const again = await registerCouncil(admin, melton);
    expect(again.status).toBe(409);

    // Nobody holds a Melton group yet: the sub-domain exists, access is refused.
    const viewer = await running.tokenFor('charnwood.viewer');
    expect(
      (await api().get('/api/v1/council').set('Host', running.councilHost('melton')).auth(viewer, { type: 'bearer' }))
        .status,
    ).toBe(403);
  });

  it('refuses council registration by anyone but a platform operator, and bad input field by field', async () => {
    const councilAdmin = await running.tokenFor('charnwood.admin');
    const forbidden = await registerCouncil(councilAdmin, {
      ...melton,
      slug: 'rutland',
      name: 'Rutland County Council',
    });
    expect(forbidden.status).toBe(403);

    const admin = await running.tokenFor('platform.admin');
    const reserved = await registerCouncil(admin, {
      slug: 'admin',
      name: 'Admin',
      type: 'borough',
      nation: 'England',
      region: 'East Midlands',
    });
    expect(reserved.status).toBe(422);
    expect(reserved.body).toMatchObject({
      code: 'reserved_slug',
      errors: [expect.objectContaining({ field: 'slug' })],
    });

    const invalid = await registerCouncil(admin, {
      slug: 'rutland',
      name: '',
      type: 'parish',
      nation: 'Mercia',
      region: 'East Midlands',
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body as { errors: { field: string }[] }).errors.map((error) => error.field).sort()).toEqual([
      'name',
      'nation',
      'type',
    ]);
  });

  it('sets security headers and keeps CORS closed', async () => {
    const response = await api().get('/health').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
