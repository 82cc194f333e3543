import type { Identity } from '@onbrand/shared/governance';

// Who is using an add-on, for approvals and the audit trail. Apps Script gives the active user's
// email when the userinfo.email scope is granted and policy allows it (same domain); otherwise it
// is blank and the temporary user key is the stable, anonymous way to tell people apart.

/** The active user as the approval check reads them: an email, or nobody known. */
export function activeIdentity(): Identity {
  const email = Session.getActiveUser().getEmail();
  return email ? { email } : {};
}

/** How the audit trail names the active user: the email, else the temporary user key. */
export function activeUserName(identity: Identity = activeIdentity()): string {
  if (identity.email) return identity.email;
  const key = typeof Session.getTemporaryActiveUserKey === 'function' ? Session.getTemporaryActiveUserKey() : '';
  return key ? `user key ${key}` : 'unknown user';
}
