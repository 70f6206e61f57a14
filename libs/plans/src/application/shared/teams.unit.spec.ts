import { ForbiddenException } from '@nestjs/common';
import { RequestContext, type Principal } from '@due-regard/identity';
import { ActionReportingPolicy, personOf } from './teams.js';

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

describe('a person in a council', () => {
  it("reads a user's roles and teams in one council from their group paths, and none of another council's", () => {
    const user = principal([
      '/councils/charnwood/action-lead',
      '/councils/charnwood/teams/Human Resources',
      '/councils/charnwood/teams/Human Resources/Payroll',
      '/councils/charnwood/teams/Equality  Working Group',
      '/councils/leicestershire/viewer',
      '/councils/leicestershire/teams/Adult Social Care',
    ]);
    expect(personOf(user, 'charnwood')).toEqual({
      roles: ['action-lead'],
      teams: ['Human Resources', 'Payroll', 'Equality Working Group'],
    });
    expect(personOf(user, 'leicestershire')).toEqual({ roles: ['viewer'], teams: ['Adult Social Care'] });
    expect(personOf(user, 'melton')).toEqual({ roles: [], teams: [] });
  });
});

describe('who may report on an action', () => {
  const context = new RequestContext();
  const policy = new ActionReportingPolicy(context);
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
    asUser(['/councils/charnwood/plan-editor'], () =>
      expect(() => policy.assertPermitted('recordProgress', action)).not.toThrow(),
    );
    asUser(['/councils/charnwood/council-admin'], () =>
      expect(() => policy.assertPermitted('reviseDue', { leads: [] })).not.toThrow(),
    );
  });

  it('lets an action lead report on an action one of their teams leads', () => {
    asUser(['/councils/charnwood/action-lead', '/councils/charnwood/teams/human resources'], () => {
      for (const capability of ['recordProgress', 'reviseDue', 'completeAction', 'deferAction'] as const) {
        expect(() => policy.assertPermitted(capability, action)).not.toThrow();
      }
    });
  });

  it("refuses an action lead on another team's action, and a team in another council does not count", () => {
    asUser(['/councils/charnwood/action-lead', '/councils/charnwood/teams/Planning'], () =>
      expect(() => policy.assertPermitted('recordProgress', action)).toThrow(
        new ForbiddenException('You can update only the actions your team leads'),
      ),
    );
    asUser(['/councils/charnwood/action-lead', '/councils/leicestershire/teams/Human Resources'], () =>
      expect(() => policy.assertPermitted('recordProgress', action)).toThrow(ForbiddenException),
    );
  });

  it("refuses an action lead cancelling even their team's action, and readers, whatever their teams", () => {
    asUser(['/councils/charnwood/action-lead', '/councils/charnwood/teams/Human Resources'], () =>
      expect(() => policy.assertPermitted('cancelAction', action)).toThrow(ForbiddenException),
    );
    asUser(['/councils/charnwood/viewer', '/councils/charnwood/teams/Human Resources'], () =>
      expect(() => policy.assertPermitted('recordProgress', action)).toThrow(ForbiddenException),
    );
  });
});
