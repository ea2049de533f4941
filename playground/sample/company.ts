import { pick, seeded } from './random';

/**
 * The sample company: "Northwind Analytics", a fictional B2B SaaS over 24 months,
 * generated from a fixed seed so every run (and every test) sees the same workbook. It has
 * seasonality (Q4 busier), a spend anomaly, churn, expansion, contraction and reactivation.
 * Its Marketing sheet also carries website sessions and the active customers of each channel at
 * month end, so every dashboard template (e-commerce too: store conversion, retention) computes
 * every card on it. Its Transactions sheet is an online store's orders, with new shoppers every
 * month, so orders keep pace with the sessions and Customers at risk sees a mix of active and
 * lost shoppers.
 *
 * While generating, it also totals what a few KPIs should be, with its own plain arithmetic (not
 * the core's code), so the Examples sheet can show an independent expected value beside each
 * live formula over this data.
 */
export type Cell = string | number | boolean | null;
export interface SampleWorkbook {
  sheets: Record<string, Cell[][]>;
  /** Live formulas over the data with the value the generator's own arithmetic expects. */
  checks: { label: string; formula: string; expected: number; working: string }[];
}

export const CHANNELS = ['Search', 'Social', 'Email', 'Events', 'Referral'] as const;
const CPL: Record<string, number> = { Search: 45, Social: 30, Email: 12, Events: 110, Referral: 20 };
const LEAD_TO_OPP: Record<string, number> = { Search: 0.22, Social: 0.12, Email: 0.18, Events: 0.3, Referral: 0.35 };
const BASE_SPEND: Record<string, number> = { Search: 9000, Social: 6000, Email: 1500, Events: 5000, Referral: 1000 };
/** Share of a channel's website sessions that become a lead (B2B landing pages: a few percent; events mostly register offline). */
const VISIT_TO_LEAD: Record<string, number> = { Search: 0.03, Social: 0.015, Email: 0.06, Events: 0.2, Referral: 0.08 };
/** Seed offset of the sessions' own stream: sessions were added later, and drawing them from the main stream would change every other number. */
const TRAFFIC_STREAM = 0x5e55;
/** Seed offset of the store's shoppers: Transactions draws from a stream of its own, so the other sheets do not move with it. */
const SHOPPER_STREAM = 0x0d3e;
/** Share of a month's website sessions that bring a first-time shopper. */
const FIRST_ORDER_RATE = 0.005;
/** The store traded before the sheet starts: shoppers arrive for this many months before it, and only their orders from the first month on are written, so the first months have returning buyers too. */
const WARM_UP_MONTHS = 24;
const OWNERS = ['Alice Martin', 'Bilal Haddad', 'Chloé Dubois', 'Diego Santos', 'Emma Chen'];
export const FIRST_MONTH = { year: 2024, month0: 10 }; // November 2024
export const MONTHS = 24;

export function monthIso(i: number): string {
  const m = FIRST_MONTH.month0 + i;
  const year = FIRST_MONTH.year + Math.floor(m / 12);
  return `${year}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}

function dayIso(base: string, plusDays: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A Gamma(shape, 1) draw for a whole shape: the sum of `shape` unit exponentials. */
function gammaInt(rand: () => number, shape: number): number {
  let s = 0;
  for (let i = 0; i < shape; i++) s -= Math.log(1 - rand());
  return s;
}

/** The channel index of the k-th customer created in a month: the month's new customers are taken channel by channel. */
function channelOf(newPerChannel: readonly number[], k: number): number {
  let seen = 0;
  for (let c = 0; c < newPerChannel.length; c++) {
    seen += newPerChannel[c];
    if (k < seen) return c;
  }
  throw new Error(`customer ${k} is beyond the month's ${seen} new customers`);
}

/** Days from the first month's first day to the first day of month i (negative before it). */
function monthStartDay(i: number): number {
  return (Date.UTC(FIRST_MONTH.year, FIRST_MONTH.month0 + i, 1) - Date.UTC(FIRST_MONTH.year, FIRST_MONTH.month0, 1)) / 86400000;
}

/**
 * The store's orders, date by date: every month new shoppers arrive, as many as a small share of
 * that month's website sessions (so the store follows the traffic: Q4 busier, gently growing),
 * and each buys as the BG/NBD model tells it: repeat orders at a rate of their own while active
 * (Gamma-spread, one every two months on average), leaving for good after any order with a
 * chance of their own (12% to 45%). Spend is as the Gamma-Gamma model tells it: each order
 * Gamma(4, nu), each shopper's nu Gamma(3, 40), so an average basket near 80 that differs between
 * shoppers (without that spread the spend model cannot be fitted). The months before the sheet
 * use the first year's sessions of the same calendar month, less the growth (1.5% a month)
 * since. Shoppers are numbered by their first written order; rows are in date order, as a store
 * exports them.
 */
function storeOrders(rand: () => number, marketing: readonly Cell[][]): Cell[][] {
  const sessions = new Array(MONTHS).fill(0);
  for (let i = 0; i < MONTHS; i++)
    for (let c = 0; c < CHANNELS.length; c++) sessions[i] += marketing[1 + i * CHANNELS.length + c][7] as number;
  const end = monthStartDay(MONTHS); // the day after the last month: nothing is written from there
  const orders: { day: number; customer: number; amount: number }[] = [];
  let shoppers = 0;
  for (let i = -WARM_UP_MONTHS; i < MONTHS; i++) {
    const same = ((i % 12) + 12) % 12; // before the sheet: the same calendar month of the first year, less the growth since
    const traffic = i < 0 ? sessions[same] / 1.015 ** (same - i) : sessions[i];
    const arrivals = Math.round(traffic * FIRST_ORDER_RATE * (1 + (rand() * 2 - 1) * 0.1));
    const [first, days] = [monthStartDay(i), monthStartDay(i + 1) - monthStartDay(i)];
    for (let k = 0; k < arrivals; k++) {
      const rate = gammaInt(rand, 2) / 120; // orders a day while active
      const leave = 0.12 + rand() * 0.33;
      const nu = gammaInt(rand, 3) / 40;
      let id = 0; // numbered at its first written order
      let day = first + Math.floor(rand() * days);
      while (day < end) {
        const amount = Math.max(1, Math.round(gammaInt(rand, 4) / nu));
        if (day >= 0) orders.push({ day, customer: id || (id = ++shoppers), amount });
        if (rand() < leave) break;
        day += 1 + Math.floor(-Math.log(1 - rand()) / rate);
      }
    }
  }
  orders.sort((a, b) => a.day - b.day || a.customer - b.customer);
  return orders.map((o) => [`S${String(o.customer).padStart(4, '0')}`, dayIso(monthIso(0), o.day), o.amount]);
}

export function generateSample(seed = 20261126): SampleWorkbook {
  const rand = seeded(seed);
  const noise = (spread: number) => 1 + (rand() * 2 - 1) * spread;
  const traffic = seeded(seed + TRAFFIC_STREAM);

  // ---- Marketing: month x channel ----------------------------------------------------------
  // Sessions and Active customers (columns H, I) come last so the columns before keep their letters
  const marketing: Cell[][] = [
    ['Month', 'Channel', 'Spend', 'Leads', 'Opportunities', 'New customers', 'Revenue', 'Sessions', 'Active customers'],
  ];
  const newByMonth: number[] = [];
  const newByChannel: number[][] = []; // [month][channel], the order customers are created in below
  let spend = 0,
    leads = 0,
    opps = 0,
    won = 0,
    revenue = 0;
  for (let i = 0; i < MONTHS; i++) {
    const month0 = (FIRST_MONTH.month0 + i) % 12;
    const season = month0 >= 9 ? 1.3 : month0 === 7 ? 0.8 : 1; // Q4 busy, August quiet
    let monthNew = 0;
    newByChannel.push([]);
    for (const channel of CHANNELS) {
      let s = Math.round(BASE_SPEND[channel] * season * (1 + i * 0.015) * noise(0.1));
      const l = Math.round((s / CPL[channel]) * noise(0.15));
      if (channel === 'Social' && i === 8) s *= 3; // the anomaly: a Social budget spike with no leads behind it
      const o = Math.round(l * LEAD_TO_OPP[channel] * noise(0.2));
      const n = Math.round(o * 0.25 * noise(0.3));
      const r = Math.round(n * 480 * 12 * noise(0.2)); // first-year value of the new customers
      const visits = Math.round((l / VISIT_TO_LEAD[channel]) * (1 + (traffic() * 2 - 1) * 0.1));
      marketing.push([monthIso(i), channel, s, l, o, n, r, visits, 0]); // active customers counted from the ledger below
      spend += s;
      leads += l;
      opps += o;
      won += n;
      revenue += r;
      monthNew += n;
      newByChannel[i].push(n);
    }
    newByMonth.push(monthNew);
  }
  const mRows = marketing.length; // header + data rows

  // ---- Subscriptions: customer x month ledger -------------------------------------------------
  const ledger: Cell[][] = [['Customer', 'Month', 'MRR']];
  const mrrByMonth = new Array(MONTHS).fill(0);
  let customerCount = 0;
  for (let start = 0; start < MONTHS; start++) {
    for (let k = 0; k < newByMonth[start]; k++) {
      const id = `C${String(++customerCount).padStart(4, '0')}`;
      const channel = channelOf(newByChannel[start], k);
      let mrr = pick(rand, [99, 199, 299, 499, 899]);
      let away = 0;
      for (let i = start; i < MONTHS; i++) {
        if (away > 0) {
          away--;
          if (away === 0 && rand() < 0.5) continue; // stays gone
          if (away > 0) continue;
        } else if (i > start && rand() < 0.03) {
          away = rand() < 0.25 ? 1 + Math.floor(rand() * 3) : 999; // churn; a quarter come back
          continue;
        }
        if (i > start && rand() < 0.05)
          mrr = round2(mrr * 1.2); // expansion
        else if (i > start && rand() < 0.03) mrr = round2(mrr * 0.8); // contraction
        ledger.push([id, monthIso(i), mrr]);
        mrrByMonth[i] = round2(mrrByMonth[i] + mrr);
        (marketing[1 + i * CHANNELS.length + channel][8] as number)++; // a paying customer at month end, by acquisition channel
      }
    }
  }
  const lRows = ledger.length;

  // ---- Deals ---------------------------------------------------------------------------------
  const deals: Cell[][] = [['Deal', 'Owner', 'Created', 'Closed', 'Amount', 'Stage']];
  let dealsWon = 0,
    dealsLost = 0,
    cycleDays = 0,
    closedDeals = 0;
  for (let d = 1; d <= 300; d++) {
    const created = dayIso(monthIso(0), Math.floor(rand() * (MONTHS * 30.4 - 20)));
    const u = rand();
    const stage = u < 0.3 ? 'Won' : u < 0.8 ? 'Lost' : 'Open';
    const days = 15 + Math.floor(rand() * 100);
    const closed = stage === 'Open' ? null : dayIso(created, days);
    deals.push([`D${String(d).padStart(4, '0')}`, pick(rand, OWNERS), created, closed, Math.round(2000 + rand() * 28000), stage]);
    if (stage === 'Won') dealsWon++;
    if (stage === 'Lost') dealsLost++;
    if (closed) {
      cycleDays += days;
      closedDeals++;
    }
  }

  // ---- Touchpoints: journeys of 1 to 5 touches -------------------------------------------------
  const touchpoints: Cell[][] = [['Journey', 'Date', 'Channel', 'Converted', 'Value']];
  for (let j = 1; j <= 400; j++) {
    const touches = 1 + Math.floor(rand() * 5);
    const converted = rand() < 0.3 + 0.05 * touches;
    const value = converted ? Math.round(500 + rand() * 4500) : null;
    let day = Math.floor(rand() * (MONTHS * 30 - 40));
    for (let t = 0; t < touches; t++) {
      day += Math.floor(rand() * 6);
      touchpoints.push([`J${String(j).padStart(4, '0')}`, dayIso(monthIso(0), day), pick(rand, CHANNELS), converted, value]);
    }
  }

  // ---- Transactions (for RFM, customer value and the store's orders) ---------------------------
  const transactions: Cell[][] = [['Customer', 'Date', 'Amount'], ...storeOrders(seeded(seed + SHOPPER_STREAM), marketing)];

  const last = MONTHS - 1;
  const range = (col: string, rows: number) => `Marketing!${col}2:${col}${rows}`;
  const checks: SampleWorkbook['checks'] = [
    {
      label: 'CAC over two years',
      formula: `=CAC(${range('C', mRows)}, ${range('F', mRows)})`,
      expected: spend / won,
      working: `${spend} spend / ${won} new customers`,
    },
    {
      label: 'CPL over two years',
      formula: `=CPL(${range('C', mRows)}, ${range('D', mRows)})`,
      expected: spend / leads,
      working: `${spend} / ${leads} leads`,
    },
    {
      label: 'Lead to opportunity',
      formula: `=LEAD_TO_OPP(${range('E', mRows)}, ${range('D', mRows)})`,
      expected: opps / leads,
      working: `${opps} / ${leads}`,
    },
    {
      label: 'ROMI',
      formula: `=ROMI(${range('G', mRows)}, ${range('C', mRows)})`,
      expected: (revenue - spend) / spend,
      working: `(${revenue} − ${spend}) / ${spend}`,
    },
    {
      label: `MRR of ${monthIso(last).slice(0, 7)}`,
      formula: `=MRR(Subscriptions!B2:B${lRows}, Subscriptions!C2:C${lRows}, "${monthIso(last)}")`,
      expected: mrrByMonth[last],
      working: 'sum of the ledger rows of the last month',
    },
    {
      label: 'Win rate of the deals',
      formula: `=WIN_RATE(COUNTIF(Deals!F2:F301, "Won"), COUNTIF(Deals!F2:F301, "Won") + COUNTIF(Deals!F2:F301, "Lost"))`,
      expected: dealsWon / (dealsWon + dealsLost),
      working: `${dealsWon} won / ${dealsWon + dealsLost} closed`,
    },
    {
      label: 'Average sales cycle (days)',
      formula: '=SALES_CYCLE(Deals!C2:C301, Deals!D2:D301)',
      expected: cycleDays / closedDeals,
      working: `${cycleDays} days over ${closedDeals} closed deals`,
    },
  ];

  return {
    sheets: { Marketing: marketing, Subscriptions: ledger, Deals: deals, Touchpoints: touchpoints, Transactions: transactions },
    checks,
  };
}
