/**
 * The scopes only the daily digest needs, asked for when the manager switches it on:
 * installing the trigger (script.scriptapp), sending the mail (script.send_mail), and the
 * address of the person who switched it on, where digests of owners without an address go
 * (Session.getEffectiveUser().getEmail(), which Google's reference lists under userinfo.email).
 * The one list: the digest asks for these (alerts.ts) and the manifest declares them
 * (scripts/generate/apps-script.ts); docs/publishing/permissions.md says why each is needed.
 */
export const ALERT_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/userinfo.email',
];
