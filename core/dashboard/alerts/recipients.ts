import { recipientOf } from './digest';

/**
 * Who the daily digest may write to. Any editor can type a goal owner, so an owner's address is
 * only used when the account that switched alerts on (whose mailbox sends the digest) would vouch
 * for it: an address in that account's own domain, or one that account confirmed in the sidebar.
 * Any other owner's breaches go to the account itself, marked as waiting for its confirmation.
 * Pure: the Sheets host keeps the account and the confirmations in a document property.
 */
export type RecipientStatus = 'account' | 'domain' | 'confirmed' | 'unconfirmed';

export interface DigestRecipient {
  /** Lower-case address as found in the owner text. */
  readonly address: string;
  readonly status: RecipientStatus;
  /** The KPIs whose goals name this address. */
  readonly kpis: readonly string[];
}

export interface RecipientPolicy {
  /** The address of the account that switched alerts on; '' when Google did not say. */
  readonly account: string;
  /** Addresses that account confirmed. */
  readonly confirmed: readonly string[];
}

const norm = (address: string) => address.trim().toLowerCase();

/** The domain of an address, lower-case, or null. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? norm(address.slice(at + 1)) : null;
}

export function recipientStatus(address: string, policy: RecipientPolicy): RecipientStatus {
  const a = norm(address);
  const account = norm(policy.account);
  if (account && a === account) return 'account';
  const domain = domainOf(account);
  if (domain && domainOf(a) === domain) return 'domain';
  if (policy.confirmed.some((c) => norm(c) === a)) return 'confirmed';
  return 'unconfirmed';
}

/** Whether the digest may be sent to this address. */
export function mayReceive(address: string, policy: RecipientPolicy): boolean {
  return recipientStatus(address, policy) !== 'unconfirmed';
}

/** Every address the goals' owners name, with its status, in address order. */
export function digestRecipients(goals: readonly { kpi: string; owner?: string | null }[], policy: RecipientPolicy): DigestRecipient[] {
  const byAddress = new Map<string, string[]>();
  for (const g of goals) {
    const address = recipientOf(g.owner);
    if (!address) continue;
    const key = norm(address);
    byAddress.set(key, [...(byAddress.get(key) ?? []), g.kpi]);
  }
  return [...byAddress.keys()]
    .sort()
    .map((address) => ({ address, status: recipientStatus(address, policy), kpis: byAddress.get(address)! }));
}

/** What the account was last shown: the addresses and their statuses, so a change can be noticed. */
export function recipientsFingerprint(list: readonly DigestRecipient[]): string {
  return list.map((r) => `${r.address}:${r.status}`).join(',');
}
