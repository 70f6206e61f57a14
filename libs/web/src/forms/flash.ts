import type { Request } from 'express';
import { sessionOf } from '../session/web-session.js';

/** A success message shown once, on the page a form's POST redirects to (Post/Redirect/Get). */
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

/** The message waiting for this page, removed from the session so that it shows once. */
export function takeFlash(request: Request): FlashMessage | null {
  const session = sessionOf(request);
  const message = session?.flash;
  if (session === undefined || message === undefined) return null;
  delete session.flash;
  return message;
}
