import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccreditationsReader, mayDo, rolesFor, type AccreditationView } from '@due-regard/accreditations';
import { CouncilAccess, councilRolesOf, RequestContext } from '@due-regard/identity';
import { NotFound } from '@due-regard/shared-kernel';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { ukDate } from '../../rendering/uk-dates.js';
import { WebController } from '../../web-controller.decorator.js';
import { commitmentsHeading, commitmentTag, overviewRow, standingTag } from './accreditation-words.js';
import { SchemePagePipe } from './scheme-page.pipe.js';

/** The council's accreditations, and each scheme's page: every council role reads them. */
@WebController()
export class AccreditationsPageController {
  constructor(
    private readonly reader: AccreditationsReader,
    private readonly context: RequestContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('accreditations')
  @CouncilAccess(...rolesFor('readAccreditations'))
  async overview(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { accreditations } = await this.reader.list();
    await this.renderer.render(request, response, 'accreditations/overview.njk', {
      pageTitle: 'Accreditations',
      working: accreditations.filter((each) => each.status !== 'not-started').map(overviewRow),
      notStarted: accreditations.filter((each) => each.status === 'not-started').map(overviewRow),
    });
  }

  @Get('accreditations/:scheme')
  @CouncilAccess(...rolesFor('readAccreditations'))
  async scheme(
    @Param('scheme', SchemePagePipe) scheme: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accreditation = await accreditationOf(this.reader, scheme);
    const person = { roles: councilRolesOf(this.context.principal(), this.context.councilSlug()) };
    await this.renderer.render(request, response, 'accreditations/scheme.njk', {
      pageTitle: accreditation.name,
      ...schemePageModel(accreditation, mayDo(person, 'planAccreditation')),
      mayPlan: mayDo(person, 'planAccreditation'),
      mayRecordAward: mayDo(person, 'recordAward'),
    });
  }
}

/** What the scheme page shows: the award held, the awards before it, the commitments and their evidence. */
export function schemePageModel(accreditation: AccreditationView, mayPlan: boolean) {
  return {
    accreditation,
    summaryRows: summaryRows(accreditation, mayPlan),
    awards: accreditation.awards.map((each) => ({
      levelName: each.levelName,
      awardedOn: ukDate(each.awardedOn),
      expiresOn: each.expiresOn === null ? 'Does not expire' : ukDate(each.expiresOn),
      kind: each.renewal ? 'Renewal' : 'Award',
      standing: standingTag(each.standing),
    })),
    commitmentsHeading: commitmentsHeading(accreditation),
    commitments: accreditation.commitments.map((commitment) => ({
      ...commitment,
      tag: commitmentTag(commitment.status),
      href: `/accreditations/${accreditation.scheme}/commitments/${commitment.ref}`,
      actions: commitment.actions.map((action) => ({
        href: `/plans/${action.planId}/actions/${action.actionId}`,
        text: action.ref === null ? action.title : `${action.ref} ${action.title}`,
      })),
    })),
  };
}

/** One scheme for a page: a key the catalogue lacks is a page not found. */
export async function accreditationOf(reader: AccreditationsReader, scheme: string): Promise<AccreditationView> {
  try {
    return await reader.one(scheme);
  } catch (error) {
    if (error instanceof NotFound) throw new NotFoundException();
    throw error;
  }
}

type SummaryRow = {
  readonly key: { readonly text: string };
  readonly value: { readonly text: string };
  readonly actions?: { readonly items: readonly { href: string; text: string; visuallyHiddenText: string }[] };
};

/** The summary at the top of a scheme's page: next step, target, version, the award held and its renewal. */
function summaryRows(accreditation: AccreditationView, mayPlan: boolean): SummaryRow[] {
  const row = (key: string, text: string): SummaryRow => ({ key: { text: key }, value: { text } });
  const award = accreditation.currentAward;
  const version =
    accreditation.newestVersion === accreditation.schemeVersion
      ? accreditation.schemeVersion
      : `${accreditation.schemeVersion} (the newest is ${accreditation.newestVersion})`;
  const target = row('Target level', accreditation.targetLevel?.name ?? 'None set');
  return [
    row('Next step', accreditation.nextStep.text),
    mayPlan
      ? {
          ...target,
          actions: {
            items: [
              {
                href: `/accreditations/${accreditation.scheme}/target`,
                text: 'Change',
                visuallyHiddenText: 'target level',
              },
            ],
          },
        }
      : target,
    row('Scheme version', version),
    ...(award === null
      ? []
      : [
          row('Level held', `${award.levelName} (${standingTag(award.standing).text.toLowerCase()})`),
          row('Awarded on', ukDate(award.awardedOn)),
          row('Expires on', award.expiresOn === null ? 'Does not expire' : ukDate(award.expiresOn)),
          row('Renewal due from', award.renewalDueOn === null ? 'No renewal due' : ukDate(award.renewalDueOn)),
        ]),
    ...(accreditation.withdrawnOn === null ? [] : [row('Withdrew on', ukDate(accreditation.withdrawnOn))]),
  ];
}
