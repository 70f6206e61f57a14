import { COUNCIL_ROLES, FORUM_ROLES } from '@due-regard/identity';
import {
  COUNCIL_PEOPLE_CAPABILITIES,
  councilPersonMay,
  councilRolesFor,
  FORUM_PEOPLE_CAPABILITIES,
  forumPersonMay,
  forumRolesFor,
} from './forums.policy.js';

describe('the forums policy table', () => {
  it('lets only coordinators invite and set the comparison; coordinators and members read it', () => {
    expect(Object.fromEntries(FORUM_PEOPLE_CAPABILITIES.map((each) => [each, forumRolesFor(each)]))).toEqual({
      inviteCouncil: ['forum-coordinator'],
      changeComparisonSettings: ['forum-coordinator'],
      readComparison: ['forum-coordinator', 'forum-member'],
    });
  });

  it("lets only a council's admin answer invitations; the council's people but its auditors read the comparison", () => {
    expect(Object.fromEntries(COUNCIL_PEOPLE_CAPABILITIES.map((each) => [each, councilRolesFor(each)]))).toEqual({
      readInvitations: ['council-admin'],
      answerInvitation: ['council-admin'],
      readComparison: ['council-admin', 'plan-editor', 'action-lead', 'viewer'],
    });
  });

  it.each(FORUM_ROLES)('answers for the forum role %s as the table says', (role) => {
    expect(forumPersonMay([role], 'inviteCouncil')).toBe(role === 'forum-coordinator');
    expect(forumPersonMay([role], 'readComparison')).toBe(true);
    expect(forumPersonMay([], 'readComparison')).toBe(false);
  });

  it.each(COUNCIL_ROLES)('answers for the council role %s as the table says', (role) => {
    expect(councilPersonMay([role], 'answerInvitation')).toBe(role === 'council-admin');
    expect(councilPersonMay([role], 'readComparison')).toBe(role !== 'auditor');
  });
});
