import { detectMapping, headerScore, missingFields, setColumn, setSheet, SheetInfo } from '../../core/dashboard/mapping';
import { fieldInfo, normalise } from '../../core/dashboard/fields';

const sheet = (name: string, headers: string[], rows = 10): SheetInfo => ({ name, headers, rows });

describe('normalise', () => {
  it('drops case, accents and punctuation', () => {
    expect(normalise('Date de clôture')).toBe('date de cloture');
    expect(normalise('Deal - Deal created')).toBe('deal deal created');
    expect(normalise('  Coût (€) ')).toBe('cout');
    expect(normalise("Chiffre d'affaires")).toBe('chiffre d affaires');
  });
});

describe('detectMapping', () => {
  it('reads English headers (the playground sample company)', () => {
    const { mapping } = detectMapping([
      sheet('Marketing', ['Month', 'Channel', 'Spend', 'Leads', 'Opportunities', 'New customers', 'Revenue']),
      sheet('Subscriptions', ['Customer', 'Month', 'MRR']),
      sheet('Deals', ['Deal', 'Owner', 'Created', 'Closed', 'Amount', 'Stage']),
      sheet('Touchpoints', ['Journey', 'Date', 'Channel', 'Converted', 'Value']),
      sheet('Transactions', ['Customer', 'Date', 'Amount']),
    ]);
    expect(mapping.marketing).toEqual({
      sheet: 'Marketing',
      headerRow: 1,
      columns: { date: 'A', channel: 'B', spend: 'C', leads: 'D', opportunities: 'E', customers: 'F', revenue: 'G' },
    });
    expect(mapping.ledger).toEqual({ sheet: 'Subscriptions', headerRow: 1, columns: { customer: 'A', month: 'B', mrr: 'C' } });
    expect(mapping.deals).toEqual({
      sheet: 'Deals',
      headerRow: 1,
      columns: { owner: 'B', created: 'C', closed: 'D', amount: 'E', outcome: 'F' },
    });
    expect(mapping.orders).toEqual({ sheet: 'Transactions', headerRow: 1, columns: { customer: 'A', date: 'B', amount: 'C' } });
  });

  it('reads French headers', () => {
    const { mapping } = detectMapping([
      sheet('Campagnes', [
        'Mois',
        'Canal',
        'Dépenses',
        'Leads',
        'Opportunités',
        'Nouveaux clients',
        "Chiffre d'affaires attribué",
        'Visiteurs',
      ]),
      sheet('Abonnements', ['Client', 'Mois', 'Montant']),
      sheet('Affaires', ["Nom de l'affaire", 'Responsable', 'Date de création', 'Date de clôture', 'Montant', 'Étape']),
      sheet('Commandes', ['Date de commande', 'Numéro de commande', 'Client', 'Montant total']),
    ]);
    expect(mapping.marketing?.columns).toEqual({
      date: 'A',
      channel: 'B',
      spend: 'C',
      leads: 'D',
      opportunities: 'E',
      customers: 'F',
      revenue: 'G',
      sessions: 'H',
    });
    expect(mapping.ledger).toMatchObject({ sheet: 'Abonnements', columns: { customer: 'A', month: 'B', mrr: 'C' } });
    expect(mapping.deals).toMatchObject({
      sheet: 'Affaires',
      columns: { id: 'A', owner: 'B', created: 'C', closed: 'D', amount: 'E', outcome: 'F' },
    });
    expect(mapping.orders).toMatchObject({ sheet: 'Commandes', columns: { date: 'A', id: 'B', customer: 'C', amount: 'D' } });
  });

  it('reads a HubSpot deals export', () => {
    const { mapping } = detectMapping([
      sheet('hubspot-crm-exports-all-deals', [
        'Record ID',
        'Deal Name',
        'Deal Stage',
        'Amount',
        'Close Date',
        'Create Date',
        'Deal owner',
        'Pipeline',
      ]),
    ]);
    expect(mapping.deals).toEqual({
      sheet: 'hubspot-crm-exports-all-deals',
      headerRow: 1,
      columns: { id: 'A', outcome: 'C', amount: 'D', closed: 'E', created: 'F', owner: 'G' },
    });
  });

  it('reads a Salesforce opportunity report, preferring Close Date to the Closed checkbox', () => {
    const headers = [
      'Opportunity Owner',
      'Account Name',
      'Opportunity Name',
      'Stage',
      'Fiscal Period',
      'Amount',
      'Probability (%)',
      'Age',
      'Close Date',
      'Created Date',
      'Lead Source',
      'Type',
      'Won',
      'Closed',
    ];
    const { mapping } = detectMapping([sheet('report1700000000000', headers)]);
    expect(mapping.deals?.columns).toEqual({ owner: 'A', id: 'C', outcome: 'D', amount: 'F', closed: 'I', created: 'J' });
  });

  it('reads a Salesforce campaign report as marketing data', () => {
    const headers = [
      'Campaign Name',
      'Start Date',
      'Actual Cost',
      'Leads in Campaign',
      'Opportunities in Campaign',
      'Won Opportunities in Campaign',
      'Value Won Opportunities in Campaign',
    ];
    const { mapping } = detectMapping([sheet('Campaigns', headers)]);
    expect(mapping.marketing?.columns).toEqual({
      channel: 'A',
      date: 'B',
      spend: 'C',
      leads: 'D',
      opportunities: 'E',
      customers: 'F',
      revenue: 'G',
    });
  });

  it('reads a Pipedrive deals export, taking Status (won/lost/open) over Stage', () => {
    const headers = [
      'Deal - ID',
      'Deal - Title',
      'Deal - Value',
      'Deal - Currency',
      'Deal - Stage',
      'Deal - Status',
      'Deal - Owner',
      'Deal - Deal created',
      'Deal - Deal closed on',
      'Deal - Expected close date',
    ];
    const { mapping, matches } = detectMapping([sheet('deals-export', headers)]);
    expect(mapping.deals?.columns).toEqual({ id: 'A', amount: 'C', outcome: 'F', owner: 'G', created: 'H', closed: 'I' });
    expect(matches.find((m) => m.field === 'deals.closed')).toMatchObject({ header: 'Deal - Deal closed on', score: expect.any(Number) });
  });

  it('leaves a dataset out when its key columns are missing, and each sheet to one dataset', () => {
    const { mapping } = detectMapping([sheet('Notes', ['Customer', 'Comment']), sheet('Ledger', ['Customer', 'Month', 'MRR'])]);
    expect(Object.keys(mapping)).toEqual(['ledger']);
  });

  it('scores an exact synonym above a header that only contains one', () => {
    const spend = fieldInfo('marketing.spend');
    expect(headerScore(spend, 'Spend')).toBe(1);
    expect(headerScore(spend, 'Total spend EUR')).toBeCloseTo(0.6, 10);
    expect(headerScore(spend, 'Spending')).toBe(0);
  });
});

describe('user overrides', () => {
  const base = detectMapping([sheet('Marketing', ['Month', 'Spend', 'Leads', 'Customers won'])]).mapping;

  it('sets and clears a column', () => {
    const fixed = setColumn(base, 'marketing.customers', 'd');
    expect(fixed.marketing?.columns.customers).toBe('D');
    expect(base.marketing?.columns.customers).toBe('D'); // already detected: "customers won"
    const cleared = setColumn(fixed, 'marketing.leads', null);
    expect(cleared.marketing?.columns.leads).toBeUndefined();
    expect(fixed.marketing?.columns.leads).toBe('C'); // the input is not changed
    expect(() => setColumn(base, 'marketing.spend', '12')).toThrow(/not a column letter/);
    expect(() => setColumn(base, 'ledger.mrr', 'A')).toThrow(/choose the sheet/);
  });

  it('moves a dataset to another sheet, detecting what it can there', () => {
    const moved = setSheet(base, 'ledger', sheet('Billing', ['Account', 'Billing month', 'Amount', 'Notes']));
    expect(moved.ledger).toEqual({ sheet: 'Billing', headerRow: 1, columns: { customer: 'A', month: 'B', mrr: 'C' } });
    expect(setSheet(moved, 'ledger', null).ledger).toBeUndefined();
  });

  it('lists the fields a KPI still lacks, through the KPIs it is built from', () => {
    expect(missingFields(base, ['cac'])).toEqual([]);
    expect(missingFields(base, ['ltv_cac']).sort()).toEqual(['ledger.customer', 'ledger.month', 'ledger.mrr']);
    expect(missingFields(base, ['win_rate'])).toEqual(['deals.closed', 'deals.outcome']);
  });
});
