import { NotifyClient } from 'notifications-node-client';
import { Notifier, type EmailMessage, type Sent } from './notifier.js';

/**
 * GOV.UK Notify, the public sector's notification service. One email template whose subject is
 * `((subject))` and body `((body))` carries every message, so that wording lives with the service.
 */
export class GovukNotifyNotifier extends Notifier {
  readonly channel = 'govuk-notify';
  private readonly client: NotifyClient;

  constructor(
    apiKey: string,
    private readonly templateId: string,
  ) {
    super();
    this.client = new NotifyClient(apiKey);
  }

  async send(message: EmailMessage): Promise<Sent> {
    const response = await this.client.sendEmail(this.templateId, message.to, {
      personalisation: { subject: message.subject, body: message.body },
      reference: message.reference,
    });
    return { providerId: response.data.id };
  }
}
