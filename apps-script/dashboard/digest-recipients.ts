/**
 * Who the daily digest writes to, in Sheets. The mail goes out from the mailbox of the account
 * that switched alerts on, and any editor can type a goal owner, so an owner's address is written
 * to only when it is in that account's domain or that account confirmed it in the sidebar
 * (core/dashboard/alerts/recipients.ts decides). The switch's document property keeps the account,
 * its trigger, the confirmed addresses and the list as that account last saw it, so the sidebar
 * shows the list when alerts are switched on and again whenever it changes.
 */
import type { AlertsStatus } from '../../sidebar/bridge';
import { digestRecipients, DigestRecipient, recipientOf, RecipientPolicy, recipientsFingerprint } from '../../core/dashboard/alerts';
import { DashboardSetup } from '../../core/dashboard/setup';

/** The daily digest's switch as the document property keeps it. */
export interface DailyRecord {
  /** Address of the account that switched it on ('' when Google did not say). */
  readonly by: string;
  /** Unique id of that account's trigger: the only one that sends. */
  readonly trigger?: string;
  /** Owner addresses outside the account's domain that the account confirmed. */
  readonly confirmed: readonly string[];
  /** The recipient list as the account last saw it (recipientsFingerprint). */
  readonly seen?: string;
}

export function parseDaily(text: string | null): DailyRecord | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<Record<keyof DailyRecord, unknown>>;
    return {
      by: typeof v.by === 'string' ? v.by : '',
      ...(typeof v.trigger === 'string' ? { trigger: v.trigger } : {}),
      confirmed: Array.isArray(v.confirmed) ? v.confirmed.filter((a): a is string => typeof a === 'string') : [],
      ...(typeof v.seen === 'string' ? { seen: v.seen } : {}),
    };
  } catch {
    return { by: '', confirmed: [] };
  }
}

export function policyOf(record: DailyRecord, ownEmail: string): RecipientPolicy {
  return { account: record.by || ownEmail, confirmed: record.confirmed };
}

/** The owners' addresses with their status, from the goals of the last generated setup. */
export function recipientsOf(setup: DashboardSetup | null, policy: RecipientPolicy): DigestRecipient[] {
  return digestRecipients(setup?.goals ?? [], policy);
}

/** What the sidebar shows about recipients while the digest is on. */
export function recipientsStatus(
  setup: DashboardSetup | null,
  record: DailyRecord | null,
  me: string,
): Pick<AlertsStatus, 'recipients' | 'recipientsChanged' | 'canConfirmRecipients'> {
  if (!record) return {};
  const recipients = recipientsOf(setup, policyOf(record, me));
  return {
    recipients,
    recipientsChanged: recipientsFingerprint(recipients) !== (record.seen ?? ''),
    canConfirmRecipients: sameUser(record.by, me) && me !== '',
  };
}

/**
 * The record after the account confirmed these addresses (clean addresses only, lower-case,
 * once each) and saw the list that results.
 */
export function withConfirmed(record: DailyRecord, setup: DashboardSetup | null, addresses: readonly string[], me: string): DailyRecord {
  const confirmed = new Set(record.confirmed.map((a) => a.toLowerCase()));
  for (const a of addresses) {
    const address = recipientOf(String(a));
    if (address && address.length === String(a).trim().length) confirmed.add(address.toLowerCase());
  }
  const next = { ...record, confirmed: [...confirmed].sort() };
  return { ...next, seen: recipientsFingerprint(recipientsOf(setup, policyOf(next, me))) };
}

/** Two e-mail addresses name the same user; an unknown one ('') matches nobody but another unknown. */
export function sameUser(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
