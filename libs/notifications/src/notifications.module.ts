import { Module } from '@nestjs/common';
import { AppConfig, RedisConnection } from '@due-regard/platform';
import { GovukNotifyNotifier } from './govuk-notify.notifier.js';
import { notificationsConfig } from './notifications.config.js';
import { Notifier } from './notifier.js';
import { OutboxHttpController } from './outbox.http.controller.js';
import { OutboxNotifier } from './outbox.notifier.js';
import { SmtpNotifier } from './smtp.notifier.js';

/** The notifier configured for this deployment (checked at start-up), and the development outbox's route. */
@Module({
  controllers: [OutboxHttpController],
  providers: [
    {
      provide: Notifier,
      inject: [AppConfig, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection): Notifier => {
        const chosen = notificationsConfig(process.env, config.production);
        switch (chosen.channel) {
          case 'govuk-notify':
            return new GovukNotifyNotifier(chosen.apiKey, chosen.templateId);
          case 'smtp':
            return new SmtpNotifier(chosen.url, chosen.from);
          case 'outbox':
            return new OutboxNotifier(redis.client, `${redis.keyPrefix}:dev-outbox`);
        }
      },
    },
  ],
  exports: [Notifier],
})
export class NotificationsModule {}
