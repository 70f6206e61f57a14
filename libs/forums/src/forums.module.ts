import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@due-regard/commands';
import { ChangeComparisonSettingsHandler } from './application/change-comparison-settings/change-comparison-settings.handler.js';
import { ChangeComparisonSettingsHttpController } from './application/change-comparison-settings/change-comparison-settings.http.controller.js';
import { CreateForumHandler } from './application/create-forum/create-forum.handler.js';
import { CreateForumHttpController } from './application/create-forum/create-forum.http.controller.js';
import { ComparisonForReader } from './application/get-comparison/comparison-reader.js';
import { GetComparisonHttpController } from './application/get-comparison/get-comparison.http.controller.js';
import { GiveConsentHandler } from './application/give-consent/give-consent.handler.js';
import { GiveConsentHttpController } from './application/give-consent/give-consent.http.controller.js';
import { InviteCouncilHandler } from './application/invite-council/invite-council.handler.js';
import { InviteCouncilHttpController } from './application/invite-council/invite-council.http.controller.js';
import { ListInvitationsHttpController } from './application/list-invitations/list-invitations.http.controller.js';
import { WithdrawConsentHandler } from './application/withdraw-consent/withdraw-consent.handler.js';
import { WithdrawConsentHttpController } from './application/withdraw-consent/withdraw-consent.http.controller.js';
import { DemoForumSeeder, FORUMS_DEMO_OPTIONS, type ForumsDemoOptions } from './demo/demo-forum.seeder.js';
import { ForumsDatabase } from './read-models/forums-database.js';
import { ForumsProjectionRunner } from './read-models/forums-projection.runner.js';
import { ForumsReadQueries } from './read-models/forums-read-queries.js';

/** The forums read models' reads and the comparison for whoever asks: for the API and the web pages alike. */
@Module({
  providers: [ForumsDatabase, ForumsReadQueries, ComparisonForReader],
  exports: [ForumsReadQueries, ComparisonForReader],
})
export class ForumsReadModule {}

/** For the API: the forums routes, their commands, the comparison's reads, and the demo forum. */
@Module({})
export class ForumsModule {
  static forRoot(demo: ForumsDemoOptions): DynamicModule {
    return {
      module: ForumsModule,
      imports: [CqrsModule, CommandsModule, ForumsReadModule],
      controllers: [
        CreateForumHttpController,
        InviteCouncilHttpController,
        ChangeComparisonSettingsHttpController,
        ListInvitationsHttpController,
        GiveConsentHttpController,
        WithdrawConsentHttpController,
        GetComparisonHttpController,
      ],
      providers: [
        CreateForumHandler,
        InviteCouncilHandler,
        ChangeComparisonSettingsHandler,
        GiveConsentHandler,
        WithdrawConsentHandler,
        { provide: FORUMS_DEMO_OPTIONS, useValue: demo },
        DemoForumSeeder,
      ],
    };
  }
}

/** For the projector: the catch-up subscription that keeps the forums read models and the comparison current. */
@Module({
  providers: [ForumsDatabase, ForumsProjectionRunner],
})
export class ForumsProjectionModule {}
