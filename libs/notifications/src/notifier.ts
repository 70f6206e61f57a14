/**
 * An email the service sends a person: reminders of updates and due dates, digests of what is
 * overdue. The address is used to send and never recorded in an event; `reference` (the reminder's
 * own key) is what events and the providers' logs are matched by.
 */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  /** Plain text, paragraphs separated by blank lines (GOV.UK Notify's markdown-like body). */
  readonly body: string;
  readonly reference: string;
}

/** The provider's id for a message it accepted. */
export interface Sent {
  readonly providerId: string;
}

/**
 * Port: sends an email. GOV.UK Notify in production, a council's own SMTP relay, or, in
 * development, the outbox where every message the service would have sent can be read.
 */
export abstract class Notifier {
  abstract readonly channel: 'govuk-notify' | 'smtp' | 'outbox';
  abstract send(message: EmailMessage): Promise<Sent>;
}
