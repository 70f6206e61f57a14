import { Body, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  ACTION_DETAIL_LEVELS,
  consentScopeBody,
  councilRolesFor,
  ForumsReadQueries,
  GiveConsentCommand,
  NOTHING_SHARED,
  SCOPE_FLAGS,
  WithdrawConsentCommand,
  type ConsentScope,
  type CouncilForum,
} from '@due-regard/forums';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { errorSummary, fieldErrorsFromZod, FORM_ERROR, type FieldErrors } from '../forms/field-errors.js';
import { checkedValues, formBody, linesOf, textField } from '../forms/form-body.js';
import { PageRenderer } from '../rendering/page-renderer.js';
import { setFlash } from '../session/flash.js';
import { WebController } from '../web-controller.decorator.js';
import { ACTION_DETAIL_WORDS, MEMBERSHIP_WORDS, SCOPE_FLAG_WORDS } from './forum-words.js';

const CONSENT_FIELDS = ['share', 'measures', 'actions', FORM_ERROR] as const;

/**
 * A council's forums, on its sub-domain: the forums that invited it, and for its administrators
 * the consent form (accept with a scope, or change it), declining and leaving.
 */
@WebController()
export class CouncilForumsController {
  constructor(
    private readonly queries: ForumsReadQueries,
    private readonly commandBus: CommandBus,
    private readonly context: RequestContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('forums')
  @CouncilAccess(...councilRolesFor('readInvitations'))
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const forums = await this.queries.forumsOf(this.context.councilSlug());
    await this.renderer.render(request, response, 'forums/council-forums.njk', {
      pageTitle: 'Equalities forums',
      forums: forums.map((each) => ({
        ...each,
        statusWords: MEMBERSHIP_WORDS[each.status],
        shares: each.scope === null ? [] : scopeWords(each.scope),
      })),
    });
  }

  @Get('forums/:forum/consent')
  @CouncilAccess(...councilRolesFor('answerInvitation'))
  async consentForm(@Param('forum') forum: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const invitation = await this.invitation(forum);
    await this.renderConsent(request, response, invitation, invitation.scope ?? NOTHING_SHARED, {});
  }

  @Post('forums/:forum/consent')
  @CouncilAccess(...councilRolesFor('answerInvitation'))
  async consent(
    @Param('forum') forum: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const invitation = await this.invitation(forum);
    const body = formBody(posted);
    const shared = checkedValues(body, 'share');
    const asked = {
      ...Object.fromEntries(SCOPE_FLAGS.map((flag) => [flag, shared.includes(flag)])),
      measures: linesOf(textField(body, 'measures')),
      actions: textField(body, 'actions') || 'none',
    };
    const parsed = consentScopeBody.safeParse(asked);
    if (!parsed.success) {
      await this.renderConsent(
        request,
        response,
        invitation,
        NOTHING_SHARED,
        fieldErrorsFromZod(parsed.error.issues),
        400,
      );
      return;
    }
    try {
      await this.commandBus.execute(new GiveConsentCommand(invitation.forum.slug, parsed.data));
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      const field = error.field === 'scope.measures' ? 'measures' : error.field === 'scope' ? 'share' : FORM_ERROR;
      await this.renderConsent(request, response, invitation, parsed.data, { [field]: error.message }, 400);
      return;
    }
    setFlash(request, {
      heading:
        invitation.status === 'member' ? 'What you share has changed' : `You have joined ${invitation.forum.name}`,
      text: 'The forum’s comparison shows only what you chose to share.',
    });
    response.redirect(303, '/forums');
  }

  @Post('forums/:forum/withdraw')
  @CouncilAccess(...councilRolesFor('answerInvitation'))
  async withdraw(@Param('forum') forum: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const invitation = await this.invitation(forum);
    await this.commandBus.execute(new WithdrawConsentCommand(invitation.forum.slug));
    setFlash(request, {
      heading: invitation.status === 'member' ? `You have left ${invitation.forum.name}` : 'Invitation declined',
      text:
        invitation.status === 'member'
          ? 'Your council’s figures are no longer in the forum’s comparison.'
          : 'The forum sees nothing of your council.',
    });
    response.redirect(303, '/forums');
  }

  /** The forum's invitation to this council, while it is open or the council is a member; otherwise 404. */
  private async invitation(forum: string): Promise<CouncilForum> {
    const found = (await this.queries.forumsOf(this.context.councilSlug())).find(
      (each) => each.forum.slug === forum && (each.status === 'invited' || each.status === 'member'),
    );
    if (found === undefined) throw new NotFoundException('There is no invitation from this forum');
    return found;
  }

  private async renderConsent(
    request: Request,
    response: Response,
    invitation: CouncilForum,
    scope: ConsentScope,
    errors: FieldErrors,
    status = 200,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'forums/consent.njk',
      {
        pageTitle: `What to share with ${invitation.forum.name}`,
        invitation,
        shareItems: SCOPE_FLAGS.map((flag) => ({
          value: flag,
          text: SCOPE_FLAG_WORDS[flag].text,
          hint: { text: SCOPE_FLAG_WORDS[flag].hint },
          checked: scope[flag],
        })),
        actionItems: ACTION_DETAIL_LEVELS.map((level) => ({
          value: level,
          text: ACTION_DETAIL_WORDS[level],
          checked: scope.actions === level,
        })),
        measures: scope.measures.join('\n'),
        errors,
        hasErrors: Object.keys(errors).length > 0,
        errorList: errorSummary(errors, CONSENT_FIELDS),
      },
      status,
    );
  }
}

/** What a scope shares, in words, for the forums list. */
export function scopeWords(scope: ConsentScope): string[] {
  return [
    ...SCOPE_FLAGS.filter((flag) => scope[flag]).map((flag) => SCOPE_FLAG_WORDS[flag].text),
    ...(scope.measures.length > 0 ? [`Measures: ${scope.measures.join('; ')}`] : []),
    ...(scope.actions === 'none' ? [] : [ACTION_DETAIL_WORDS[scope.actions]]),
  ];
}
