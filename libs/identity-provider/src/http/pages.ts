import {
  LOGOUT_CONFIRM_PATH,
  SIGN_IN_FORM_PATH,
  type ConfirmLogoutPage,
  type ErrorPage,
  type SignInPage,
} from '../embedded-openid-provider.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

function layout(title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} – Due Regard</title>
</head>
<body>
<header><p>Due Regard – development sign-in service</p></header>
<main id="main-content">
${main}
</main>
</body>
</html>
`;
}

/** The sign-in form: fields named `username` and `password`, as Keycloak's are. */
export function signInPageHtml(page: SignInPage): string {
  const error = page.error === undefined ? undefined : escapeHtml(page.error);
  const summary =
    error === undefined
      ? ''
      : `<div role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul><li><a href="#username">${error}</a></li></ul>
</div>
`;
  const invalid = error === undefined ? '' : ' aria-invalid="true" aria-describedby="credentials-error"';
  const fieldError = error === undefined ? '' : `<p id="credentials-error"><span>Error:</span> ${error}</p>\n`;
  return layout(
    `${error === undefined ? '' : 'Error: '}Sign in`,
    `${summary}<h1>Sign in to Due Regard</h1>
<p>This sign-in page is for development and testing. In production, Keycloak signs you in.</p>
<form method="post" action="${SIGN_IN_FORM_PATH}" novalidate>
<input type="hidden" name="auth_session" value="${escapeHtml(page.pendingId)}">
<input type="hidden" name="form_token" value="${escapeHtml(page.formToken)}">
${fieldError}<div>
<label for="username">Username or email address</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(page.username ?? '')}"${invalid}>
</div>
<div>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
</div>
<button type="submit">Sign in</button>
</form>`,
  );
}

export function errorPageHtml(page: Pick<ErrorPage, 'title' | 'message'>): string {
  return layout(page.title, `<h1>${escapeHtml(page.title)}</h1>\n<p>${escapeHtml(page.message)}</p>`);
}

export function confirmLogoutHtml(page: ConfirmLogoutPage): string {
  return layout(
    'Sign out',
    `<h1>Do you want to sign out?</h1>
<form method="post" action="${LOGOUT_CONFIRM_PATH}">
<input type="hidden" name="logout_session" value="${escapeHtml(page.pendingId)}">
<input type="hidden" name="form_token" value="${escapeHtml(page.formToken)}">
<button type="submit">Sign out</button>
</form>`,
  );
}

export function signedOutHtml(): string {
  return layout(
    'Signed out',
    '<h1>You have signed out</h1>\n<p>You can close this page, or go back to the service to sign in again.</p>',
  );
}

export const TOO_MANY_ATTEMPTS = {
  title: 'Too many attempts',
  message: 'There have been too many sign-in attempts from your network. Wait a minute, then try again.',
} as const;
