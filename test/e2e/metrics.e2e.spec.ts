import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { freePort, startDueRegard, type RunningApp } from './support/running-app.js';

/** The value of a sample line `name{labels} value` whose labels include every one given. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  const line = exposition
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}{`) && wanted.every((pair) => candidate.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('Prometheus metrics', () => {
  let running: RunningApp;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    running = await startDueRegard({ METRICS_PORT: String(metricsPort) });
  });

  afterAll(async () => {
    await running?.close();
  });

  async function scrapeAsPlatformAdmin(): Promise<string> {
    const response = await request(running.platformUrl)
      .get('/metrics')
      .set('Authorization', `Bearer ${await running.tokenFor('platform.admin')}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    return response.text;
  }

  it('are not public: anonymous and council users are refused on the main port', async () => {
    expect((await request(running.platformUrl).get('/metrics')).status).toBe(401);
    const councilAdmin = await running.tokenFor('charnwood.admin');
    const refused = await request(running.platformUrl).get('/metrics').set('Authorization', `Bearer ${councilAdmin}`);
    expect(refused.status).toBe(403);
  });

  it('time HTTP requests by route pattern, not by path', async () => {
    const token = await running.tokenFor('charnwood.viewer');
    await request(running.platformUrl)
      .get('/api/v1/plans')
      .set('Host', running.councilHost('charnwood'))
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const planId = randomUUID();
    await request(running.platformUrl)
      .get(`/api/v1/plans/${planId}`)
      .set('Host', running.councilHost('charnwood'))
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
    await request(running.platformUrl).get('/no/such/page').expect(404);

    const exposition = await scrapeAsPlatformAdmin();
    const count = (route: string, status: string): number | undefined =>
      sample(exposition, 'http_request_duration_seconds_count', { method: 'GET', route, status });
    expect(count('/api/v1/plans', '200')).toBeGreaterThanOrEqual(1);
    expect(count('/api/v1/plans/:planId', '404')).toBeGreaterThanOrEqual(1);
    // The web's catch-all answers unknown pages with a GOV.UK 404 page.
    expect(count('{/*splat}', '404')).toBeGreaterThanOrEqual(1);
    expect(exposition).not.toContain(planId);
  });

  it('count jobs by state for every queue, and event store appends and their group sizes', async () => {
    const exposition = await scrapeAsPlatformAdmin();
    for (const state of ['waiting', 'active', 'failed']) {
      expect(sample(exposition, 'queue_jobs', { queue: 'imports', state })).toBeGreaterThanOrEqual(0);
    }
    // The demo councils and plans were recorded at start-up, through the event store.
    expect(Number(/^event_store_append_duration_seconds_count (\d+)$/m.exec(exposition)?.[1])).toBeGreaterThan(0);
    expect(Number(/^event_store_group_commit_commands_count (\d+)$/m.exec(exposition)?.[1])).toBeGreaterThan(0);
    expect(exposition).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('are served alone on METRICS_PORT for a scraper inside the cluster', async () => {
    const scraped = await request(`http://127.0.0.1:${metricsPort}`).get('/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('event_store_append_duration_seconds_bucket');
    expect((await request(`http://127.0.0.1:${metricsPort}`).get('/api/v1/plans')).status).toBe(404);
  });
});
