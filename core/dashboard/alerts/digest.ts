import { isoFromSerial, toSerial } from '../../args/cells';
import { valueError } from '../../errors';
import { formatValue } from '../format';
import { fill, Locale, tr } from '../i18n';
import { Breach } from './check';
import { AL, alertLabel } from './labels';
import { mayReceive, RecipientPolicy } from './recipients';

/**
 * The daily digest: one message per owner listing that owner's KPIs in breach, as subject, plain
 * text and HTML (every piece of user text escaped). Pure: the Apps Script trigger sends them
 * with MailApp, within fitToQuota. O(breaches).
 */
export interface Digest {
  /** The owner as typed in the goal (first spelling seen), null for KPIs without an owner. */
  readonly owner: string | null;
  /**
   * E-mail address: found in the owner text ("Ana <ana@x.com>", "ana@x.com") when the recipient
   * policy allows it, else the fallback, else null (cannot be sent).
   */
  readonly to: string | null;
  /** The owner's address when the policy did not allow it (the digest went to the fallback instead). */
  readonly withheld: string | null;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly kpis: readonly string[];
}

export interface DigestOptions {
  readonly locale: Locale;
  /** The as-of date of the values (ISO text or serial). */
  readonly asOf: unknown;
  /** Link to the spreadsheet or workbook; omitted when absent. */
  readonly dashboardUrl?: string | null;
  /** Where digests of owners without an address go (e.g. the person who switched alerts on); default none. */
  readonly fallbackRecipient?: string | null;
  /** Which owner addresses may be written to (see recipients.ts); omitted: any address in the owner text. */
  readonly policy?: RecipientPolicy;
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** The e-mail address inside an owner's text, or null. @example recipientOf('Ana Lima <ana@acme.fr>') // => 'ana@acme.fr' */
export function recipientOf(owner: string | null | undefined): string | null {
  const m = EMAIL.exec(owner ?? '');
  return m ? m[0] : null;
}

/** Text made safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Date as the locale writes it: 2026-03-15 (en), 15/03/2026 (fr). */
function dateText(serial: number, locale: Locale): string {
  const iso = isoFromSerial(serial);
  return locale === 'fr' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/** One breach as a line of the digest (also what the Excel task pane can list). */
export function describeBreach(b: Breach, locale: Locale): string {
  const reasons: string[] = [];
  const threshold = b.threshold === null ? '' : formatValue(b.threshold, b.unit, locale);
  if (b.kinds.includes('pace')) reasons.push(fill(tr(AL.paceLine, locale), { threshold }));
  if (b.kinds.includes('threshold')) reasons.push(fill(tr(AL.thresholdLine, locale), { threshold }));
  if (b.kinds.includes('anomaly')) reasons.push(tr(AL.anomalyLine, locale));
  const colon = locale === 'fr' ? ' : ' : ': '; // French puts a space before the colon
  return `${b.name}${colon}${formatValue(b.value, b.unit, locale)} (${alertLabel(b.kinds, locale)}) — ${reasons.join(locale === 'fr' ? ' ; ' : '; ')}`;
}

/**
 * Groups breaches by owner (trimmed, case-insensitive; the first spelling is kept) in order of
 * first appearance, and writes each owner's message. The greeting never repeats the owner text
 * (any editor can type it); an owner address the policy does not allow is not written to: that
 * digest goes to the fallback recipient, saying the address waits for confirmation.
 * @throws KpiError #VALUE! when asOf is not a date.
 */
export function buildDigests(breaches: readonly Breach[], options: DigestOptions): Digest[] {
  const asOf = toSerial(options.asOf);
  if (asOf === undefined) throw valueError(`as-of ${String(options.asOf)} is not a date`);
  const { locale } = options;
  const date = dateText(Math.floor(asOf), locale);
  const groups = new Map<string, { owner: string | null; items: Breach[] }>();
  for (const b of breaches) {
    const key = (b.owner ?? '').trim().toLowerCase();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { owner: b.owner?.trim() || null, items: [] }));
    g.items.push(b);
  }
  const url = options.dashboardUrl?.trim() || null;
  const out: Digest[] = [];
  for (const { owner, items } of groups.values()) {
    const subject =
      items.length === 1
        ? fill(tr(AL.subjectOne, locale), { kpi: items[0].name, date })
        : fill(tr(AL.subject, locale), { n: items.length, date });
    const address = recipientOf(owner);
    const withheld = address && options.policy && !mayReceive(address, options.policy) ? address : null;
    const hello = tr(AL.hello, locale);
    const intro = fill(tr(withheld ? AL.introWithheld : owner ? AL.intro : AL.introNoOwner, locale), { date });
    const lines = items.map((b) => describeBreach(b, locale));
    const text = [
      hello,
      '',
      intro,
      '',
      ...lines.map((l) => `- ${l}`),
      '',
      ...(url ? [fill(tr(AL.open, locale), { url }), ''] : []),
      tr(AL.footer, locale),
    ].join('\n');
    const html = [
      `<p>${escapeHtml(hello)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      `<ul>${items.map((b, i) => `<li><strong>${escapeHtml(b.name)}</strong>${escapeHtml(lines[i].slice(b.name.length))}</li>`).join('')}</ul>`,
      url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(tr(AL.openHtml, locale))}</a></p>` : '',
      `<p style="color:#666666">${escapeHtml(tr(AL.footer, locale))}</p>`,
    ].join('');
    const to = (withheld ? null : address) ?? options.fallbackRecipient ?? null;
    out.push({ owner, to, withheld, subject: oneLine(subject), text, html, kpis: items.map((b) => b.kpi) });
  }
  return out;
}

/** Subjects are headers: no line breaks (a KPI or owner name could carry one). */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

/**
 * Which digests to send today. MailApp counts every recipient against a daily quota (100 a day
 * for consumer accounts, 1,500 for Google Workspace; MailApp.getRemainingDailyQuota() tells what
 * is left). One digest = one recipient. Digests without an address are never sent; the others
 * are sent most breaches first until the quota is used, the rest deferred (the host can say so).
 */
export function fitToQuota(digests: readonly Digest[], remaining: number): { send: Digest[]; deferred: Digest[]; unaddressed: Digest[] } {
  const unaddressed = digests.filter((d) => !d.to);
  const addressed = digests.filter((d) => d.to).sort((a, b) => b.kpis.length - a.kpis.length);
  const n = Math.max(0, Math.floor(remaining));
  return { send: addressed.slice(0, n), deferred: addressed.slice(n), unaddressed };
}
