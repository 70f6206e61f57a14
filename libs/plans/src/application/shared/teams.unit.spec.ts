import { ForbiddenException } from '@nestjs/common';
import { RequestContext, type Principal } from '@due-regard/identity';
import { ActionReportingPolicy, sameTeam, TeamDirectory } from './teams.js';

function principal(groups: readonly string[]): Principal {
  return {
    subject: 'f7a1c1de-0000-4000-8000-000000000001',
    username: 'someone',
    displayName: 'Someone',
    clientId: 'due-regard-cli',
    groups,
    realmRoles: [],
  };
}

describe('teams', () => {
  const directory = new TeamDirectory();

  it("reads a user's teams in one council from their group paths, and none of another council's", () => {
    const user = principal([
      '/councils/charnwood/action-lead',
      '/councils/charnwood/teams/Human Resources',
      '/councils/charnwood/teams/Human Resources/Payroll',
      '/councils/charnwood/teams/Equality  Working Group',
      '/councils/leicestershire/teams/Adult Social Care',
    ]);
    expect(directory.teamsOf(user, 'charnwood')).toEqual(['Human Resources', 'Payroll', 'Equality Working Group']);
    expect(directory.teamsOf(user, 'leicestershire')).toEqual(['Adult Social Care']);
    expect(directory.teamsOf(user, 'melton')).toEqual([]);
  });

  it('compares team names without regard to case or spacing', () => {
    expect(sameTeam('Human  Resources ', 'human resources')).toBe(true);
    expect(sameTeam('Human Resources', 'Human Resource')).toBe(false);
  });
});

describe('who may report on an action', () => {
  const context = new RequestContext();
  const policy = new ActionReportingPolicy(context, new TeamDirectory());
  const action = { leads: ['Human Resources', 'Equality Working Group'] };

  function asUser(groups: readonly string[], check: () => void): void {
    context.run(
      {
        tenant: { kind: 'council', slug: 'charnwood' },
        correlationId: 'c-1',
        source: 'api',
        principal: principal(groups),
      },
      check,
    );
  }

  it('lets plan editors and council admins report on any action', () => {
    asUser(['/councils/charnwood/plan-editor'], () => expect(() => policy.assertMayReportOn(action)).not.toThrow());
    asUser(['/councils/charnwood/council-admin'], () =>
      expect(() => policy.assertMayReportOn({ leads: [] })).not.toThrow(),
    );
  });

  it('lets an action lead report on an action one of their teams leads', () => {
    asUser(['/councils/charnwood/action-lead', '/councils/charnwood/teams/human resources'], () =>
      expect(() => policy.assertMayReportOn(action)).not.toThrow(),
    );
  });

  it("refuses an action lead on another team's action, and a team in another council does not count", () => {
    asUser(['/councils/charnwood/action-lead', '/councils/charnwood/teams/Planning'], () =>
      expect(() => policy.assertMayReportOn(action)).toThrow(ForbiddenException),
    );
    asUser(['/councils/charnwood/action-lead', '/councils/leicestershire/teams/Human Resources'], () =>
      expect(() => policy.assertMayReportOn(action)).toThrow(ForbiddenException),
    );
  });

  it('refuses readers, whatever their teams', () => {
    asUser(['/councils/charnwood/viewer', '/councils/charnwood/teams/Human Resources'], () =>
      expect(() => policy.assertMayReportOn(action)).toThrow(ForbiddenException),
    );
  });
});
