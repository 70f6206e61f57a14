import { z } from 'zod';
import { ConfigError, type Environment } from '@due-regard/platform';

/**
 * Which notifier sends: GOV.UK Notify when `NOTIFY_API_KEY` and `NOTIFY_TEMPLATE_ID` are set, else
 * SMTP when `SMTP_URL` (and `MAIL_FROM`) are, else the development outbox, which production refuses.
 */
export type NotificationsConfig =
  | { readonly channel: 'govuk-notify'; readonly apiKey: string; readonly templateId: string }
  | { readonly channel: 'smtp'; readonly url: string; readonly from: string }
  | { readonly channel: 'outbox' };

const schema = z.object({
  NOTIFY_API_KEY: z.string().min(1).optional(),
  NOTIFY_TEMPLATE_ID: z.uuid('must be the id of a GOV.UK Notify email template').optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// address' }).optional(),
  MAIL_FROM: z.email('must be an email address').optional(),
});

export function notificationsConfig(env: Environment, production: boolean): NotificationsConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '')} ${issue.message}`).join('; '),
    );
  }
  const { NOTIFY_API_KEY, NOTIFY_TEMPLATE_ID, SMTP_URL, MAIL_FROM } = parsed.data;
  if (NOTIFY_API_KEY !== undefined || NOTIFY_TEMPLATE_ID !== undefined) {
    if (NOTIFY_API_KEY === undefined || NOTIFY_TEMPLATE_ID === undefined) {
      throw new ConfigError('NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID go together: set both or neither');
    }
    return { channel: 'govuk-notify', apiKey: NOTIFY_API_KEY, templateId: NOTIFY_TEMPLATE_ID };
  }
  if (SMTP_URL !== undefined) {
    if (MAIL_FROM === undefined) throw new ConfigError('SMTP_URL needs MAIL_FROM, the address emails come from');
    return { channel: 'smtp', url: SMTP_URL, from: MAIL_FROM };
  }
  if (production) {
    throw new ConfigError(
      'Production sends email through GOV.UK Notify (NOTIFY_API_KEY, NOTIFY_TEMPLATE_ID) or SMTP (SMTP_URL, MAIL_FROM)',
    );
  }
  return { channel: 'outbox' };
}
