import { scenario } from '@due-regard/testing';
import { forumDecider, type ForumCommand, type ForumEvent } from './forum.js';

const given = scenario(forumDecider);
const lsef = {
  slug: 'leicestershire-equalities-forum',
  name: 'Leicestershire Equalities Forum',
  region: 'Leicestershire',
};
const created: ForumEvent = { type: 'ForumCreated', data: { ...lsef, themes: ['Workforce'] } };
const invited: ForumEvent = {
  type: 'CouncilInvited',
  data: { council: 'charnwood', councilName: 'Charnwood Borough Council' },
};
const accepted: ForumEvent = { type: 'InvitationAccepted', data: { council: 'charnwood' } };
const invite: ForumCommand = { type: 'InviteCouncil', council: 'charnwood', councilName: 'Charnwood Borough Council' };

describe('creating a forum', () => {
  it('records the forum, trimmed, with its themes', () => {
    given()
      .when({
        type: 'CreateForum',
        forum: { ...lsef, name: ' Leicestershire Equalities Forum ' },
        themes: [' Workforce '],
      })
      .then(created);
  });

  it('starts with no themes when none are named', () => {
    given()
      .when({ type: 'CreateForum', forum: lsef })
      .then({ type: 'ForumCreated', data: { ...lsef, themes: [] } });
  });

  it('refuses a forum that exists', () => {
    given(created).when({ type: 'CreateForum', forum: lsef }).thenConflicts('forum_exists');
  });

  it.each(['LSEF', 'lsef_', '-lsef', 'l', 'a--b'])('refuses the slug %p', (slug) => {
    given()
      .when({ type: 'CreateForum', forum: { ...lsef, slug } })
      .thenRefused('invalid_slug', 'slug');
  });

  it('refuses a blank name, a blank region, and a theme named twice', () => {
    given()
      .when({ type: 'CreateForum', forum: { ...lsef, name: '  ' } })
      .thenRefused('name_required', 'name');
    given()
      .when({ type: 'CreateForum', forum: { ...lsef, region: '' } })
      .thenRefused('region_required', 'region');
    given()
      .when({ type: 'CreateForum', forum: lsef, themes: ['Workforce', 'workforce'] })
      .thenRefused('theme_repeated', 'themes');
  });
});

describe('inviting a council', () => {
  it('records the invitation with the council name', () => {
    given(created).when(invite).then(invited);
  });

  it('does nothing when the council is invited already', () => {
    given(created, invited).when(invite).thenNothingHappens();
  });

  it('refuses to invite a member', () => {
    given(created, invited, accepted).when(invite).thenConflicts('already_member');
  });

  it('invites again a council that declined or left', () => {
    given(created, invited, { type: 'InvitationDeclined', data: { council: 'charnwood' } })
      .when(invite)
      .then(invited);
    given(created, invited, accepted, { type: 'CouncilLeftForum', data: { council: 'charnwood' } })
      .when(invite)
      .then(invited);
  });

  it('refuses when there is no forum', () => {
    given().when(invite).thenNotFound();
  });
});

describe('answering an invitation', () => {
  it('accepts an invitation', () => {
    given(created, invited).when({ type: 'AcceptInvitation', council: 'charnwood' }).then(accepted);
  });

  it('accepting again changes nothing', () => {
    given(created, invited, accepted).when({ type: 'AcceptInvitation', council: 'charnwood' }).thenNothingHappens();
  });

  it('declines an invitation', () => {
    given(created, invited)
      .when({ type: 'DeclineInvitation', council: 'charnwood' })
      .then({ type: 'InvitationDeclined', data: { council: 'charnwood' } });
  });

  it('cannot accept or decline without an invitation', () => {
    given(created).when({ type: 'AcceptInvitation', council: 'charnwood' }).thenNotFound();
    given(created).when({ type: 'DeclineInvitation', council: 'charnwood' }).thenNotFound();
    given(created, invited, { type: 'InvitationDeclined', data: { council: 'charnwood' } })
      .when({ type: 'AcceptInvitation', council: 'charnwood' })
      .thenNotFound();
  });
});

describe('leaving a forum', () => {
  it('a member leaves at any time', () => {
    given(created, invited, accepted)
      .when({ type: 'LeaveForum', council: 'charnwood' })
      .then({ type: 'CouncilLeftForum', data: { council: 'charnwood' } });
  });

  it('only a member can leave', () => {
    given(created, invited).when({ type: 'LeaveForum', council: 'charnwood' }).thenNotFound();
  });
});

describe("the comparison's settings", () => {
  it('records every setting after the change', () => {
    given(created)
      .when({ type: 'ChangeComparisonSettings', settings: { showNames: true } })
      .then({ type: 'ComparisonSettingsChanged', data: { themes: ['Workforce'], showNames: true } });
  });

  it('does nothing when nothing changes', () => {
    given(created)
      .when({ type: 'ChangeComparisonSettings', settings: { themes: ['Workforce'], showNames: false } })
      .thenNothingHappens();
  });

  it('refuses a blank theme', () => {
    given(created)
      .when({ type: 'ChangeComparisonSettings', settings: { themes: [' '] } })
      .thenRefused('theme_blank', 'themes');
  });

  it('names are hidden until a coordinator shows them', () => {
    const state = given(created).state;
    expect(state.status === 'created' && state.settings.showNames).toBe(false);
  });
});
