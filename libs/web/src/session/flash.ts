import type { Request } from 'express';
import { sessionOf } from './web-session.js';

/** A success message for the next page shown, after a redirect (govukNotificationBanner, success). */
export interface FlashMessage {
  readonly heading: string;
  readonly text?: string;
}

declare module 'express-session' {
  interface SessionData {
    flash: FlashMessage;
  }
}

export function setFlash(request: Request, message: FlashMessage): void {
  const session = sessionOf(request);
  if (session !== undefined) session.flash = message;
}

/** The message, once: taken out of the session as the page that shows it is rendered. */
export function takeFlash(request: Request): FlashMessage | null {
  const session = sessionOf(request);
  const message = session?.flash;
  if (session === undefined || message === undefined) return null;
  delete session.flash;
  return message;
}
