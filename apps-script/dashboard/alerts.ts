/**
 * Alerts in Google Sheets: the breaches of the generated dashboard for the sidebar,
 * and the optional daily digest e-mail, a time-driven trigger the manager switches on in the
 * sidebar. Everything the manager reads is decided by the pure core (checkAlerts, buildDigests,
 * fitToQuota in core/dashboard/alerts); this layer reads the dashboard, keeps the trigger and
 * sends the mail. docs/contributing/sheets-host.md "Alerts" explains the scopes and what the user sees.
 */
import type { AlertsStatus } from '../../sidebar/bridge';
import { serialFromYmd } from '../../core/args/cells';
import { Breach, breachesOfGenerated, buildDigests, fitToQuota } from '../../core/dashboard/alerts';
import { GeneratedDashboard } from '../../core/dashboard/generated';
import { Locale, localeFrom } from '../../core/dashboard/i18n';
import { DashboardSetup } from '../../core/dashboard/setup';
import { useSpreadsheetZone } from '../spreadsheet-zone';
import { DailyRecord, parseDaily, policyOf, recipientsStatus, sameUser, withConfirmed } from './digest-recipients';
import { withDocumentLock } from './lock';
import { readAnchored } from './anchors';
import { locateDashboard } from '../../core/dashboard/anchors';
import { readersRecord } from './generated-store';
import { message } from './messages';
import { GENERATED_KEY, readSetup, SETUP_KEY } from './store';
import { ALERT_SCOPES } from './scopes';
import { readSheets } from './workbook';
import { todayIso } from './workbook-info';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The top-level function the daily trigger runs (generated stub in dist/apps-script/functions.js). */
export const DIGEST_HANDLER = 'sendDailyDigest';
/** Hour of the day (spreadsheet time zone) the digest goes out; Google runs it within that hour. */
export const DIGEST_HOUR = 7;
/**
 * Document property: who switched the daily digest on, the id of their trigger (the only one that
 * sends), the owner addresses they confirmed and the recipient list as they last saw it
 * ({"by": "ana@acme.fr", "trigger": "…", "confirmed": [], "seen": "…"}); absent when off.
 */
export const DAILY_KEY = 'KPIPILOT_DAILY_ALERTS';
/** Document property: what the last daily run did (DigestRun as JSON), for support and the sidebar. */
export const LAST_DIGEST_KEY = 'KPIPILOT_LAST_DIGEST';

/** What one run of the daily digest did. */
export interface DigestRun {
  /** The as-of date of the values, ISO YYYY-MM-DD. */
  readonly date: string;
  readonly breaches: number;
  /** One entry per e-mail sent: recipient and the KPIs it lists. */
  readonly sent: readonly { readonly to: string; readonly kpis: readonly string[] }[];
  /** Owners whose digest waits for tomorrow: MailApp's daily recipient quota was used up. */
  readonly deferred: readonly (string | null)[];
  /** Owners with no e-mail address and no fallback recipient: nothing could be sent to them. */
  readonly unaddressed: readonly (string | null)[];
  /** Owner addresses not written to (outside the domain, not confirmed): their digest went to the account. */
  readonly withheld: readonly string[];
  /** Why nothing was looked at, when so (switched off, nothing generated, no dashboard). */
  readonly skipped?: string;
}

interface AuthInfo {
  getAuthorizationStatus(): unknown;
  getAuthorizationUrl(): string | null;
  /** Newer runtimes only (granular consent): the granted scopes among those asked about. */
  getAuthorizedScopes?(): string[] | null;
}
interface ScriptAppWithScopes {
  getAuthorizationInfo(mode: GoogleAppsScript.Script.AuthMode, scopes: string[]): AuthInfo;
}

const props = () => PropertiesService.getDocumentProperties();
const generatedSetup = (): DashboardSetup | null => readSetup(GENERATED_KEY) ?? readSetup(SETUP_KEY);
const userLocale = (): Locale => localeFrom(Session.getActiveUserLocale());

/** The daily digest's record in the document, or null when it is off. */
export function readDaily(): DailyRecord | null {
  return parseDaily(props().getProperty(DAILY_KEY));
}

/**
 * The breaches now and whether the daily digest is on. Reads only: the sheets and markers, then
 * the as-of cell, the card table and the trend table through their anchors (readBreaches).
 * Nothing generated yet, or the dashboard deleted: no breaches. Round trips do not grow with the data.
 */
export function getAlerts(): AlertsStatus {
  const record = readDaily();
  const daily = record !== null;
  const setup = generatedSetup();
  // while the digest is on: who it writes to (addresses only, no owner text beyond them)
  const recipients = record ? recipientsStatus(setup, record, ownEmail()) : {};
  if (!setup) return { daily, dailyAvailable: true, breaches: [], ...recipients };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  useSpreadsheetZone(); // the as-of cell comes back as a Date
  const dashboard = readSheets(ss).sheets.some((s) => s.marker === 'dashboard');
  return {
    daily,
    dailyAvailable: true,
    breaches: dashboard ? readBreaches(ss, setup, readersRecord(ss, setup)).breaches : [],
    ...recipients,
  };
}

/**
 * The account that switched the digest on confirms owner addresses outside its domain (or, with
 * none, records that it saw the current list). Only that account can: the digest is sent from
 * its mailbox. Runs under the document lock.
 * @throws Error when the digest is off or another user asks
 */
export function confirmDigestRecipients(addresses: string[]): AlertsStatus {
  const locale = generatedSetup()?.locale ?? userLocale();
  withDocumentLock(locale, () => {
    const record = readDaily();
    if (!record) throw new Error(message('digestOff', locale));
    const me = ownEmail();
    if (!me || !sameUser(record.by, me)) throw new Error(message('notDigestAccount', locale, { account: record.by || '?' }));
    const next = withConfirmed(record, generatedSetup(), Array.isArray(addresses) ? addresses : [], me);
    props().setProperty(DAILY_KEY, JSON.stringify(next));
  });
  return getAlerts();
}

/**
 * Switches the daily digest on or off for this spreadsheet. The switch belongs to the document
 * (a document property naming who switched it on); the trigger to the person who switched it on,
 * since Google runs a time-driven trigger as its creator and lets only them delete it.
 * - On: makes sure the alert scopes are granted (ScriptApp.requireScopes: under Google's granular
 *   consent this is the moment the user is asked for them), then keeps exactly ONE time-driven
 *   trigger of this user for this spreadsheet calling sendDailyDigest every day at 7 (spreadsheet
 *   time zone), and records the switch. When another editor's digest is already on, nothing is
 *   added: the spreadsheet gets one digest a day, not one per editor.
 * - Off: removes the switch and this user's triggers of that handler only (never another
 *   function's). Any editor may switch it off: another editor's trigger finds the switch gone at
 *   its next run and deletes itself without sending anything.
 * Idempotent; runs under the document lock.
 * @throws Error with an authorization link when the alert scopes are missing; when the lock is busy
 */
export function setDailyAlerts(on: boolean): AlertsStatus {
  const locale = generatedSetup()?.locale ?? userLocale();
  if (on) ensureAlertScopes(locale); // before the lock: it may end this run with Google's consent prompt
  withDocumentLock(locale, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const mine = ownTriggers(ss, on);
    const record = readDaily();
    if (on) {
      const me = ownEmail();
      // already on by another editor: their trigger is recorded, or (older records) their address.
      // The recorded account itself may switch on again (its trigger may have been deleted by hand).
      const itsAccount = me !== '' && !!record && sameUser(record.by, me);
      const othersTrigger = record?.trigger !== undefined && !itsAccount && !mine.some((t) => t.getUniqueId() === record.trigger);
      if (record && mine.length === 0 && (othersTrigger || !sameUser(record.by, me))) return;
      if (record && othersTrigger && mine.length > 0) return; // this user's leftover trigger retires at its next run
      const trigger =
        mine[0] ??
        ScriptApp.newTrigger(DIGEST_HANDLER).timeBased().everyDays(1).atHour(DIGEST_HOUR).inTimezone(ss.getSpreadsheetTimeZone()).create();
      for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra); // never more than one
      const keep = record && sameUser(record.by, me) ? record.confirmed : [];
      const next = withConfirmed({ by: me, trigger: trigger.getUniqueId(), confirmed: keep }, generatedSetup(), [], me); // the list is shown now
      props().setProperty(DAILY_KEY, JSON.stringify(next));
    } else {
      for (const t of mine) ScriptApp.deleteTrigger(t);
      props().deleteProperty(DAILY_KEY);
    }
  });
  return getAlerts();
}

/**
 * The daily trigger's handler. Under the document lock: finds what the last generation recorded
 * (core generated.ts: the cards' and the trend's KPIs), moves the dashboard's as-of cell to today (so every formula recomputes for
 * today, as a regeneration would), reads the values and trend back in one getValues, runs
 * core checkAlerts, writes one digest per owner (buildDigests), keeps within MailApp's daily
 * recipient quota (fitToQuota; the rest is deferred and reported) and sends each with
 * MailApp.sendEmail (HTML and plain text). Nothing is sent when nothing is in breach.
 * A trigger whose switch is gone (switched off, or switched on again by another editor) deletes
 * itself and sends nothing.
 * @throws Error when the alert scopes were revoked (the run fails and Google's execution log,
 *   and its failure e-mail to the user, say so) or the spreadsheet cannot be opened
 */
export function sendDailyDigest(e?: { triggerUid?: unknown }): DigestRun {
  const setup = generatedSetup();
  const locale = setup?.locale ?? userLocale();
  const none = (skipped: string, date = ''): DigestRun => ({
    date,
    breaches: 0,
    sent: [],
    deferred: [],
    unaddressed: [],
    withheld: [],
    skipped,
  });
  const record = readDaily();
  const uid = e && typeof e.triggerUid === 'string' ? e.triggerUid : undefined;
  // the recorded trigger alone sends; without one (older records), the recorded address decides
  const notMine =
    record &&
    (uid !== undefined && record.trigger !== undefined
      ? uid !== record.trigger
      : !!(record.by && ownEmail() && !sameUser(record.by, ownEmail())));
  if (!record || notMine) {
    // not this trigger's switch any more: remove it (that needs script.scriptapp only)
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [ALERT_SCOPES[0]]);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (ss) for (const t of ownTriggers(ss, true)) if (uid === undefined || t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
    return none('switched off');
  }
  // a trigger cannot show a consent prompt: a missing scope ends the run here, before anything is read
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [...ALERT_SCOPES]);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error(message('noSpreadsheet', locale));
  if (!setup) return none('nothing generated');
  return withDocumentLock(locale, () => {
    useSpreadsheetZone();
    const state = readSheets(ss);
    const today = todayIso(ss);
    // one digest per spreadsheet per day, whichever trigger runs and whatever getEmail() says
    const last = readLastRun();
    if (last && last.date === today && !last.skipped) return none('already sent today', today);
    if (!state.sheets.some((s) => s.marker === 'dashboard')) return none('no dashboard', today);
    const generated = readersRecord(ss, setup);
    // the as-of cell is found by its anchor and the cards checked BEFORE anything is written: a
    // dashboard whose layout cannot be found gets no date written over a user's cell
    const anchored = readAnchored(ss, false);
    try {
      locateDashboard(generated.kpis, generated.locale, anchored);
    } catch (e) {
      const run = none(e instanceof Error ? e.message : String(e), today);
      props().setProperty(LAST_DIGEST_KEY, JSON.stringify(run));
      console.warn(`KPI Pilot daily digest: ${run.skipped}`);
      return run;
    }
    const [y, m, d] = today.split('-').map(Number);
    anchored.asOfRange!.setValue(serialFromYmd(y, m - 1, d));
    SpreadsheetApp.flush(); // recalculate before reading back
    const { breaches } = readBreaches(ss, setup, generated);
    let run: DigestRun = { date: today, breaches: breaches.length, sent: [], deferred: [], unaddressed: [], withheld: [] };
    if (breaches.length) {
      const fallback = ownEmail() || record.by || null;
      const policy = policyOf(record, ownEmail());
      const digests = buildDigests(breaches, {
        locale: setup.locale,
        asOf: today,
        dashboardUrl: ss.getUrl(),
        fallbackRecipient: fallback,
        policy,
      });
      const { send, deferred, unaddressed } = fitToQuota(digests, MailApp.getRemainingDailyQuota());
      for (const dg of send) MailApp.sendEmail({ to: dg.to!, subject: dg.subject, body: dg.text, htmlBody: dg.html, name: 'KPI Pilot' });
      run = {
        ...run,
        sent: send.map((dg) => ({ to: dg.to!, kpis: dg.kpis })),
        deferred: deferred.map((dg) => dg.owner),
        unaddressed: unaddressed.map((dg) => dg.owner),
        withheld: digests.flatMap((dg) => (dg.withheld ? [dg.withheld] : [])),
      };
      if (deferred.length || unaddressed.length) {
        console.warn(`KPI Pilot daily digest: ${deferred.length} deferred (mail quota), ${unaddressed.length} without an address`);
      }
    }
    props().setProperty(LAST_DIGEST_KEY, JSON.stringify(run));
    return run;
  });
}

/** The last daily run as recorded, or null. */
function readLastRun(): DigestRun | null {
  const text = props().getProperty(LAST_DIGEST_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as DigestRun;
  } catch {
    return null;
  }
}

/**
 * Makes sure the alert scopes are granted before the trigger is installed. Asks Apps Script
 * which of them this user granted (getAuthorizationInfo with the scope list); when some are
 * missing, ScriptApp.requireScopes asks for exactly those (under granular consent, Google's
 * prompt). If the runtime cannot prompt from this call (google.script.run from the sidebar),
 * the error carries Google's authorization link so the manager can grant them and try again.
 */
function ensureAlertScopes(locale: Locale): void {
  const info = (ScriptApp as unknown as ScriptAppWithScopes).getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...ALERT_SCOPES]);
  const granted = typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
  if (granted && ALERT_SCOPES.every((s) => granted.includes(s))) return;
  try {
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [...ALERT_SCOPES]);
  } catch (e) {
    const error = new Error(message('alertScopes', locale, { url: info.getAuthorizationUrl() ?? '' }));
    (error as Error & { cause?: unknown }).cause = e;
    throw error;
  }
}

/**
 * This user's daily-digest triggers in this spreadsheet (getUserTriggers lists only the current
 * user's triggers of this add-on for this document). Without script.scriptapp granted the user
 * cannot have made one, and asking would fail: none, without a call.
 */
function ownTriggers(ss: Spreadsheet, granted: boolean): GoogleAppsScript.Script.Trigger[] {
  if (!granted && !hasScope(ALERT_SCOPES[0])) return [];
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === DIGEST_HANDLER);
}

function hasScope(scope: string): boolean {
  const info = (ScriptApp as unknown as ScriptAppWithScopes).getAuthorizationInfo(ScriptApp.AuthMode.FULL, [scope]);
  const granted = typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
  return granted ? granted.includes(scope) : true;
}

/** The e-mail of the user running this (the trigger's owner in a trigger run); '' when Google does not say. */
function ownEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/**
 * Finds the as-of cell, the cards and the trend table through their anchors (named ranges, core
 * anchors.ts); core breachesOfGenerated checks each KPI is where its anchor says and decides.
 * Three getRangeByName and three getValues whatever the data size.
 * @throws KpiError saying what to do when the layout cannot be found (nothing is read further)
 */
export function readBreaches(ss: Spreadsheet, setup: DashboardSetup, generated: GeneratedDashboard): { breaches: Breach[]; asOf: unknown } {
  return breachesOfGenerated(setup, generated, readAnchored(ss, true));
}
