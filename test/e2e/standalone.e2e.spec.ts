import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createHttpApplication, loadConfig, RedisConnection, type AppConfig } from '@due-regard/platform';
import { createTestDatabase, type TestDatabase, testEnvironment } from '@due-regard/testing';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module.js';

function configFor(database: TestDatabase): AppConfig {
  return loadConfig(testEnvironment(database.url));
}

async function startStandalone(database: TestDatabase): Promise<INestApplication> {
  const config = configFor(database);
  const app = await createHttpApplication(config, [StandaloneModule.forRoot(config)]);
  await app.listen(0, '127.0.0.1');
  return app;
}

describe('the standalone application', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase('dr_e2e_standalone');
    app = await startStandalone(database);
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('reports PostgreSQL, Redis and the event store up on /health', async () => {
    const response = await request(url).get('/health').expect(200);
    const body: unknown = response.body;
    expect(body).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' }, eventStore: { status: 'up' } },
    });
  });

  it('serves the OpenAPI document at /api/docs-json and its UI at /api/docs', async () => {
    const document = await request(url).get('/api/docs-json').expect(200);
    const body: unknown = document.body;
    expect(body).toMatchObject({
      openapi: '3.0.0',
      info: { title: 'Due Regard API' },
      paths: { '/health': { get: {} } },
    });
    await request(url)
      .get('/api/docs')
      .expect(200)
      .expect('content-type', /^text\/html/);
  });

  it('answers an unknown route with 404 problem details', async () => {
    const response = await request(url)
      .get('/no-such-page?token=secret')
      .expect(404)
      .expect('content-type', /^application\/problem\+json/);
    const body: unknown = response.body;
    const requestId: unknown = response.headers['x-request-id'];
    expect(typeof requestId).toBe('string');
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /no-such-page?token=secret',
      instance: '/no-such-page',
      requestId,
    });
  });

  it('answers a malformed JSON body with 400 problem details', async () => {
    const response = await request(url)
      .post('/health')
      .set('content-type', 'application/json')
      .send('{"not json')
      .expect(400)
      .expect('content-type', /^application\/problem\+json/);
    const body: unknown = response.body;
    expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, instance: '/health' });
  });

  it('keeps a well-formed request id from the caller and sets security headers', async () => {
    await request(url)
      .get('/health')
      .set('x-request-id', 'probe-42')
      .expect(200)
      .expect('x-request-id', 'probe-42')
      .expect('x-content-type-options', 'nosniff')
      .expect('content-security-policy', /default-src 'self'/);
  });
});

describe('the standalone application with a component down', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('dr_e2e_down');
    app = await startStandalone(database);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('answers /health with 503 problem details naming what is down', async () => {
    await app.get(RedisConnection).client.quit();

    const response = await request(await app.getUrl())
      .get('/health')
      .expect(503)
      .expect('content-type', /^application\/problem\+json/);
    const body: unknown = response.body;
    expect(body).toMatchObject({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Down: redis',
      instance: '/health',
      checks: { postgres: { status: 'up' }, redis: { status: 'down' }, eventStore: { status: 'up' } },
    });
  });
});
