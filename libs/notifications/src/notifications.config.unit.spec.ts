import { ConfigError } from '@due-regard/platform';
import { notificationsConfig } from './notifications.config.js';

describe('which notifier sends', () => {
  const template = '3f2b6a4e-6b1d-4d1e-9a53-2c3f5b6d7e8f';

  it('is GOV.UK Notify with a key and a template', () => {
    expect(notificationsConfig({ NOTIFY_API_KEY: 'key', NOTIFY_TEMPLATE_ID: template }, true)).toEqual({
      channel: 'govuk-notify',
      apiKey: 'key',
      templateId: template,
    });
  });

  it("is a council's SMTP relay with an address to send from", () => {
    expect(
      notificationsConfig({ SMTP_URL: 'smtp://relay.example.gov.uk:587', MAIL_FROM: 'equality@example.gov.uk' }, true),
    ).toEqual({
      channel: 'smtp',
      url: 'smtp://relay.example.gov.uk:587',
      from: 'equality@example.gov.uk',
    });
  });

  it('is the outbox in development, and never in production', () => {
    expect(notificationsConfig({}, false)).toEqual({ channel: 'outbox' });
    expect(() => notificationsConfig({}, true)).toThrow(ConfigError);
  });

  it('refuses half a configuration with one clear message', () => {
    expect(() => notificationsConfig({ NOTIFY_API_KEY: 'key' }, false)).toThrow(
      'NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID go together: set both or neither',
    );
    expect(() => notificationsConfig({ SMTP_URL: 'smtp://relay.example.gov.uk' }, false)).toThrow(/MAIL_FROM/);
    expect(() => notificationsConfig({ SMTP_URL: 'http://relay.example.gov.uk' }, false)).toThrow(/SMTP_URL/);
  });
});
