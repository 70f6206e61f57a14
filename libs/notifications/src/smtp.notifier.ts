import nodemailer, { type Transporter } from 'nodemailer';
import { Notifier, type EmailMessage, type Sent } from './notifier.js';

/** A council's own mail relay, through nodemailer: `smtp://user:pass@relay.example.gov.uk:587`. */
export class SmtpNotifier extends Notifier {
  readonly channel = 'smtp';
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: EmailMessage): Promise<Sent> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      headers: { 'X-Due-Regard-Reference': message.reference },
    });
    return { providerId: String(info.messageId) };
  }
}
