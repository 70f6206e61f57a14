import request from 'supertest';
import { NOTHING_SHARED, type ConsentScope } from '@due-regard/forums';
import { completeAction, LSEF, MARKERS, NAMES, signedToken, writeCouncilPlans } from './support/forums-scene.js';
import { startDueRegard, type RunningApp } from './support/running-app.js';

type Figures = Record<string, unknown>;
interface ComparisonBody {
  named: boolean;
  rank: { position: number; of: number } | null;
  councils: { slug: string; name: string; own: boolean; figures: Figures }[];
}

describe('forums over HTTP: invitations, consent with a scope, the comparison', () => {
  let running: RunningApp;
  const tokens: Record<string, string> = {};
  let leicestershireActions: string[] = [];

  const call = (method: 'get' | 'post' | 'put' | 'delete', path: string, user: string, host: string) => {
    const agent = request(running.platformUrl);
    return agent[method](path)
      .set('Host', host)
      .set('Authorization', `Bearer ${tokens[user] ?? ''}`);
  };
  const bare = (method: 'get' | 'post' | 'put' | 'delete', path: string, user: string) =>
    call(method, path, user, `localhost:${running.port}`);
  const onCouncil = (method: 'get' | 'put' | 'delete', path: string, user: string, council: string) =>
    call(method, path, user, running.councilHost(council));
  const consent = (council: string, scope: Partial<ConsentScope>) =>
    onCouncil('put', `/api/v1/forums/${LSEF}/consent`, `${council}.admin`, council).send({ scope });
  const comparison = async (
    user = 'forum.coordinator',
    query = '',
  ): Promise<{ body: ComparisonBody; text: string }> => {
    const response = await bare('get', `/api/v1/forums/${LSEF}/comparison${query}`, user);
    expect(response.status).toBe(200);
    return { body: response.body as ComparisonBody, text: response.text };
  };
  const figuresOf = (body: ComparisonBody, slug: string): Figures | undefined =>
    body.councils.find((council) => council.slug === slug)?.figures;

  beforeAll(async () => {
    running = await startDueRegard();
    for (const user of [
      'platform.admin',
      'forum.coordinator',
      'forum.member',
      'charnwood.admin',
      'charnwood.viewer',
      'charnwood.auditor',
      'leicestershire.admin',
      'leicestershire.editor',
    ]) {
      tokens[user] = await running.tokenFor(user);
    }
    tokens['other.coordinator'] = await signedToken(running, 'other.coordinator', [
      '/forums/other-forum/forum-coordinator',
    ]);
    await writeCouncilPlans(running, 'charnwood');
    leicestershireActions = await writeCouncilPlans(running, 'leicestershire');
  });

  afterAll(async () => {
    await running?.close();
  });

  describe('creating a forum (platform-admin, bare domain)', () => {
    it('creates a forum, refuses it twice, and refuses anyone else', async () => {
      const created = await bare('post', '/api/v1/forums', 'platform.admin').send({
        slug: 'other-forum',
        name: 'Other Forum',
        region: 'Rutland',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ slug: 'other-forum', name: 'Other Forum', themes: [] });
      expect(
        (await bare('post', '/api/v1/forums', 'platform.admin').send({ slug: 'other-forum', name: 'X', region: 'Y' }))
          .status,
      ).toBe(409);
      expect(
        (await bare('post', '/api/v1/forums', 'forum.coordinator').send({ slug: 'x-forum', name: 'X', region: 'Y' }))
          .status,
      ).toBe(403);
    });

    it('answers bad input with problem details and stores nothing', async () => {
      const bad = await bare('post', '/api/v1/forums', 'platform.admin').send({
        slug: 'bad-forum',
        name: '',
        region: 'Y',
        extra: 1,
      });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      const invalidSlug = await bare('post', '/api/v1/forums', 'platform.admin').send({
        slug: 'Bad_Forum',
        name: 'X',
        region: 'Y',
      });
      expect(invalidSlug.status).toBe(422);
      expect(invalidSlug.headers['content-type']).toMatch(/application\/problem\+json/);
      // Nothing was stored: the same slug is still free.
      expect(
        (await bare('post', '/api/v1/forums', 'platform.admin').send({ slug: 'bad-forum', name: 'Bad', region: 'Y' }))
          .status,
      ).toBe(201);
    });
  });

  describe('inviting and consenting', () => {
    it('only a coordinator invites, and only a registered council', async () => {
      expect(
        (await bare('post', `/api/v1/forums/${LSEF}/invitations`, 'forum.member').send({ council: 'charnwood' }))
          .status,
      ).toBe(403);
      const unknown = await bare('post', `/api/v1/forums/${LSEF}/invitations`, 'forum.coordinator').send({
        council: 'nowhere',
      });
      expect(unknown.status).toBe(422);
      expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
      for (const council of ['charnwood', 'leicestershire']) {
        const invited = await bare('post', `/api/v1/forums/${LSEF}/invitations`, 'forum.coordinator').send({ council });
        expect(invited.status).toBe(201);
      }
      const settings = await bare('put', `/api/v1/forums/${LSEF}/settings`, 'forum.coordinator').send({
        themes: ['Our communities', 'Workforce'],
      });
      expect(settings.status).toBe(200);
    });

    it("shows the invitation to the council's admin only", async () => {
      const list = await onCouncil('get', '/api/v1/forum-invitations', 'charnwood.admin', 'charnwood');
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ invitations: [{ forum: { slug: LSEF }, status: 'invited', scope: null }] });
      expect((await onCouncil('get', '/api/v1/forum-invitations', 'charnwood.viewer', 'charnwood')).status).toBe(403);
      const page = await onCouncil('get', '/forums', 'charnwood.admin', 'charnwood').set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Accept and choose what to share');
      const form = await onCouncil('get', `/forums/${LSEF}/consent`, 'charnwood.admin', 'charnwood').set(
        'Accept',
        'text/html',
      );
      expect(form.status).toBe(200);
      expect(form.text).toContain('What to share with the forum');
      expect(
        (
          await onCouncil('get', '/forums/no-such-forum/consent', 'charnwood.admin', 'charnwood').set(
            'Accept',
            'text/html',
          )
        ).status,
      ).toBe(404);
    });

    it('refuses a scope that is malformed or shares nothing, storing nothing', async () => {
      const malformed = await consent('charnwood', { actions: 'everything' as ConsentScope['actions'] });
      expect(malformed.status).toBe(400);
      const unknownField = await onCouncil(
        'put',
        `/api/v1/forums/${LSEF}/consent`,
        'charnwood.admin',
        'charnwood',
      ).send({
        scope: { salaries: true },
      });
      expect(unknownField.status).toBe(400);
      const nothing = await consent('charnwood', {});
      expect(nothing.status).toBe(422);
      expect(nothing.body).toMatchObject({ code: 'nothing_shared' });
      const list = await onCouncil('get', '/api/v1/forum-invitations', 'charnwood.admin', 'charnwood');
      expect(list.body).toMatchObject({ invitations: [{ status: 'invited', scope: null }] });
    });

    it('a council that has not consented never appears, and cannot read the comparison', async () => {
      const accepted = await consent('charnwood', { progressByStatus: true, actions: 'counts' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'member', scope: { progressByStatus: true, actions: 'counts' } });
      const { body, text } = await comparison();
      expect(body.councils.map((council) => council.slug)).toEqual(['charnwood']);
      expect(text).not.toMatch(NAMES.leicestershire);
      expect(
        (await onCouncil('get', `/api/v1/forums/${LSEF}/comparison`, 'leicestershire.editor', 'leicestershire')).status,
      ).toBe(404);
    });
  });

  describe('the comparison', () => {
    it('shows each council only what its scope shares, overall, by PSED aim and by theme', async () => {
      expect(
        (
          await consent('leicestershire', {
            ragCounts: true,
            overdueCounts: true,
            objectivesByAim: true,
            measures: [MARKERS.measure('leicestershire')],
            actions: 'titles',
          })
        ).status,
      ).toBe(200);
      const { body } = await comparison();
      const charnwood = figuresOf(body, 'charnwood');
      expect(Object.keys(charnwood ?? {}).sort()).toEqual(['actions', 'progress']);
      expect(charnwood).toMatchObject({
        actions: { count: 3 },
        progress: {
          overall: { actions: 3, percentComplete: 33, byStatus: { completed: 1, 'in-progress': 1, 'not-started': 1 } },
          byAim: { 'foster-good-relations': { actions: 2 } },
          byTheme: { 'Our communities': { actions: 2, percentComplete: 50 } },
        },
      });
      const leicestershire = figuresOf(body, 'leicestershire');
      expect(Object.keys(leicestershire ?? {}).sort()).toEqual([
        'actions',
        'measures',
        'objectivesByAim',
        'overdue',
        'rag',
      ]);
      expect(leicestershire).toMatchObject({
        overdue: { overall: 1 },
        rag: { overall: { amber: 1 } },
        objectivesByAim: { 'foster-good-relations': [MARKERS.objectiveTitle('leicestershire')] },
        measures: [
          { measure: MARKERS.measure('leicestershire'), action: 'Hate crime reporting', status: 'not-started' },
        ],
      });
    });

    const SCOPES: [string, Partial<ConsentScope>, string, RegExp | null][] = [
      ['progressByStatus', { progressByStatus: true }, 'progress', null],
      ['ragCounts', { ragCounts: true }, 'rag', null],
      ['overdueCounts', { overdueCounts: true }, 'overdue', null],
      [
        'objectivesByAim',
        { objectivesByAim: true },
        'objectivesByAim',
        new RegExp(MARKERS.objectiveTitle('charnwood')),
      ],
      ['measures', { measures: [MARKERS.measure('charnwood')] }, 'measures', new RegExp(MARKERS.measure('charnwood'))],
      ['actions: titles', { actions: 'titles' }, 'actions', new RegExp(MARKERS.actionTitle('charnwood'))],
      ['actions: counts', { actions: 'counts' }, 'actions', null],
    ];

    it.each(SCOPES)('shares %s when in scope, and nothing of it otherwise', async (_, scope, figure, marker) => {
      expect((await consent('charnwood', { ...NOTHING_SHARED, ...scope })).status).toBe(200);
      for (const [user, council] of [
        ['forum.coordinator', null],
        ['forum.member', null],
        ['charnwood.viewer', 'charnwood'],
      ] as const) {
        const response =
          council === null
            ? await bare('get', `/api/v1/forums/${LSEF}/comparison`, user)
            : await onCouncil('get', `/api/v1/forums/${LSEF}/comparison`, user, council);
        // A forum member sees councils unnamed while the forum hides names: only the markers tell.
        if (user !== 'forum.member') {
          const own = (response.body as ComparisonBody).councils.find((each) => each.slug === 'charnwood');
          expect(Object.keys(own?.figures ?? {})).toEqual([figure]);
        }
        if (marker !== null) expect(response.text).toMatch(marker);
      }
      // The comparison pages (HTML) and the API answer alike: this figure's words where shared, and
      // every other figure's words nowhere.
      const pages = [
        (await bare('get', `/forums/${LSEF}`, 'forum.coordinator').set('Accept', 'text/html')).text,
        (await onCouncil('get', `/forums/${LSEF}`, 'charnwood.viewer', 'charnwood').set('Accept', 'text/html')).text,
      ];
      for (const page of pages) {
        expect(page).toContain('Leicestershire Equalities Forum');
        if (marker !== null) expect(page).toMatch(marker);
      }
      const others = SCOPES.filter(([, , other, otherMarker]) => other !== figure && otherMarker !== null);
      for (const text of [(await comparison()).text, (await comparison('forum.member')).text, ...pages]) {
        for (const [, , , otherMarker] of others) if (otherMarker) expect(text).not.toMatch(otherMarker);
      }
    });

    it("hides other councils' names from members and councils until the coordinators show them; a council sees its own rank", async () => {
      await consent('charnwood', { progressByStatus: true });
      await consent('leicestershire', { progressByStatus: true });
      const asCouncil = await onCouncil('get', `/api/v1/forums/${LSEF}/comparison`, 'charnwood.viewer', 'charnwood');
      const body = asCouncil.body as ComparisonBody;
      expect(body.named).toBe(false);
      expect(body.rank).toEqual({ position: 1, of: 2 });
      expect(body.councils.filter((each) => each.own).map((each) => each.slug)).toEqual(['charnwood']);
      expect(asCouncil.text).not.toMatch(NAMES.leicestershire);
      const asMember = (await comparison('forum.member')).text;
      expect(asMember).not.toMatch(NAMES.leicestershire);
      expect(asMember).not.toMatch(NAMES.charnwood);
      expect((await comparison('forum.coordinator')).body.named).toBe(true);

      expect(
        (await bare('put', `/api/v1/forums/${LSEF}/settings`, 'forum.coordinator').send({ showNames: true })).status,
      ).toBe(200);
      expect((await comparison('forum.member')).body.councils.map((each) => each.slug).sort()).toEqual([
        'charnwood',
        'leicestershire',
      ]);
      expect(
        (await bare('put', `/api/v1/forums/${LSEF}/settings`, 'forum.member').send({ showNames: false })).status,
      ).toBe(403);
      await bare('put', `/api/v1/forums/${LSEF}/settings`, 'forum.coordinator').send({ showNames: false });
    });

    it('reads as of any instant or date', async () => {
      const percent = (body: ComparisonBody) =>
        (figuresOf(body, 'leicestershire') as { progress: { overall: { percentComplete: number } } }).progress.overall
          .percentComplete;
      const instant = new Date().toISOString();
      await completeAction(running, 'leicestershire', leicestershireActions[2] ?? '');
      expect(percent((await comparison()).body)).toBe(67);
      expect(percent((await comparison('forum.coordinator', `?asOf=${instant}`)).body)).toBe(33);
      const before = await comparison('forum.coordinator', '?asOf=2000-01-01');
      expect(before.body.councils.every((council) => Object.keys(council.figures).length === 0)).toBe(true);
      expect((await bare('get', `/api/v1/forums/${LSEF}/comparison?asOf=yesterday`, 'forum.coordinator')).status).toBe(
        400,
      );
    });

    it('a coordinator of another forum sees nothing of this one', async () => {
      const response = await bare('get', `/api/v1/forums/${LSEF}/comparison`, 'other.coordinator');
      expect(response.status).toBe(403);
      expect(response.text).not.toMatch(NAMES.leicestershire);
      expect(response.text).not.toMatch(NAMES.charnwood);
      const invite = await bare('post', `/api/v1/forums/${LSEF}/invitations`, 'other.coordinator').send({
        council: 'charnwood',
      });
      expect(invite.status).toBe(403);
      const own = await bare('get', '/api/v1/forums/other-forum/comparison', 'other.coordinator');
      expect(own.status).toBe(200);
      expect((own.body as ComparisonBody).councils).toEqual([]);
      // And the other way round: this forum's coordinator sees nothing of the other forum.
      expect((await bare('get', '/api/v1/forums/other-forum/comparison', 'forum.coordinator')).status).toBe(403);
      expect(
        (
          await bare('post', '/api/v1/forums/other-forum/invitations', 'forum.coordinator').send({
            council: 'charnwood',
          })
        ).status,
      ).toBe(403);
    });

    it("withdrawing consent removes the council from the comparison, and its people's access", async () => {
      const whileConsenting = new Date().toISOString();
      expect((await comparison('forum.coordinator', `?asOf=${whileConsenting}`)).text).toMatch(NAMES.charnwood);
      const withdrawn = await onCouncil('delete', `/api/v1/forums/${LSEF}/consent`, 'charnwood.admin', 'charnwood');
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'left', scope: null });
      const { body, text } = await comparison();
      expect(body.councils.map((council) => council.slug)).toEqual(['leicestershire']);
      expect(text).not.toMatch(NAMES.charnwood);
      expect((await comparison('forum.coordinator', `?asOf=${whileConsenting}`)).text).not.toMatch(NAMES.charnwood);
      expect(
        (await onCouncil('get', `/api/v1/forums/${LSEF}/comparison`, 'charnwood.viewer', 'charnwood')).status,
      ).toBe(404);
      expect((await onCouncil('delete', `/api/v1/forums/${LSEF}/consent`, 'charnwood.admin', 'charnwood')).status).toBe(
        404,
      );
    });

    it('an invited council declines', async () => {
      await bare('post', `/api/v1/forums/${LSEF}/invitations`, 'forum.coordinator').send({ council: 'charnwood' });
      const declined = await onCouncil('delete', `/api/v1/forums/${LSEF}/consent`, 'charnwood.admin', 'charnwood');
      expect(declined.body).toMatchObject({ status: 'declined' });
      const list = await onCouncil('get', '/api/v1/forum-invitations', 'charnwood.admin', 'charnwood');
      expect(list.body).toMatchObject({ invitations: [{ status: 'declined', scope: null }] });
    });
  });
});
